import AWSAuth
import Foundation

// The internal request pipeline shared by all operations: address → sign → transfer → map errors.
// Retries belong around `send` (re-signing each attempt, since the signature carries the time).
extension S3Client {
    /// Sends `request` with fresh credentials and returns the 2xx response.
    /// - Throws: ``S3Error`` for error statuses, ``S3TransportError``, ``S3ClientError``.
    func send(_ request: S3Request) async throws -> HTTPResponse {
        let credentials: Credentials
        do {
            credentials = try await config.credentialsProvider.credentials()
        } catch {
            throw S3ClientError(
                "\(request.operation) \(S3Location.describe(bucket: request.bucket, key: request.key)) failed: "
                    + "could not get AWS credentials: \(error)")
        }
        let prepared = try prepare(request, credentials: credentials, date: Date())
        let response: HTTPResponse
        do {
            response = try await http.send(prepared.http)
        } catch let error as CurlError {
            throw S3TransportError(
                operation: request.operation, bucket: request.bucket, key: request.key.isEmpty ? nil : request.key,
                endpoint: endpoint.origin, curlCode: error.code, message: error.message)
        }
        guard (200..<300).contains(response.statusCode) else {
            let error = S3Client.error(from: response, for: request)
            if error.code == "SignatureDoesNotMatch" {
                // Comparing both canonical requests pinpoints signing bugs; neither holds the secret key,
                // and the session token line is masked.
                logger.debug("S3 rejected the signature", metadata: [
                    "canonical_request": .string(Self.maskingSecurityToken(prepared.signature.canonicalRequest)),
                    "server_canonical_request": .string(error.serverCanonicalRequest ?? "(not returned)"),
                ])
            }
            throw error
        }
        return response
    }

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
        let http = HTTPRequest(
            method: request.method, url: url, headers: signable.headers, body: request.body,
            maxResponseBytes: request.maxResponseBytes)
        return PreparedRequest(http: http, signature: signature)
    }

    /// Virtual-hosted unless path style is forced, the endpoint is an IP address, or the bucket name cannot
    /// be a host label (dots allowed over plain HTTP only), following the S3 endpoint rules.
    func usesVirtualHostedStyle(bucket: String) -> Bool {
        if config.usePathStyle || endpoint.hostIsIPAddress { return false }
        return BucketNaming.isVirtualHostable(bucket, allowDots: !endpoint.isHTTPS)
    }

    /// Maps an error answer to ``S3Error``, from its XML body when there is one, else from the status.
    static func error(from response: HTTPResponse, for request: S3Request) -> S3Error {
        let xml = S3XML(response.body)
        let fromBody = xml.rootName == "Error"
        func field(_ name: String) -> String? {
            guard fromBody, let text = xml.text(name, under: "Error"), !text.isEmpty else { return nil }
            return text
        }
        let message = field("Message")
            ?? (fromBody ? "" : HTTPStatus.reason(response.statusCode))
        return S3Error(
            operation: request.operation,
            bucket: request.bucket,
            key: request.key.isEmpty ? nil : request.key,
            statusCode: response.statusCode,
            code: field("Code") ?? "",
            message: message,
            requestId: field("RequestId") ?? response.header("x-amz-request-id"),
            hostId: field("HostId") ?? response.header("x-amz-id-2"),
            bucketRegion: response.header("x-amz-bucket-region") ?? field("Region"),
            serverCanonicalRequest: field("CanonicalRequest").map(maskingSecurityToken),
            serverStringToSign: field("StringToSign"))
    }
}

extension S3Client {
    /// A canonical request lists header values, the session token among them: mask that line before
    /// the text reaches a log or an error.
    static func maskingSecurityToken(_ canonicalRequest: String) -> String {
        canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.lowercased().hasPrefix("x-amz-security-token:") ? "x-amz-security-token:<redacted>" : line
        }.joined(separator: "\n")
    }
}

enum HTTPStatus {
    /// Reason phrase for responses without an S3 error document.
    static func reason(_ status: Int) -> String {
        switch status {
        case 301: return "Moved Permanently (wrong region or endpoint?)"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 411: return "Length Required"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "HTTP status \(status)"
        }
    }
}
