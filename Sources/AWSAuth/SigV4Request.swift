import Foundation
import HTTPTransport

/// One HTTP header field as it goes on the wire (the transport's type; named here so that code
/// importing only AWSAuth can build signed requests).
public typealias HTTPHeader = HTTPTransport.HTTPHeader

/// The parts of an HTTP request that SigV4 covers, in their wire form.
///
/// "Sign what you send": `path` and `query` are exactly what will appear in the request line, already
/// percent-encoded (build them with ``URIEncoding``). `headers` must include `Host` with the value that will
/// be sent (host plus any non-default port).
public struct SigV4Request: Sendable, Equatable {
    public var method: String
    /// Percent-encoded path, e.g. `/bucket/dir%20one/file.txt`; empty means `/`.
    public var path: String
    /// Percent-encoded query without the leading `?`, e.g. `partNumber=1&uploadId=abc`; empty if none.
    public var query: String
    public var headers: [HTTPHeader]

    public init(method: String, path: String, query: String = "", headers: [HTTPHeader]) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
    }

    /// The first value of the named header (case-insensitive), if any.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }
}

/// The value of `x-amz-content-sha256` and the last line of the canonical request.
public struct PayloadHash: Sendable, Equatable, CustomStringConvertible {
    public let value: String

    /// A precomputed lower-case hex SHA-256, or one of the `STREAMING-…` literals.
    public init(_ value: String) {
        self.value = value
    }

    /// SHA-256 of the body, hex-encoded.
    public static func sha256<Bytes: ContiguousBytes>(of body: Bytes) -> PayloadHash {
        PayloadHash(Hashing.hex(Hashing.sha256(body)))
    }

    /// `UNSIGNED-PAYLOAD`: the body is not covered by the signature (S3 accepts it over HTTPS).
    public static let unsigned = PayloadHash("UNSIGNED-PAYLOAD")

    /// SHA-256 of the empty body.
    public static let empty = PayloadHash("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")

    public var description: String { value }
}

/// Everything a signing produced; the intermediate strings make signature mismatches debuggable (compare
/// them with the `CanonicalRequest`/`StringToSign` S3 returns in a `SignatureDoesNotMatch` error).
/// None of these contain the secret key.
public struct SigV4Signature: Sendable, Equatable {
    public let canonicalRequest: String
    let stringToSign: String
    /// `date/region/service/aws4_request`
    let credentialScope: String
    /// `;`-joined lower-case names of the signed headers.
    let signedHeaders: String
    /// Lower-case hex signature.
    public let signature: String
    /// The full `Authorization` header value.
    public let authorization: String
}
