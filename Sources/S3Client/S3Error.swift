/// S3 answered a request with an error status (4xx/5xx), or with an `<Error>` document.
///
/// `description` names the operation, the object, the status and S3's error code, e.g.
/// `PutObject s3://bucket/key failed: 403 SignatureDoesNotMatch: The request signature we calculated…`.
public struct S3Error: Error, Sendable, CustomStringConvertible {
    /// S3 operation name, e.g. `PutObject`.
    public let operation: String
    public let bucket: String
    /// Object key; `nil` for bucket-level operations.
    public let key: String?
    public let statusCode: Int
    /// S3 error code (`SignatureDoesNotMatch`, `NoSuchBucket`, …); empty when the response had no error
    /// document (HEAD responses, proxies).
    public let code: String
    public let message: String
    /// `<RequestId>` or the `x-amz-request-id` header.
    let requestId: String?
    /// `<HostId>` or the `x-amz-id-2` header.
    let hostId: String?
    /// The bucket's region as S3 reports it (`x-amz-bucket-region` / `<Region>`), when it says so
    /// (`PermanentRedirect`, `AuthorizationHeaderMalformed`).
    let bucketRegion: String?
    /// What S3 computed for a `SignatureDoesNotMatch`; compare with our own canonical request to find
    /// a signing bug. Neither contains a secret.
    let serverCanonicalRequest: String?
    let serverStringToSign: String?
    /// How many attempts were made before giving up (1 when the error was final at once).
    public var attempts: Int = 1

    public init(
        operation: String, bucket: String, key: String?, statusCode: Int, code: String, message: String,
        requestId: String? = nil, hostId: String? = nil, bucketRegion: String? = nil,
        serverCanonicalRequest: String? = nil, serverStringToSign: String? = nil
    ) {
        self.operation = operation
        self.bucket = bucket
        self.key = key
        self.statusCode = statusCode
        self.code = code
        self.message = message
        self.requestId = requestId
        self.hostId = hostId
        self.bucketRegion = bucketRegion
        self.serverCanonicalRequest = serverCanonicalRequest
        self.serverStringToSign = serverStringToSign
    }

    public var description: String {
        var text = "\(operation) \(S3Location.describe(bucket: bucket, key: key)) failed: \(statusCode)"
        if !code.isEmpty { text += " \(code)" }
        if !message.isEmpty { text += ": \(message)" }
        if let bucketRegion, code == "PermanentRedirect" || code == "AuthorizationHeaderMalformed" {
            text += " (the bucket is in region \(bucketRegion); set `region` to it)"
        }
        if let requestId { text += " (request id \(requestId))" }
        if attempts > 1 { text += " (after \(attempts) attempts)" }
        return text
    }

    /// Whether a retry may succeed: throttling, timeouts and server-side failures (aws-sdk-go-v2 standard
    /// retryer set). Authentication and client errors are final.
    public var isRetryable: Bool {
        if isThrottling || Self.retryableCodes.contains(code) { return true }
        return [500, 502, 503, 504].contains(statusCode)
    }

    /// Whether S3 asks the client to slow down: status 429, or a throttling code of aws-sdk-go-v2
    /// (`aws/retry` `DefaultThrottleErrorCodes`: `SlowDown`, `Throttling`, `RequestLimitExceeded`, …).
    /// Such answers lower the client's request limit and are retried without spending `max_retries`.
    var isThrottling: Bool {
        statusCode == 429 || Self.throttlingCodes.contains(code)
    }

    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    /// Transient, not throttling (aws-sdk-go-v2 `DefaultRetryableErrorCodes`, plus `InternalError`).
    static let retryableCodes: Set<String> = ["RequestTimeout", "RequestTimeoutException", "InternalError"]
}

/// The request never got an HTTP answer: connection refused, DNS failure, TLS failure, timeout.
public struct S3TransportError: Error, Sendable, CustomStringConvertible {
    let operation: String
    let bucket: String
    let key: String?
    /// `scheme://host[:port]` that was being contacted.
    let endpoint: String
    /// libcurl's `CURLcode`.
    let curlCode: Int
    /// libcurl's message (its detailed error buffer when it has one).
    let message: String
    /// How many attempts were made before giving up.
    var attempts: Int = 1
    /// The response body went over the request's `maxResponseBytes` and the transfer was stopped.
    public var responseTooLarge = false

    init(operation: String, bucket: String, key: String?, endpoint: String, curlCode: Int, message: String) {
        self.operation = operation
        self.bucket = bucket
        self.key = key
        self.endpoint = endpoint
        self.curlCode = curlCode
        self.message = message
    }

    public var description: String {
        "\(operation) \(S3Location.describe(bucket: bucket, key: key)) failed: cannot complete request to "
            + "\(endpoint): \(message) (curl error \(curlCode))\(hint.map { "; \($0)" } ?? "")"
            + (attempts > 1 ? " (after \(attempts) attempts)" : "")
    }

    /// Connection-level failures are worth retrying (the SDKs do); TLS and URL errors are not.
    var isRetryable: Bool {
        switch curlCode {
        case 6, 7, 18, 28, 52, 55, 56: return true  // resolve, connect, partial, timeout, empty reply, send, recv
        default: return false
        }
    }

    private var hint: String? {
        switch curlCode {
        case 6: return "check the endpoint host name"
        case 7: return "is the S3 endpoint running and reachable?"
        case 28: return "the server stopped responding (timed out)"
        case 35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91:
            return "TLS problem: check the endpoint's certificate, or set endpoint_skip_tls_verify for a self-signed test server"
        default: return nil
        }
    }
}

/// Invalid configuration or request arguments, or credentials that could not be obtained.
struct S3ClientError: Error, Sendable, CustomStringConvertible {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}

enum S3Location {
    /// `s3://bucket/key` for messages (raw, unencoded key, as the user wrote it).
    static func describe(bucket: String, key: String?) -> String {
        guard let key, !key.isEmpty else { return "s3://\(bucket)" }
        return "s3://\(bucket)/\(key)"
    }
}
