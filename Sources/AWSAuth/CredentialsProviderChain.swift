/// Tries providers in order and returns the first credentials found.
///
/// A provider that throws ``CredentialsNotFound`` is skipped (its reason is kept); any other error ends the
/// search and is rethrown unchanged. When every provider is skipped the chain throws ``NoCredentialsFound``
/// listing why each one was skipped.
struct CredentialsProviderChain: CredentialsProvider {
    let providers: [any CredentialsProvider]

    init(_ providers: [any CredentialsProvider]) {
        self.providers = providers
    }

    var providerName: String { "chain" }

    func credentials() async throws -> Credentials {
        var skipped: [CredentialsNotFound] = []
        for provider in providers {
            do {
                return try await provider.credentials()
            } catch let notFound as CredentialsNotFound {
                skipped.append(notFound)
            }
        }
        throw NoCredentialsFound(skipped: skipped)
    }
}

/// No provider of a chain had credentials.
struct NoCredentialsFound: Error, Sendable, CustomStringConvertible {
    /// One entry per provider tried, in order.
    let skipped: [CredentialsNotFound]

    init(skipped: [CredentialsNotFound]) {
        self.skipped = skipped
    }

    var description: String {
        let tried = skipped.isEmpty ? "no credential providers configured" : skipped.map(\.description).joined(separator: "; ")
        return "no AWS credentials found (\(tried)); set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or configure a profile"
    }
}
