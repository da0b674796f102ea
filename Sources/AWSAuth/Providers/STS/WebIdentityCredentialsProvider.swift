import Foundation

/// Credentials of an IAM role for a web identity token (EKS IRSA and similar): the token file is read
/// at every fetch, because the platform rotates it, and exchanged with the anonymous STS
/// AssumeRoleWithWebIdentity (aws-sdk-go-v2 `credentials/stscreds/web_identity_provider.go`).
struct WebIdentityCredentialsProvider: CredentialsProvider {
    let tokenFile: String
    let roleARN: String
    /// Go's default is the current time in nanoseconds.
    let sessionName: String
    let client: STSClient
    let providerName: String

    func credentials() async throws -> Credentials {
        guard let data = FileManager.default.contents(atPath: tokenFile) else {
            throw CredentialsError(
                provider: providerName,
                message: "failed to read web identity token file \(tokenFile): it does not exist or is not readable")
        }
        let token = String(decoding: data, as: UTF8.self)
        let session = sessionName.isEmpty ? String(AssumeRoleCredentialsProvider.unixNanoseconds()) : sessionName
        do {
            let result = try await client.assumeRoleWithWebIdentity(
                .init(roleARN: roleARN, sessionName: session, token: token, durationSeconds: nil))
            return result.withSource(providerName)
        } catch let error as ServiceCallError {
            throw CredentialsError(
                provider: providerName, message: "failed to assume role \(roleARN) with a web identity: \(error.message)")
        }
    }
}
