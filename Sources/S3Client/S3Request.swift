import AWSAuth
import HTTPTransport

/// One S3 API call before addressing and signing: the reusable layer every operation builds on.
///
/// PutObject is a `PUT` with a body; the multipart calls are the same shape with `query` items
/// (`uploads`, `partNumber`/`uploadId`) and XML bodies; GetObject a `GET` with a larger
/// `maxResponseBytes`. ``S3Client/send(_:)`` turns it into a signed HTTP request and throws ``S3Error``
/// for error answers.
struct S3Request: Sendable {
    /// Operation name for errors and logs (`PutObject`).
    var operation: String
    var method: String
    var bucket: String
    /// Raw (unencoded) object key; empty for bucket-level calls.
    var key: String
    /// Raw query items; a `nil` value is a bare name (`?uploads`).
    var query: [(name: String, value: String?)] = []
    /// Headers to send and sign besides the ones the client adds (Host, x-amz-date, …).
    var headers: [HTTPHeader] = []
    var body: [UInt8] = []
    var maxResponseBytes: Int = 64 << 20
    /// Root element a successful answer must have, for operations S3 may fail *inside* a 200 response
    /// (CompleteMultipartUpload): an `<Error>` document or an empty body there is a failure.
    var resultDocument: String?
    /// A header a successful answer must carry (UploadPart's `ETag`); its absence means the head was cut
    /// off (libcurl accepts a head that ends without its blank line), which a retry can fix.
    var requiredHeader: String?
    /// Error codes that, answering a retry after an attempt that may have taken effect (a dropped
    /// connection or a 5xx), mean that attempt did: `send` returns such a response instead of throwing
    /// (`NoSuchUpload` for an abort that the server carried out before the connection broke).
    var settledByEarlierAttempt: Set<String> = []
}

/// An ``S3Request`` resolved to a URL and signed.
struct PreparedRequest: Sendable {
    let http: HTTPRequest
    /// Responses larger than this abort the transfer (see ``S3Request/maxResponseBytes``).
    let maxResponseBytes: Int
    let signature: SigV4Signature
}
