import Foundation

/// AWS Signature Version 4 header signing (`Authorization: AWS4-HMAC-SHA256 …`).
///
/// Defaults follow S3's rules: the canonical URI is the wire path as sent (encoded once, never
/// normalised, `//`, `/./`, `/../` and trailing `/` kept) and `x-amz-content-sha256` is added to every
/// request. ``Options/generic`` gives the rules of other services (normalised, double-encoded path, no
/// payload header), which the official aws4_testsuite exercises.
///
/// A signer is cheap to share: it is `Sendable` and caches derived signing keys per day and key id.
public final class SigV4Signer: Sendable {
    /// Rules that differ between S3 and other services.
    public struct Options: Sendable, Equatable {
        public enum PathCanonicalization: Sendable, Equatable {
            /// S3: the wire path verbatim.
            case asSent
            /// Other services: remove dot segments and empty segments, then percent-encode the wire path again.
            case normalizedAndEncoded
        }

        public var path: PathCanonicalization
        /// Add (and sign) `x-amz-content-sha256`; S3 requires it on every request.
        var addContentSHA256Header: Bool

        public init(path: PathCanonicalization, addContentSHA256Header: Bool) {
            self.path = path
            self.addContentSHA256Header = addContentSHA256Header
        }

        public static let s3 = Options(path: .asSent, addContentSHA256Header: true)
        static let generic = Options(path: .normalizedAndEncoded, addContentSHA256Header: false)
    }

    public let region: String
    public let service: String
    public let options: Options
    private let keyCache = SigningKeyCache()

    /// - Parameters:
    ///   - region: signing region (the credential scope's region), e.g. `us-east-1`; with a custom S3
    ///     endpoint it is still required and still used.
    ///   - service: signing name, `s3` for S3.
    public init(region: String, service: String = "s3", options: Options = .s3) {
        self.region = region
        self.service = service
        self.options = options
    }

    /// Signs `request` in place: sets `x-amz-date`, `x-amz-security-token` (temporary credentials),
    /// `x-amz-content-sha256` (when the options ask for it) and `Authorization`, replacing any earlier
    /// values of those headers, so re-signing a request for a retry is safe.
    ///
    /// Every header present is signed except hop-by-hop ones (`expect`, `user-agent`, `transfer-encoding`,
    /// `connection`, …) that HTTP stacks may change after signing. Add all headers that will be sent
    /// (in particular `Host`, `Content-Type`, `x-amz-*`) before calling this.
    @discardableResult
    public func sign(
        _ request: inout SigV4Request,
        credentials: Credentials,
        payloadHash: PayloadHash,
        date: Date = Date()
    ) -> SigV4Signature {
        let amzDate = AMZDate(date)
        var replaced: Set<String> = ["authorization", "x-amz-date"]
        if credentials.sessionToken != nil { replaced.insert("x-amz-security-token") }
        if options.addContentSHA256Header { replaced.insert("x-amz-content-sha256") }
        request.headers.removeAll { replaced.contains($0.name.lowercased()) }
        request.headers.append(HTTPHeader("X-Amz-Date", amzDate.timestamp))
        if let token = credentials.sessionToken {
            request.headers.append(HTTPHeader("X-Amz-Security-Token", token))
        }
        if options.addContentSHA256Header {
            request.headers.append(HTTPHeader("X-Amz-Content-SHA256", payloadHash.value))
        }

        let signature = signature(for: request, credentials: credentials, payloadHash: payloadHash, amzDate: amzDate)
        request.headers.append(HTTPHeader("Authorization", signature.authorization))
        return signature
    }

    /// Computes the signature of `request` as it stands (headers are not touched). The request must
    /// already carry `x-amz-date` with the timestamp of `date` when the server is to verify it.
    public func signature(
        for request: SigV4Request,
        credentials: Credentials,
        payloadHash: PayloadHash,
        date: Date
    ) -> SigV4Signature {
        signature(for: request, credentials: credentials, payloadHash: payloadHash, amzDate: AMZDate(date))
    }

    private func signature(
        for request: SigV4Request,
        credentials: Credentials,
        payloadHash: PayloadHash,
        amzDate: AMZDate
    ) -> SigV4Signature {
        let path: String
        switch options.path {
        case .asSent: path = CanonicalRequest.s3Path(request.path)
        case .normalizedAndEncoded: path = CanonicalRequest.normalizedPath(request.path)
        }
        let (headerBlock, signedHeaders) = CanonicalRequest.headers(request.headers)
        let canonical = [
            request.method.uppercased(),
            path,
            CanonicalRequest.query(request.query),
            headerBlock,
            signedHeaders,
            payloadHash.value,
        ].joined(separator: "\n")

        let scope = "\(amzDate.day)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256",
            amzDate.timestamp,
            scope,
            Hashing.hex(Hashing.sha256(Array(canonical.utf8))),
        ].joined(separator: "\n")

        let key = keyCache.key(day: amzDate.day, region: region, service: service, credentials: credentials)
        let signature = Hashing.hex(Hashing.hmacSHA256(key: key, data: Array(stringToSign.utf8)))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"
        return SigV4Signature(
            canonicalRequest: canonical,
            stringToSign: stringToSign,
            credentialScope: scope,
            signedHeaders: signedHeaders,
            signature: signature,
            authorization: authorization)
    }

    /// The derived signing key for `date` (hex in the test vectors); exposed for tests and chunked signing.
    func signingKey(credentials: Credentials, date: Date) -> [UInt8] {
        keyCache.key(day: AMZDate(date).day, region: region, service: service, credentials: credentials)
    }
}
