import AWSAuth
import Logging

/// Which AWS credentials a sync uses (cloudquery/cloudquery plugins/destination/s3 `client/client.go`
/// `New`: `config.LoadDefaultConfig`, then `stscreds.NewAssumeRoleProvider`): the default
/// AWS chain, narrowed to one profile by `local_profile` / `credentials.local_profile`, and — when the
/// spec has `credentials.role_arn` — that role assumed on top of it for 1-hour sessions (optional
/// `external_id` and `role_session_name`), refreshed 5 minutes before expiry.
enum CredentialsResolution {
    /// Builds the provider; nothing is fetched yet. Throws, with the Go plugin's wording, when the shared
    /// config or the environment cannot work at all (Go fails `LoadDefaultConfig` there).
    static func provider(for config: DestinationConfig, environment: [String: String], logger: Logger) throws -> CredentialsProvider {
        let profile = config.credentials?.localProfile ?? ""
        do {
            // The Go plugin passes WithDefaultRegion("us-east-1"): the chain's own STS calls use it when
            // neither the environment nor the profile names a region.
            let aws = try AWSConfig.load(
                environment: environment, profile: profile.isEmpty ? nil : profile, defaultRegion: "us-east-1",
                logger: logger)
            var provider = try aws.credentialsProvider()
            if let credentials = config.credentials, !credentials.roleARN.isEmpty {
                // Go builds this STS client from the finished config, whose region is the spec's.
                provider = try aws.assumeRoleProvider(
                    source: provider, roleARN: credentials.roleARN, region: config.region,
                    externalID: credentials.externalID.isEmpty ? nil : credentials.externalID,
                    sessionName: credentials.roleSessionName.isEmpty ? nil : credentials.roleSessionName,
                    durationSeconds: 3600)
            }
            logger.debug("AWS credentials configured", metadata: [
                "profile": "\(aws.profileName)", "profile_from_spec": "\(!profile.isEmpty)",
                "role_arn": "\(config.credentials?.roleARN ?? "")",
            ])
            return provider
        } catch let error as CredentialsConfigurationError {
            throw PluginError(.internal, "unable to load AWS SDK config: \(error)")
        }
    }
}
