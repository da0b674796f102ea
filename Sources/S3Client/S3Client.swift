import AWSAuth
import Foundation
import HTTPTransport
import Logging
import Synchronization

/// An S3 client for the operations the destination needs, over libcurl, signed with SigV4.
///
/// Safe to share between tasks; concurrent calls run as parallel transfers on the shared HTTP event
/// loop, at most ``S3ClientConfig/maxConcurrentRequests`` at once (fewer while S3 throttles), and idle
/// connections are kept for reuse.
public final class S3Client: Sendable {
    public let config: S3ClientConfig
    let endpoint: S3Endpoint
    let signer: SigV4Signer
    let http: HTTPClient
    let transferOptions: HTTPTransferOptions
    let limiter: RequestLimiter
    let logger: Logger
    let clockSkew = ClockSkew()
    let retryCounter = Atomic<Int>(0)

    /// Validates the configuration and resolves the endpoint; no network traffic happens here.
    /// - Throws: ``S3ClientError`` when the region is missing or the endpoint URL is unusable.
    public init(config: S3ClientConfig, logger: Logger = Logger(label: "cq-dest-s3.s3client")) throws {
        let region = config.region.trimmingCharacters(in: .whitespaces)
        guard !region.isEmpty else {
            throw S3ClientError("S3 region is required (set `region`), also when a custom endpoint is used")
        }
        self.config = config
        self.endpoint = try S3Endpoint.resolve(
            configured: config.endpoint, region: region,
            environment: config.environment ?? ProcessInfo.processInfo.environment)
        self.signer = SigV4Signer(region: region, service: "s3")
        guard config.maxConcurrentRequests >= 1 else {
            throw S3ClientError("maxConcurrentRequests must be at least 1, got \(config.maxConcurrentRequests)")
        }
        self.http = HTTPClient.shared
        // Bodies of 2 MiB and more go with `Expect: 100-continue`, as aws-sdk-go-v2's S3 client
        // (service/s3 `add100Continue`, default threshold 2 MB).
        self.transferOptions = HTTPTransferOptions(
            connectTimeout: config.connectTimeout,
            stallTimeout: config.stallTimeout,
            skipTLSVerify: config.skipTLSVerify,
            caBundlePath: config.caBundlePath,
            expectContinueThreshold: 2 << 20)
        self.limiter = RequestLimiter(maximum: config.maxConcurrentRequests)
        self.logger = logger
    }

    /// The endpoint requests go to, `scheme://host[:port]` (for messages and logs).
    var endpointDescription: String { endpoint.origin + endpoint.basePath }

    /// Retries made so far by all operations of this client (for the sync summary).
    public var retryCount: Int { retryCounter.load(ordering: .relaxed) }

    /// The most requests this client had in flight at once (for the sync summary).
    public var maxRequestsInFlight: Int { limiter.maxInFlight }

    /// The limit on requests in flight now: ``S3ClientConfig/maxConcurrentRequests``, or less while
    /// S3 throttles.
    var currentRequestLimit: Int { limiter.currentLimit }

    /// Seconds the client adds to the local clock when signing, learned from the server's `Date`
    /// header after a skew error (0 while the clocks agree within 4 minutes).
    var clockOffset: Double { clockSkew.offset }
}

extension S3Client {
    /// Uploads `body` as one object (S3 allows up to 5 GiB in a single PutObject), with an
    /// `x-amz-checksum-crc32` unless ``S3ClientConfig/checksums`` is `.none` or `headers` carry a checksum.
    ///
    /// - Parameters:
    ///   - contentType: `Content-Type` of the object; `nil` leaves it to S3 (`binary/octet-stream`).
    ///   - headers: further object headers, signed with the request: `x-amz-acl`,
    ///     `x-amz-server-side-encryption`, `x-amz-server-side-encryption-aws-kms-key-id`,
    ///     `x-amz-meta-*`, `Cache-Control`, `Content-Encoding`, `Content-MD5`, …
    /// - Throws: ``S3Error`` when S3 refuses it, ``S3TransportError`` when S3 cannot be reached,
    ///   ``S3ClientError`` for invalid arguments or unavailable credentials.
    public func putObject(
        bucket: String,
        key: String,
        body: [UInt8],
        contentType: String? = nil,
        headers: [String: String] = [:]
    ) async throws -> PutObjectResult {
        try requireKey(key, operation: "PutObject", bucket: bucket)
        guard body.count <= S3Limits.maxPutObjectSize else {
            throw S3ClientError("PutObject \(S3Location.describe(bucket: bucket, key: key)) failed: \(body.count) bytes "
                + "exceed S3's single-upload limit of \(ByteCountText.describe(S3Limits.maxPutObjectSize)); use a multipart upload")
        }
        var request = S3Request(operation: "PutObject", method: "PUT", bucket: bucket, key: key, body: body)
        if let contentType { request.headers.append(HTTPHeader("Content-Type", contentType)) }
        // Sorted so the request (and its canonical form) does not depend on dictionary order.
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            request.headers.append(HTTPHeader(name, value))
        }
        request.headers += checksumHeaders(for: body, given: request.headers)
        let response = try await send(request)
        return PutObjectResult(
            etag: response.header("ETag"),
            versionId: response.header("x-amz-version-id"),
            requestId: response.header("x-amz-request-id"))
    }
}

/// What S3 returned for a successful PutObject.
public struct PutObjectResult: Sendable, Equatable {
    /// The object's entity tag, quotes included as S3 sends it (`"<md5 hex>"` for plain single-part uploads).
    let etag: String?
    /// Version id when the bucket is versioned.
    let versionId: String?
    /// `x-amz-request-id`, for support requests.
    let requestId: String?

    init(etag: String?, versionId: String?, requestId: String?) {
        self.etag = etag
        self.versionId = versionId
        self.requestId = requestId
    }
}
