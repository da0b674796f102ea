/// Tries providers in order and returns the first credentials found.
///
/// A provider that throws ``CredentialsNotFound`` is skipped (its reason is kept); any other error ends the
/// search and is rethrown unchanged. When every provider is skipped the chain throws ``NoCredentialsFound``
/// listing why each one was skipped.
public struct CredentialsProviderChain: CredentialsProvider {
    public let providers: [any CredentialsProvider]

    public init(_ providers: [any CredentialsProvider]) {
        self.providers = providers
    }

    public var providerName: String { "chain" }

    public func credentials() async throws -> Credentials {
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
public struct NoCredentialsFound: Error, Sendable, CustomStringConvertible {
    /// One entry per provider tried, in order.
    public let skipped: [CredentialsNotFound]

    public init(skipped: [CredentialsNotFound]) {
        self.skipped = skipped
    }

    public var description: String {
        let tried = skipped.isEmpty ? "no credential providers configured" : skipped.map(\.description).joined(separator: "; ")
        return "no AWS credentials found (\(tried)); set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or configure a profile"
    }
}
