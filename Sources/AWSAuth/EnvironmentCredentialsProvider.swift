import Foundation

/// Credentials from environment variables, with aws-sdk-go-v2's rules (`config/env_config.go`):
/// - key id from `AWS_ACCESS_KEY_ID`, or `AWS_ACCESS_KEY` when the first is empty or unset;
/// - secret from `AWS_SECRET_ACCESS_KEY`, or `AWS_SECRET_KEY` likewise;
/// - both must be non-empty, otherwise the provider reports ``CredentialsNotFound`` (Go ignores partial
///   environment credentials and moves on; we do the same but say which half is missing);
/// - `AWS_SESSION_TOKEN` is read only when both keys are present.
struct EnvironmentCredentialsProvider: CredentialsProvider {
    private let environment: [String: String]?

    /// - Parameter environment: variables to read; `nil` (the default) reads the process environment at
    ///   each call, so tests can inject a dictionary and production sees changes.
    init(environment: [String: String]? = nil) {
        self.environment = environment
    }

    var providerName: String { "environment" }

    func credentials() async throws -> Credentials {
        let env = environment ?? ProcessInfo.processInfo.environment
        func value(_ primary: String, _ alias: String) -> String? {
            if let v = env[primary], !v.isEmpty { return v }
            if let v = env[alias], !v.isEmpty { return v }
            return nil
        }
        let keyId = value("AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY")
        let secret = value("AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY")
        switch (keyId, secret) {
        case let (keyId?, secret?):
            return Credentials(
                accessKeyId: keyId,
                secretAccessKey: secret,
                sessionToken: env["AWS_SESSION_TOKEN"],
                source: providerName
            )
        case (nil, nil):
            throw CredentialsNotFound(
                provider: providerName, reason: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set")
        case (nil, _):
            throw CredentialsNotFound(
                provider: providerName,
                reason: "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID (or AWS_ACCESS_KEY) is not; ignoring partial credentials")
        case (_, nil):
            throw CredentialsNotFound(
                provider: providerName,
                reason: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY (or AWS_SECRET_KEY) is not; ignoring partial credentials")
        }
    }
}
