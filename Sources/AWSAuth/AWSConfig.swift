import Foundation
import Logging

/// The AWS configuration a plugin process sees — environment variables plus the shared `config` and
/// `credentials` files — resolved as aws-sdk-go-v2's `config.LoadDefaultConfig` resolves it, and the
/// credential providers built from it.
///
/// ```swift
/// let aws = try AWSConfig.load(environment: ProcessInfo.processInfo.environment, profile: "dev")
/// let provider = try aws.credentialsProvider()           // the default chain, cached
/// let role = try aws.assumeRoleProvider(source: provider, roleARN: arn, region: "eu-west-1")
/// ```
///
/// `HOME` and every `AWS_*` variable come from `environment`, never from the process, so callers
/// (and tests) decide what is visible. Errors thrown here are configuration errors that Go reports
/// while loading, with Go's text; errors of fetching come later, from the providers.
public struct AWSConfig: Sendable {
    let environment: EnvironmentConfig
    let files: SharedConfigFiles
    /// The selected profile; `nil` when it does not exist and did not have to.
    let profile: ProfileConfig?
    /// The selected profile's name (`default` unless chosen).
    public let profileName: String
    /// Chosen by the caller (the spec's `local_profile`) rather than by `AWS_PROFILE`: environment keys
    /// are then ignored, as with Go's `WithSharedConfigProfile`.
    let profileSetInCode: Bool
    /// `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`, else the default passed to ``load``;
    /// the region of the STS calls inside the chain.
    public let region: String
    let logger: Logger?
    /// Base URL of the ECS agent for `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (tests serve it on loopback).
    var ecsBase = ContainerCredentialsProvider.ecsBase

    /// - Parameters:
    ///   - environment: the variables to use (the plugin passes its process environment).
    ///   - profile: a profile chosen in code (`local_profile`); it must exist. `nil` or empty: `AWS_PROFILE`,
    ///     `AWS_DEFAULT_PROFILE`, else `default`.
    ///   - defaultRegion: the region when none is configured (the Go plugin uses `us-east-1`).
    public static func load(
        environment: [String: String], profile: String? = nil, defaultRegion: String = "us-east-1",
        logger: Logger? = nil
    ) throws -> AWSConfig {
        let env = try EnvironmentConfig(environment)
        let paths = SharedConfigFiles.paths(environment: env)
        let files = SharedConfigFiles.load(configPath: paths.config, credentialsPath: paths.credentials)
        let inCode = !(profile ?? "").isEmpty
        let name = inCode ? (profile ?? "default") : (env.profileName ?? "default")
        let required = inCode || env.profileIsRequired
        var selected: ProfileConfig?
        do {
            selected = try ProfileConfig.load(name, from: files)
        } catch let missing as ProfileConfig.NotFound {
            if required {
                throw CredentialsConfigurationError(
                    "failed to get shared config profile, \(missing.profile) (looked in \(paths.config ?? "no config file") "
                        + "and \(paths.credentials ?? "no credentials file"))")
            }
            selected = nil
        }
        let region = env.region ?? selected.flatMap { $0.region.isEmpty ? nil : $0.region } ?? defaultRegion
        return AWSConfig(
            environment: env, files: files, profile: selected, profileName: name, profileSetInCode: inCode,
            region: region, logger: logger)
    }

    /// The default credential chain (aws-sdk-go-v2 `config/resolve_credentials.go` `resolveCredentialChain`) behind one ``CredentialsCache``
    /// (refresh 5 minutes before expiry, one refresh at a time). Nothing is fetched yet.
    public func credentialsProvider() throws -> any CredentialsProvider {
        CredentialsCache(try CredentialChainBuilder(config: self).defaultChain(), logger: logger)
    }

    /// An IAM role assumed with STS AssumeRole on top of `source`, cached with a 5-minute refresh window:
    /// what the Go plugin does for the spec's `credentials.role_arn` (1-hour sessions). The STS endpoint
    /// follows the configured-endpoint settings (`AWS_ENDPOINT_URL_STS`, `[services]`, `AWS_ENDPOINT_URL`,
    /// profile `endpoint_url`), else `https://sts.<region>.amazonaws.com`.
    public func assumeRoleProvider(
        source: any CredentialsProvider, roleARN: String, region: String, externalID: String? = nil,
        sessionName: String? = nil, durationSeconds: Int = 3600
    ) throws -> any CredentialsProvider {
        let sts = try stsClient(region: region.isEmpty ? self.region : region, includeGlobalEndpoint: true)
        let provider = AssumeRoleCredentialsProvider(
            source: source, client: sts, roleARN: roleARN, sessionName: sessionName ?? "",
            durationSeconds: durationSeconds, externalID: externalID, providerName: "assume role \(roleARN)")
        return CredentialsCache(provider, logger: logger)
    }

    var caBundle: String? {
        environment.caBundle ?? profile.flatMap { $0.caBundle.isEmpty ? nil : $0.caBundle }
    }

    var endpoints: ServiceEndpoints { ServiceEndpoints(environment: environment, profile: profile) }

    func httpOptions(connectTimeout: Double = 5, totalTimeout: Double = 30) -> AuthHTTPOptions {
        AuthHTTPOptions(connectTimeout: connectTimeout, totalTimeout: totalTimeout, caBundlePath: caBundle)
    }

    func stsClient(region: String, includeGlobalEndpoint: Bool) throws -> STSClient {
        let endpoint = try endpoints.baseURL(for: .sts, region: region, includeGlobal: includeGlobalEndpoint)
        return STSClient(endpoint: endpoint, region: region, httpOptions: httpOptions())
    }
}
