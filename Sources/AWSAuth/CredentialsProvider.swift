/// A source of AWS credentials (environment, shared profile, SSO, STS, IMDS, container endpoint, ...).
///
/// Contract for implementations:
/// - throw ``CredentialsNotFound`` when the source is simply not configured (no variables, no profile):
///   a ``CredentialsProviderChain`` then moves on to the next provider;
/// - throw any other error when the source *is* configured but fails (bad file, endpoint down): the chain
///   stops there, as aws-sdk-go-v2 does, so a broken configuration is not silently bypassed;
/// - never put a secret into an error or log message.
public protocol CredentialsProvider: Sendable {
    /// Returns credentials, fetching or refreshing them as the source requires.
    func credentials() async throws -> Credentials
    /// Short name used in diagnostics ("environment", "profile dev", ...).
    var providerName: String { get }
    /// Forgets what it holds, so the next `credentials()` fetches anew: S3 called them expired or
    /// invalid. Providers that keep nothing do nothing.
    func invalidate()
}

extension CredentialsProvider {
    public var providerName: String { String(describing: Self.self) }
    public func invalidate() {}
}

/// Thrown by a provider whose source is not configured; `reason` says what was looked for.
struct CredentialsNotFound: Error, Sendable, CustomStringConvertible {
    let provider: String
    let reason: String

    init(provider: String, reason: String) {
        self.provider = provider
        self.reason = reason
    }

    var description: String { "\(provider): \(reason)" }
}

/// Fixed credentials given in code or configuration.
public struct StaticCredentialsProvider: CredentialsProvider {
    private let value: Credentials

    public init(_ credentials: Credentials) {
        self.value = credentials
    }

    public func credentials() async throws -> Credentials { value }
    public var providerName: String { "static" }
}
