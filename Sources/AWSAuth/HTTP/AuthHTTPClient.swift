import HTTPTransport

/// How the credential providers (STS, SSO, SSO OIDC, container endpoints, IMDS) make their HTTP calls:
/// through the process's one ``HTTPClient`` (the event loop S3Client uses too), with the limits of
/// ``AuthHTTPOptions`` and failures turned into ``AuthHTTPError``s that say whether a connection was
/// made — the providers decide on that (IMDS falls through the chain when nothing answers).
final class AuthHTTPClient: Sendable {
    static let shared = AuthHTTPClient()

    private let transport: HTTPClient

    init(transport: HTTPClient = .shared) {
        self.transport = transport
    }

    func send(_ request: AuthHTTPRequest, options: AuthHTTPOptions) async throws -> AuthHTTPResponse {
        do {
            return try await transport.send(request, options: options.transferOptions)
        } catch let error as HTTPTransportError {
            let target = "\(request.method.uppercased()) \(Self.redacted(request.url))"
            if error.responseTooLarge {
                throw AuthHTTPError(
                    message: "response from \(Self.redacted(request.url)) is larger than \(options.maxResponseBytes) bytes",
                    timedOut: false, couldNotConnect: false)
            }
            // 6/5/7: could not resolve the host or proxy, could not connect.
            let noConnection = [5, 6, 7].contains(error.curlCode) || (error.timedOut && !error.connected)
            throw AuthHTTPError(
                message: "\(target) failed: \(error.message)", timedOut: error.timedOut, couldNotConnect: noConnection)
        }
    }

    /// The URL without its query string: GetRoleCredentials carries the account and role there, and
    /// nothing in a URL is needed to understand a connection failure.
    static func redacted(_ url: String) -> String {
        guard let query = url.firstIndex(of: "?") else { return url }
        return String(url[..<query])
    }
}
