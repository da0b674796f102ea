import Foundation

/// Builds the provider tree of aws-sdk-go-v2's default chain for one ``AWSConfig``
/// (`config/resolve_credentials.go`, `resolveCredentialChain` and `resolveCredsFromProfile`):
///
/// 1. a profile chosen in code: that profile only (environment keys are not consulted);
/// 2. otherwise environment keys, then `AWS_WEB_IDENTITY_TOKEN_FILE`, then the profile;
/// 3. inside a profile the first of: `source_profile` (recursively), static keys, `credential_source`,
///    `web_identity_token_file`, SSO, `login_session` (`aws login`), `credential_process`; with none of
///    them, container credentials (relative URI before full URI), else EC2 IMDS; and when the profile
///    has `role_arn`, AssumeRole on top of whatever was found.
///
/// Go picks one branch while loading; here the skipped branches stay in the chain as
/// ``UnavailableCredentialsProvider``s so that "no credentials" lists every place looked at. Branches Go
/// would not reach are not built, so their configuration errors do not surface, as in Go.
struct CredentialChainBuilder {
    let config: AWSConfig
    var environment: EnvironmentConfig { config.environment }

    func defaultChain() throws -> any CredentialsProvider {
        if config.profileSetInCode, let profile = config.profile {
            return try resolve(profile)
        }
        let envProvider = EnvironmentCredentialsProvider(environment: environment.values)
        if environmentHasKeys { return envProvider }

        var providers: [any CredentialsProvider] = [envProvider]
        if let tokenFile = environment.webIdentityTokenFile {
            guard let role = environment.roleARN else {
                throw CredentialsConfigurationError("role ARN is not set (AWS_WEB_IDENTITY_TOKEN_FILE is set, AWS_ROLE_ARN is not)")
            }
            providers.append(try webIdentity(
                tokenFile: tokenFile, roleARN: role, sessionName: environment.roleSessionName ?? "",
                name: "web identity (AWS_WEB_IDENTITY_TOKEN_FILE)"))
            return CredentialsProviderChain(providers)
        }
        providers.append(UnavailableCredentialsProvider(
            providerName: "web identity", reason: "AWS_WEB_IDENTITY_TOKEN_FILE is not set"))

        if let profile = config.profile, profile.hasCredentialSettings {
            providers.append(try resolve(profile))
        } else {
            providers.append(UnavailableCredentialsProvider(
                providerName: "shared config profile \(config.profileName)", reason: missingProfileReason))
            providers.append(contentsOf: try containerThenIMDS())
        }
        return CredentialsProviderChain(providers)
    }

    /// Go `HasKeys` on the environment: both halves non-empty (aliases included).
    private var environmentHasKeys: Bool {
        environment.first("AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY") != nil
            && environment.first("AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY") != nil
    }

    private var missingProfileReason: String {
        let files = "\(config.files.credentialsPath ?? "(no credentials file: HOME is not set)") or "
            + "\(config.files.configPath ?? "(no config file: HOME is not set)")"
        if config.profile == nil {
            return "no profile \"\(config.profileName)\" in \(files)"
        }
        return "profile \"\(config.profileName)\" has no credential settings (aws_access_key_id/aws_secret_access_key, "
            + "role_arn, sso_session, credential_process, …) in \(files)"
    }

    /// `resolveCredsFromProfile`.
    private func resolve(_ profile: ProfileConfig) throws -> any CredentialsProvider {
        let base: any CredentialsProvider
        if let source = profile.source {
            base = try resolve(source)
        } else if profile.hasStaticKeys {
            base = NamedStaticCredentialsProvider(
                value: Credentials(
                    accessKeyId: profile.accessKeyID, secretAccessKey: profile.secretAccessKey,
                    sessionToken: profile.sessionToken, source: "shared config profile \(profile.name)"),
                providerName: "shared config profile \(profile.name)")
        } else if !profile.credentialSource.isEmpty {
            base = try credentialSource(profile)
        } else if !profile.webIdentityTokenFile.isEmpty {
            guard !profile.roleARN.isEmpty else { throw CredentialsConfigurationError("role ARN is not set") }
            return try webIdentity(
                tokenFile: profile.webIdentityTokenFile, roleARN: profile.roleARN, sessionName: profile.roleSessionName,
                name: "web identity (profile \(profile.name))")
        } else if profile.hasSSO {
            base = try sso(profile)
        } else if !profile.loginSession.isEmpty {
            base = try login(profile)
        } else if !profile.credentialProcess.isEmpty {
            base = ProcessCredentialsProvider(
                command: profile.credentialProcess, environment: environment.values,
                providerName: "credential_process (profile \(profile.name))", logger: config.logger)
        } else {
            // No credential settings: the instance/container roles, with the profile noted as looked at.
            base = CredentialsProviderChain(
                [UnavailableCredentialsProvider(
                    providerName: "shared config profile \(profile.name)", reason: "no credential settings in the profile")]
                    + (try containerThenIMDS()))
        }
        guard !profile.roleARN.isEmpty else { return base }
        return try assumeRole(profile, source: base)
    }

