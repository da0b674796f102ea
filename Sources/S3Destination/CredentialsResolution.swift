import AWSAuth
import Logging

/// Which AWS credentials a sync uses: the provider chain, narrowed by the spec's
/// `local_profile` / `credentials` block (reference s3-destination.md §2.5).
enum CredentialsResolution {
    static func provider(for config: DestinationConfig, environment: [String: String], logger: Logger) throws -> CredentialsProvider {
        // The full AWS chain (profiles, SSO, web identity, containers, IMDS) arrives with its own issue.
        CredentialsProviderChain([EnvironmentCredentialsProvider(environment: environment)])
    }
}
