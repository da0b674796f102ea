/// A credential source that is configured but failed: the token endpoint refused, the SSO session
/// expired, the process exited non-zero, the response was malformed. `provider` names the source
/// (`sso (profile dev)`, `credential_process (profile ci)`, …); `message` says what went wrong and, where
/// there is one, the fix. Neither ever contains a secret, a token or a signature.
struct CredentialsError: Error, Sendable, CustomStringConvertible {
    let provider: String
    let message: String

    init(provider: String, message: String) {
        self.provider = provider
        self.message = message
    }

    var description: String { "\(provider): \(message)" }
}

/// The shared config files or the environment describe credentials that cannot work (a profile that
/// does not exist, a `source_profile` without `role_arn`, an unknown `credential_source`, …). aws-sdk-go-v2
/// reports these while loading its configuration, before any request; so do we. The text is Go's.
public struct CredentialsConfigurationError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
