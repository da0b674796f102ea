import Foundation

/// Role credentials of an EC2 instance profile (aws-sdk-go-v2 `credentials/ec2rolecreds`): the first role
/// listed at `/latest/meta-data/iam/security-credentials/`, then its JSON document.
///
/// When IMDS is disabled, unreachable or has no role, the provider reports ``CredentialsNotFound`` with
/// Go's wording (`no EC2 IMDS role found, …`): it is the chain's last resort, and that sentence is what
/// users search for. Once a role is found, every problem is a real failure.
struct IMDSCredentialsProvider: CredentialsProvider {
    /// `nil` when IMDS is disabled with `AWS_EC2_METADATA_DISABLED=true`.
    let client: IMDSClient?
    var providerName: String { "EC2 instance metadata (IMDS)" }
    /// Go caps instance credentials at one hour so that they are refreshed well before the real expiry.
    static let maximumLifetime: TimeInterval = 3600

    static let disabledMessage =
        "access disabled to EC2 IMDS via client option, or \"AWS_EC2_METADATA_DISABLED\" environment variable"

    func credentials() async throws -> Credentials {
        guard let client else { throw CredentialsNotFound(provider: providerName, reason: Self.disabledMessage) }
        let listing: String
        do {
            listing = try await client.get("/latest/meta-data/iam/security-credentials/")
        } catch let error as IMDSError {
            throw CredentialsNotFound(
                provider: providerName,
                reason: "no EC2 IMDS role found, operation error ec2imds: GetMetadata, \(error.message) "
                    + "(endpoint \(client.configuration.endpoint))")
        }
        guard let role = listing.split(whereSeparator: \.isNewline).map({ String($0).trimmingWhitespace() })
            .first(where: { !$0.isEmpty })
        else {
            throw CredentialsNotFound(provider: providerName, reason: "no EC2 IMDS role found, the role list is empty")
        }

        let document: String
        do {
            document = try await client.get(
                "/latest/meta-data/iam/security-credentials/" + URIEncoding.encode(role, keepSlash: false))
        } catch let error as IMDSError {
            throw CredentialsError(
                provider: providerName, message: "failed to get \(role) EC2 IMDS role credentials, \(error.message)")
        }
        return try parse(Array(document.utf8), role: role)
    }

    func parse(_ body: [UInt8], role: String, now: Date = Date()) throws -> Credentials {
        func fail(_ message: String) -> CredentialsError {
            CredentialsError(provider: providerName, message: "failed to get \(role) EC2 IMDS role credentials, \(message)")
        }
        guard let json = JSONValue.parse(body), json.objectValue != nil else {
            throw fail("the response is not a JSON object")
        }
        let code = json["Code"]?.stringValue ?? ""
        guard code.lowercased() == "success" else {
            throw fail("Code: \(code), Message: \(json["Message"]?.stringValue ?? "")")
        }
        guard let key = json["AccessKeyId"]?.stringValue, !key.isEmpty,
              let secret = json["SecretAccessKey"]?.stringValue, !secret.isEmpty
        else { throw fail("AccessKeyId or SecretAccessKey missing") }
        guard let expirationText = json["Expiration"]?.stringValue, let expiration = RFC3339.parse(expirationText) else {
            throw fail("Expiration missing or not an RFC 3339 timestamp")
        }
        return Credentials(
            accessKeyId: key, secretAccessKey: secret, sessionToken: json["Token"]?.stringValue,
            expiration: min(expiration, now.addingTimeInterval(Self.maximumLifetime)), source: providerName)
    }
}
