/// One header field, name and value as sent or received.
public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A fully prepared HTTP/1.1 request: URL already encoded, headers already signed. Bodies are held in
/// memory (S3 parts are bounded by `part_size`, credential requests are tiny).
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]

    public init(method: String, url: String, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct HTTPResponse: Sendable {
    public var statusCode: Int
    /// Header fields of the final response (interim `100 Continue` blocks dropped), names as received.
    public var headers: [HTTPHeader]
    public var body: [UInt8]

    public init(statusCode: Int, headers: [HTTPHeader], body: [UInt8]) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    public var isSuccess: Bool { (200..<300).contains(statusCode) }
}

/// Limits and connection settings of one exchange. Each caller states its own: S3 uploads need a stall
/// detector but no total timeout (a 5 GiB part may take long), credential endpoints a short total timeout.
public struct HTTPTransferOptions: Sendable {
    /// Seconds to establish the TCP (and TLS) connection.
    public var connectTimeout: Double = 10
    /// Seconds for the whole exchange, connection included; `nil` for none.
    public var totalTimeout: Double?
    /// A transfer slower than 1 byte/s for this many seconds is aborted (a dead server cannot hang a
    /// sync); `nil` for none.
    public var stallTimeout: Double?
    /// Skip TLS certificate and host-name verification (self-signed test servers only).
    public var skipTLSVerify = false
    /// PEM file of CA certificates to trust instead of the system store.
    public var caBundlePath: String?
    /// Ignore `http_proxy`/`https_proxy`: link-local and loopback credential endpoints (IMDS,
    /// containers) must be reached directly, as the AWS SDKs do.
    public var bypassProxy = false
    /// Bodies at least this large are sent with `Expect: 100-continue`, so the server can refuse a
    /// request (bad signature, missing bucket) before the body is uploaded; smaller ones skip the extra
    /// round trip. `Int.max` never asks. The header is never signed, so either choice keeps a
    /// signature valid.
    public var expectContinueThreshold = Int.max
    /// Responses larger than this abort the transfer.
    public var maxResponseBytes = 64 << 20
    var userAgent = "cq-dest-s3"

    public init(
        connectTimeout: Double = 10, totalTimeout: Double? = nil, stallTimeout: Double? = nil,
        skipTLSVerify: Bool = false, caBundlePath: String? = nil, bypassProxy: Bool = false,
        expectContinueThreshold: Int = .max, maxResponseBytes: Int = 64 << 20
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.stallTimeout = stallTimeout
        self.skipTLSVerify = skipTLSVerify
        self.caBundlePath = caBundlePath
        self.bypassProxy = bypassProxy
        self.expectContinueThreshold = expectContinueThreshold
        self.maxResponseBytes = maxResponseBytes
    }
}

/// No complete HTTP response: connection refused, DNS or TLS failure, timeout, oversized body.
public struct HTTPTransportError: Error, Sendable, CustomStringConvertible {
    /// libcurl's `CURLcode` (7 couldn't connect, 28 timed out, …).
    public let curlCode: Int
    /// libcurl's detailed message, or ours for an oversized response.
    public let message: String
    /// The TCP connection had been established when the transfer failed.
    public let connected: Bool
    /// The response body went over ``HTTPTransferOptions/maxResponseBytes``.
    public let responseTooLarge: Bool

    public init(curlCode: Int, message: String, connected: Bool, responseTooLarge: Bool = false) {
        self.curlCode = curlCode
        self.message = message
        self.connected = connected
        self.responseTooLarge = responseTooLarge
    }

    /// CURLE_OPERATION_TIMEDOUT: a connect, total or stall timeout ran out.
    public var timedOut: Bool { curlCode == 28 }

    public var description: String { "\(message) (curl error \(curlCode))" }
}
