import Foundation

/// Temporary credentials of an IAM role, obtained with STS AssumeRole signed by the credentials of
/// `source` (aws-sdk-go-v2 `credentials/stscreds/assume_role_provider.go`): a profile's `role_arn` with
/// `source_profile`/`credential_source`, or the plugin spec's `credentials.role_arn`.
struct AssumeRoleCredentialsProvider: CredentialsProvider {
    let source: any CredentialsProvider
    let client: STSClient
    let roleARN: String
    /// `role_session_name`; Go's default `aws-go-sdk-<UnixNano>` when empty.
    let sessionName: String
    let durationSeconds: Int
    let externalID: String?
    let providerName: String

    /// Go `stscreds.DefaultDuration`.
    static let defaultDurationSeconds = 900

    init(
        source: any CredentialsProvider, client: STSClient, roleARN: String, sessionName: String = "",
        durationSeconds: Int = defaultDurationSeconds, externalID: String? = nil, providerName: String
    ) {
        self.source = source
        self.client = client
        self.roleARN = roleARN
        self.sessionName = sessionName
        self.durationSeconds = durationSeconds
        self.externalID = externalID
        self.providerName = providerName
    }

    func credentials() async throws -> Credentials {
        let sourceCredentials: Credentials
        do {
            sourceCredentials = try await source.credentials()
        } catch let notFound as CredentialsNotFound {
            // The role was asked for: a missing source is a failure, not a reason to try another provider.
            throw CredentialsError(
                provider: providerName,
                message: "no source credentials to assume role \(roleARN) with: \(notFound)")
        }
        let session = sessionName.isEmpty ? "aws-go-sdk-\(Self.unixNanoseconds())" : sessionName
        do {
            let result = try await client.assumeRole(
                .init(roleARN: roleARN, sessionName: session, durationSeconds: durationSeconds, externalID: externalID),
                source: sourceCredentials)
            return result.withSource(providerName)
        } catch let error as ServiceCallError {
            throw CredentialsError(provider: providerName, message: "failed to assume role \(roleARN): \(error.message)")
        }
    }

    static func unixNanoseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1e9).rounded())
    }
}

extension Credentials {
    /// The same credentials labelled with the provider that produced them.
    func withSource(_ source: String) -> Credentials {
        Credentials(
            accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: sessionToken,
            expiration: expiration, source: source)
    }
}
