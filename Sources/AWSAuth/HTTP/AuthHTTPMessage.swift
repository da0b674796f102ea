import HTTPTransport

/// One request of a credential provider. The bodies are small, so everything is held in memory.
typealias AuthHTTPRequest = HTTPRequest

typealias AuthHTTPResponse = HTTPResponse

extension HTTPResponse {
    /// The body as text for error messages, cut short: an endpoint may answer with a whole HTML page.
    var shortText: String {
        let text = String(decoding: body.prefix(512), as: UTF8.self).trimmingWhitespace()
        return body.count > 512 ? text + "…" : text
    }
}

/// Limits of one credential-service exchange.
struct AuthHTTPOptions: Sendable {
    /// Seconds to establish the TCP (and TLS) connection.
    var connectTimeout: Double = 5
    /// Seconds for the whole exchange, connection included.
    var totalTimeout: Double = 30
    /// Extra CA bundle (`AWS_CA_BUNDLE` / profile `ca_bundle`).
    var caBundlePath: String?
    /// Ignore `http_proxy`/`https_proxy`: the link-local and loopback credential endpoints (IMDS,
    /// containers) must be reached directly, as the AWS SDKs do.
    var bypassProxy = false
    /// Credential responses are a few KiB; anything larger is a wrong endpoint.
    var maxResponseBytes = 1 << 20

    var transferOptions: HTTPTransferOptions {
        HTTPTransferOptions(
            connectTimeout: connectTimeout, totalTimeout: totalTimeout, caBundlePath: caBundlePath,
            bypassProxy: bypassProxy, maxResponseBytes: maxResponseBytes)
    }
}

/// No HTTP response: connection refused, timeout, TLS failure, oversized body.
struct AuthHTTPError: Error, Sendable, CustomStringConvertible {
    let message: String
    /// The operation ran out of time (connect or total), as opposed to being refused.
    let timedOut: Bool
    /// The TCP connection could not be made at all (refused, unreachable, connect timeout).
    let couldNotConnect: Bool

    var description: String { message }
}