    private func credentialSource(_ profile: ProfileConfig) throws -> any CredentialsProvider {
        let name = "credential_source \(profile.credentialSource) (profile \(profile.name))"
        switch profile.credentialSource {
        case "Ec2InstanceMetadata":
            return RequiredCredentialsProvider(base: imds(), providerName: name)
        case "Environment":
            return RequiredCredentialsProvider(
                base: EnvironmentCredentialsProvider(environment: environment.values), providerName: name)
        case "EcsContainer":
            guard let container = try ContainerCredentialsProvider.fromEnvironment(
                environment, ecsBase: config.ecsBase, caBundle: config.caBundle)
            else {
                throw CredentialsConfigurationError(
                    "EcsContainer was specified as the credential_source, but neither "
                        + "'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI' or AWS_CONTAINER_CREDENTIALS_FULL_URI' was set")
            }
            return container
        default:
            throw CredentialsConfigurationError(
                "credential_source values must be EcsContainer, Ec2InstanceMetadata, or Environment")
        }
    }

    /// Container credentials when their variables are set, else IMDS (the "no settings" branch).
    private func containerThenIMDS() throws -> [any CredentialsProvider] {
        if let container = try ContainerCredentialsProvider.fromEnvironment(
            environment, ecsBase: config.ecsBase, caBundle: config.caBundle) {
            return [container]
        }
        return [
            UnavailableCredentialsProvider(
                providerName: "container credentials",
                reason: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set"),
            imds(),
        ]
    }

    private func imds() -> IMDSCredentialsProvider {
        guard environment.imdsDisabled != true else { return IMDSCredentialsProvider(client: nil) }
        let profile = config.profile
        let mode = environment.imdsEndpointMode ?? profile?.imdsEndpointMode ?? .ipv4
        let endpoint = environment.imdsEndpoint
            ?? profile.flatMap { $0.imdsEndpoint.isEmpty ? nil : $0.imdsEndpoint } ?? mode.defaultEndpoint
        var trimmed = endpoint
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        let v1Disabled = environment.imdsV1Disabled ?? profile?.imdsV1Disabled ?? false
        return IMDSCredentialsProvider(client: IMDSClient(
            configuration: .init(endpoint: trimmed, v1Disabled: v1Disabled), logger: config.logger))
    }

    private func webIdentity(tokenFile: String, roleARN: String, sessionName: String, name: String) throws
        -> any CredentialsProvider
    {
        WebIdentityCredentialsProvider(
            tokenFile: tokenFile, roleARN: roleARN, sessionName: sessionName,
            client: try config.stsClient(region: config.region, includeGlobalEndpoint: false), providerName: name)
    }

    /// `credsFromAssumeRole`: duration only when above 15 minutes (Go compares whole minutes), external
    /// id, session name; an `mfa_serial` cannot be served by a plugin that cannot prompt.
    private func assumeRole(_ profile: ProfileConfig, source: any CredentialsProvider) throws -> any CredentialsProvider {
        guard profile.mfaSerial.isEmpty else {
            throw CredentialsConfigurationError(
                "assume role with MFA enabled, but AssumeRoleTokenProvider session option not set. (profile \(profile.name) "
                    + "has mfa_serial; a plugin cannot prompt for the code: export the output of "
                    + "`aws sts get-session-token` or `aws sts assume-role` instead)")
        }
        var duration = AssumeRoleCredentialsProvider.defaultDurationSeconds
        if let seconds = profile.durationSeconds, seconds / 60 > 15, seconds <= Int64(Int32.max) {
            duration = Int(seconds)
        }
        let name = "assume role (profile \(profile.name))"
        return AssumeRoleCredentialsProvider(
            source: CredentialsCache(RequiredCredentialsProvider(base: source, providerName: name), logger: config.logger),
            client: try config.stsClient(region: config.region, includeGlobalEndpoint: false),
            roleARN: profile.roleARN, sessionName: profile.roleSessionName, durationSeconds: duration,
            externalID: profile.externalID.isEmpty ? nil : profile.externalID, providerName: name)
    }

    /// `aws login` (Go `credentials/logincreds`): the token cache named by `login_session`, refreshed
    /// through Sign-In in the configured region (the `region` of the profile, `AWS_REGION`, …).
    private func login(_ profile: ProfileConfig) throws -> any CredentialsProvider {
        guard let directory = LoginTokenCache.directory(environment) else {
            throw CredentialsConfigurationError(
                "profile \(profile.name) uses login_session, but the login token cache cannot be found "
                    + "(HOME and AWS_LOGIN_CACHE_DIRECTORY are not set)")
        }
        return LoginCredentialsProvider(
            profileName: profile.name, session: profile.loginSession,
            cachePath: LoginTokenCache.path(directory: directory, session: profile.loginSession),
            endpoints: config.endpoints, region: config.region, httpOptions: config.httpOptions(), logger: config.logger)
    }

    /// `resolveSSOCredentials` with Go's validation.
    private func sso(_ profile: ProfileConfig) throws -> any CredentialsProvider {
        func missing(_ keys: [String]) -> CredentialsConfigurationError {
            CredentialsConfigurationError(
                "profile \"\(profile.name)\" is configured to use SSO but is missing required configuration: "
                    + keys.joined(separator: ", "))
        }
        guard let home = environment.home else {
            throw CredentialsConfigurationError("unable to get USER's home directory for cached token (HOME is not set)")
        }
        let tokenSource: SSOCredentialsProvider.TokenSource
        let portalRegion: String
        if profile.hasSSOSession {
            guard let session = profile.ssoSession else { throw missing(["sso-session"]) }
            var absent: [String] = []
            if session.region.isEmpty { absent.append("sso_region") }
            if session.startURL.isEmpty { absent.append("sso_start_url") }
            guard absent.isEmpty else { throw missing(absent) }
            if !profile.ssoRegion.isEmpty && profile.ssoRegion != session.region {
                throw CredentialsConfigurationError("sso_region in profile \"\(profile.name)\" must match sso_region in sso-session")
            }
            if !profile.ssoStartURL.isEmpty && profile.ssoStartURL != session.startURL {
                throw CredentialsConfigurationError(
                    "sso_start_url in profile \"\(profile.name)\" must match sso_start_url in sso-session")
            }
            let oidcURL = try config.endpoints.baseURL(for: .ssoOIDC, region: session.region, includeGlobal: false)
            tokenSource = .session(
                cachePath: SSOTokenCache.path(home: home, key: session.name),
                oidc: SSOOIDCClient(endpoint: oidcURL, httpOptions: config.httpOptions()))
            portalRegion = session.region
        } else {
            let absent = [
                ("sso_region", profile.ssoRegion), ("sso_start_url", profile.ssoStartURL),
                ("sso_account_id", profile.ssoAccountID), ("sso_role_name", profile.ssoRoleName),
            ].filter { $0.1.isEmpty }.map(\.0)
            guard absent.isEmpty else { throw missing(absent) }
            tokenSource = .legacy(cachePath: SSOTokenCache.path(home: home, key: profile.ssoStartURL))
            portalRegion = profile.ssoRegion
        }
        // Go leaves these to the GetRoleCredentials call to reject; saying so up front is clearer.
        let absent = [("sso_account_id", profile.ssoAccountID), ("sso_role_name", profile.ssoRoleName)]
            .filter { $0.1.isEmpty }.map(\.0)
        guard absent.isEmpty else { throw missing(absent) }
        let portalURL = try config.endpoints.baseURL(for: .sso, region: portalRegion, includeGlobal: false)
        return SSOCredentialsProvider(
            profileName: profile.name, accountID: profile.ssoAccountID, roleName: profile.ssoRoleName,
            portal: SSOPortalClient(endpoint: portalURL, httpOptions: config.httpOptions()), tokenSource: tokenSource,
            logger: config.logger)
    }
}
