import Foundation
import Logging
import NIOConcurrencyHelpers

/// The EC2 instance metadata service, IMDSv2 first (aws-sdk-go-v2 `feature/ec2/imds`, `token_provider.go`):
/// a session token from `PUT /latest/api/token` goes on every GET as `X-aws-ec2-metadata-token`.
///
/// IMDSv1 fallback, as in Go's `token_provider.go`: when the token PUT is answered 403, 404 or 405, or
/// cannot connect or times out, GETs go without a token from then on — unless IMDSv1 is disabled
/// (`AWS_EC2_METADATA_V1_DISABLED` / `ec2_metadata_v1_disabled`), which makes the token failure final.
/// A 400 on the PUT is always final. A 401 on a GET turns the token flow back on and retries once, so
/// an instance switched to "IMDSv2 required" recovers.
///
/// Timeouts are short (1 s to connect, 2 s per request): off EC2, or in a container whose hop limit
/// drops the PUT answer, every call would otherwise stall the chain.
final class IMDSClient: Sendable {
    struct Configuration: Sendable {
        var endpoint: String
        var v1Disabled: Bool
        var tokenTTLSeconds = 300  // Go's defaultTokenTTL
        var httpOptions = AuthHTTPOptions(connectTimeout: 1, totalTimeout: 2, bypassProxy: true)
    }

    let configuration: Configuration
    private let http: AuthHTTPClient
    private let logger: Logger?
    private let state = NIOLockedValueBox(TokenState())

    private struct TokenState {
        var token: String?
        var expires = Date.distantPast
        /// The PUT failed in a way that means "IMDSv1 only here".
        var tokenFlowDisabled = false
    }

    init(configuration: Configuration, http: AuthHTTPClient = .shared, logger: Logger? = nil) {
        self.configuration = configuration
        self.http = http
        self.logger = logger
    }

    /// Body of `GET <path>` as text. Throws ``IMDSError``.
    func get(_ path: String) async throws -> String {
        var retriedAfter401 = false
        while true {
            let token = try await currentToken()
            var headers: [HTTPHeader] = []
            if let token { headers.append(HTTPHeader("X-aws-ec2-metadata-token", token)) }
            let response = try await send(AuthHTTPRequest(method: "GET", url: configuration.endpoint + path, headers: headers))
            if response.statusCode == 401 && !retriedAfter401 {
                // The instance (now) requires IMDSv2, or our token expired early: start over with a token.
                state.withLockedValue { $0 = TokenState() }
                retriedAfter401 = true
                continue
            }
            guard response.isSuccess else {
                throw IMDSError(
                    message: "http response error StatusCode: \(response.statusCode), request to EC2 IMDS failed",
                    statusCode: response.statusCode)
            }
            return String(decoding: response.body, as: UTF8.self)
        }
    }

    /// A valid token, `nil` for IMDSv1 mode.
    private func currentToken() async throws -> String? {
        let cached: String?? = state.withLockedValue { s in
            if s.tokenFlowDisabled { return .some(nil) }
            if let token = s.token, Date() < s.expires { return .some(token) }
            return nil
        }
        if let cached { return cached }

        let request = AuthHTTPRequest(
            method: "PUT", url: configuration.endpoint + "/latest/api/token",
            headers: [HTTPHeader("X-aws-ec2-metadata-token-ttl-seconds", String(configuration.tokenTTLSeconds))])
        let response: AuthHTTPResponse
        do {
            response = try await send(request)
        } catch let error as IMDSError where error.couldNotConnectOrTimedOut {
            return try fallBackToV1(because: error.message)
        }
        switch response.statusCode {
        case 200..<300:
            let token = String(decoding: response.body, as: UTF8.self)
            let ttl = response.header("X-aws-ec2-metadata-token-ttl-seconds").flatMap(Double.init)
                ?? Double(configuration.tokenTTLSeconds)
            state.withLockedValue { s in
                s.token = token
                // A little early, so a token never expires between here and the GET.
                s.expires = Date().addingTimeInterval(max(0, ttl - 5))
            }
            return token
        case 403, 404, 405:
            return try fallBackToV1(because: "token request answered HTTP \(response.statusCode)")
        default:
            throw IMDSError(
                message: "failed to get API token, http response error StatusCode: \(response.statusCode)",
                statusCode: response.statusCode)
        }
    }

    private func fallBackToV1(because reason: String) throws -> String? {
        guard !configuration.v1Disabled else {
            throw IMDSError(
                message: "failed to get API token and IMDSv1 fallback is disabled (ec2_metadata_v1_disabled): \(reason)",
                statusCode: nil)
        }
        logger?.debug("falling back to IMDSv1", metadata: ["reason": "\(reason)"])
        state.withLockedValue { $0.tokenFlowDisabled = true; $0.token = nil }
        return nil
    }

    /// One request with retries for 5xx; connection failures are not retried (off EC2 they would
    /// only multiply the wait).
    private func send(_ request: AuthHTTPRequest) async throws -> AuthHTTPResponse {
        try await AuthRetry.run(baseDelay: 0.1, maxDelay: 1, isRetryable: { ($0 as? IMDSError)?.retryable ?? false }) {
            let response: AuthHTTPResponse
            do {
                response = try await http.send(request, options: configuration.httpOptions)
            } catch let error as AuthHTTPError {
                throw IMDSError(
                    message: "request send failed, \(error.message)", statusCode: nil,
                    couldNotConnectOrTimedOut: error.couldNotConnect || error.timedOut)
            }
            if (500..<600).contains(response.statusCode) {
                throw IMDSError(
                    message: "http response error StatusCode: \(response.statusCode), request to EC2 IMDS failed",
                    statusCode: response.statusCode, retryable: true)
            }
            return response
        }
    }
}

struct IMDSError: Error, Sendable, CustomStringConvertible {
    let message: String
    let statusCode: Int?
    var couldNotConnectOrTimedOut = false
    var retryable = false

    var description: String { message }
}
