/// A source that is known, when the chain is built, not to be configured: it only reports why, so the
/// final "no credentials" error can list it.
struct UnavailableCredentialsProvider: CredentialsProvider {
    let providerName: String
    let reason: String

    func credentials() async throws -> Credentials {
        throw CredentialsNotFound(provider: providerName, reason: reason)
    }
}

/// A source the configuration explicitly asks for (`credential_source = Environment`, the source of a
/// role): "not found" is then a failure, not a reason to try the next provider.
struct RequiredCredentialsProvider: CredentialsProvider {
    let base: any CredentialsProvider
    let providerName: String

    func credentials() async throws -> Credentials {
        do {
            return try await base.credentials()
        } catch let notFound as CredentialsNotFound {
            throw CredentialsError(provider: providerName, message: notFound.reason)
        }
    }
}

/// Static keys with a provider name of their own (`shared config profile dev`).
struct NamedStaticCredentialsProvider: CredentialsProvider {
    let value: Credentials
    let providerName: String

    func credentials() async throws -> Credentials { value }
}
