import AWSAuth

/// How an ``S3Client`` reaches and authenticates to S3. Mirrors the plugin spec keys `region`,
/// `endpoint`, `use_path_style`, `endpoint_skip_tls_verify`, `max_retries`, `max_backoff`, `aws_debug` and
/// `max_concurrent_requests`.
public struct S3ClientConfig: Sendable {
    /// Whether uploads carry a flexible checksum.
    public enum ChecksumMode: Sendable, Equatable {
        /// `x-amz-checksum-crc32` on PutObject and UploadPart, `x-amz-checksum-algorithm: CRC32` on
        /// CreateMultipartUpload and `<ChecksumCRC32>` per part on Complete, as the Go plugin's uploader
        /// sends them (as a header, not an aws-chunked trailer, which many S3-compatible stores reject).
        case crc32
        /// No flexible checksums, for stores that reject them (the SDKs' `when_required`).
        case none
    }

    /// How the body is covered by the signature (`x-amz-content-sha256`).
    public enum PayloadSigning: Sendable, Equatable {
        /// SHA-256 of the body, always (valid over HTTP and HTTPS; S3 verifies the body against it).
        case signed
        /// `UNSIGNED-PAYLOAD` over HTTPS (TLS already protects the body; saves hashing), SHA-256 over HTTP,
        /// where S3 requires it. This is what aws-sdk-go-v2 does for PutObject/UploadPart.
        case unsignedOverHTTPS
    }

    /// Signing region; required, also with a custom endpoint (it goes into the credential scope).
    public var region: String
    /// Custom endpoint URL (`http://` or `https://`, optional port and path prefix), e.g. an S3-compatible
    /// server. `nil` or empty: `AWS_ENDPOINT_URL_S3`, then `AWS_ENDPOINT_URL`, then AWS's regional endpoint.
    public var endpoint: String?
    /// Always address buckets path-style (`host/bucket/key`) instead of virtual-hosted (`bucket.host/key`).
    public var usePathStyle: Bool
    /// Skip TLS certificate and host-name verification (self-signed test servers only).
    public var skipTLSVerify: Bool
    /// PEM file of CA certificates to trust instead of the system store (like `AWS_CA_BUNDLE`).
    public var caBundlePath: String?
    public var credentialsProvider: any CredentialsProvider
    var payloadSigning: PayloadSigning
    /// Seconds allowed for the TCP + TLS connect.
    public var connectTimeout: Double
    /// A transfer slower than 1 byte/s for this many seconds is aborted, so a dead server cannot hang a sync.
    public var stallTimeout: Double
    /// Environment used for `AWS_ENDPOINT_URL_S3`/`AWS_ENDPOINT_URL`/`AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`;
    /// `nil` reads the process environment (tests inject a dictionary).
    public var environment: [String: String]?
    /// Flexible checksums on uploads; ``ChecksumMode/crc32`` by default, as the Go plugin.
    public var checksums: ChecksumMode
    /// Attempts, backoff and clock-skew correction.
    public var retry: S3RetryPolicy
    /// The most requests the client has in flight at once, over all its callers (every object and
    /// every part of a sync); fewer while S3 throttles. At least 1.
    public var maxConcurrentRequests: Int
    /// Log every request (line and headers) and response (status and headers) at debug level, with
    /// signatures, session tokens and keys redacted (the spec's `aws_debug`). Bodies are not logged,
    /// only their sizes (they are the user's data).
    public var debugLogging: Bool

    public init(
        region: String,
        credentialsProvider: any CredentialsProvider,
        endpoint: String? = nil,
        usePathStyle: Bool = false,
        skipTLSVerify: Bool = false,
        caBundlePath: String? = nil,
        payloadSigning: PayloadSigning = .signed,
        connectTimeout: Double = 10,
        stallTimeout: Double = 60,
        environment: [String: String]? = nil,
        checksums: ChecksumMode = .crc32,
        retry: S3RetryPolicy = .standard,
        maxConcurrentRequests: Int = S3ClientConfig.defaultMaxConcurrentRequests,
        debugLogging: Bool = false
    ) {
        self.region = region
        self.credentialsProvider = credentialsProvider
        self.endpoint = endpoint
        self.usePathStyle = usePathStyle
        self.skipTLSVerify = skipTLSVerify
        self.caBundlePath = caBundlePath
        self.payloadSigning = payloadSigning
        self.connectTimeout = connectTimeout
        self.stallTimeout = stallTimeout
        self.environment = environment
        self.checksums = checksums
        self.retry = retry
        self.maxConcurrentRequests = maxConcurrentRequests
        self.debugLogging = debugLogging
    }
}

extension S3ClientConfig {
    /// The default of ``maxConcurrentRequests`` (the spec's `max_concurrent_requests`), chosen by
    /// measurement against Ceph RGW (README, "Requests in flight").
    public static let defaultMaxConcurrentRequests = 16
}
