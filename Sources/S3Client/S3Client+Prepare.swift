import AWSAuth
import Foundation
import HTTPTransport

// Turning an S3Request into a signed HTTP request: addressing (path- or virtual-hosted style), encoding
// and SigV4. Pure, so tests compare it with reference signers byte for byte.
extension S3Client {
    /// Addresses and signs `request` (pure: no I/O), so tests can compare the result with reference signers.
    func prepare(_ request: S3Request, credentials: Credentials, date: Date) throws -> PreparedRequest {
        let target = S3Location.describe(bucket: request.bucket, key: request.key)
        guard !request.bucket.isEmpty else {
            throw S3ClientError("\(request.operation) \(target) failed: the bucket name is empty")
        }
        for header in request.headers {
            // A CR/LF in a header would let a value (e.g. a configured content type) inject headers.
            let bad = header.name.isEmpty || (header.name + header.value).utf8.contains { $0 == 13 || $0 == 10 || $0 == 0 }
            if bad {
                throw S3ClientError("\(request.operation) \(target) failed: invalid header \"\(header.name)\" (empty name or line break)")
            }
        }

        let virtualHosted = usesVirtualHostedStyle(bucket: request.bucket)
        let host = virtualHosted ? "\(request.bucket).\(endpoint.host)" : endpoint.host
        // The base path of a custom endpoint is already in wire form; bucket and key are encoded here, once.
        var wirePath = endpoint.basePath
        if !virtualHosted { wirePath += "/" + URIEncoding.encode(request.bucket, keepSlash: false) }
        if !request.key.isEmpty || virtualHosted || wirePath.isEmpty {
            // Bucket-level calls are `/bucket` path-style and `/` virtual-hosted.
            wirePath += "/" + URIEncoding.encodePath(request.key)
        }
        let wireQuery = URIEncoding.query(request.query)
        let authority = endpoint.authority(host: host)

        var signable = SigV4Request(
            method: request.method, path: wirePath, query: wireQuery,
            headers: [HTTPHeader("Host", authority)] + request.headers)
        let payload: PayloadHash
        if config.payloadSigning == .unsignedOverHTTPS && endpoint.isHTTPS {
            payload = .unsigned
        } else {
            payload = request.body.isEmpty ? .empty : .sha256(of: request.body)
        }
        let signature = signer.sign(&signable, credentials: credentials, payloadHash: payload, date: date)

        var url = "\(endpoint.scheme)://\(authority)\(wirePath)"
        if !wireQuery.isEmpty { url += "?" + wireQuery }
        let http = HTTPRequest(method: request.method, url: url, headers: signable.headers, body: request.body)
        return PreparedRequest(http: http, maxResponseBytes: request.maxResponseBytes, signature: signature)
    }

    /// Virtual-hosted unless path style is forced, the endpoint is an IP address, or the bucket name cannot
    /// be a host label (dots allowed over plain HTTP only), following the S3 endpoint rules.
    func usesVirtualHostedStyle(bucket: String) -> Bool {
        if config.usePathStyle || endpoint.hostIsIPAddress { return false }
        return BucketNaming.isVirtualHostable(bucket, allowDots: !endpoint.isHTTPS)
    }
}
