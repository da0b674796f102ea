import Foundation

/// One request of a credential provider (STS, SSO, SSO OIDC, container endpoint, IMDS). The bodies are
/// small, so everything is held in memory.
struct AuthHTTPRequest: Sendable {
    var method: String
    var url: String
    var headers: [HTTPHeader]
    var body: [UInt8]

    init(method: String, url: String, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

struct AuthHTTPResponse: Sendable {
    var statusCode: Int
    var headers: [HTTPHeader]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    var isSuccess: Bool { (200..<300).contains(statusCode) }

    /// The body as text for error messages, cut short: an endpoint may answer with a whole HTML page.
    var shortText: String {
        let text = String(decoding: body.prefix(512), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return body.count > 512 ? text + "…" : text
    }
}

/// Limits of one HTTP exchange.
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
