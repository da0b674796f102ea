import Foundation

/// One resolved profile of the shared files, with its `source_profile` chain and `sso-session` linked,
/// validated as aws-sdk-go-v2 validates it while loading (`config/shared_config.go`
/// `setFromIniSections`, `validateCredentialsConfig`). Only the keys that matter for credentials,
/// endpoints and region are kept.
struct ProfileConfig: Sendable {
    var name: String

    var accessKeyID = ""
    var secretAccessKey = ""
    var sessionToken = ""

    var roleARN = ""
    var sourceProfileName = ""
    var credentialSource = ""
    var externalID = ""
    var mfaSerial = ""
    var roleSessionName = ""
    /// `duration_seconds`: `nil` when absent, 0 when not a number (Go keeps that quirk).
    var durationSeconds: Int64?
    var credentialProcess = ""
    var webIdentityTokenFile = ""

    var ssoSessionName = ""
    var ssoSession: SSOSessionConfig?
    var ssoRegion = ""
    var ssoStartURL = ""
    var ssoAccountID = ""
    var ssoRoleName = ""
    var loginSession = ""

    var region = ""
    var endpointURL = ""
    var ignoreConfiguredEndpoints: Bool?
    var caBundle = ""
    /// `services = NAME`, and the sub-properties of `[services NAME]` per service key.
    var servicesName = ""
    var services: [String: [String: String]] = [:]
    var imdsEndpoint = ""
    var imdsEndpointMode: IMDSEndpointMode?
    var imdsV1Disabled: Bool?

    /// The profile named by `source_profile`, resolved (Array for the indirection a recursive value needs).
    private var sourceStorage: [ProfileConfig] = []
    var source: ProfileConfig? {
        get { sourceStorage.first }
        set { sourceStorage = newValue.map { [$0] } ?? [] }
    }

    init(name: String) {
        self.name = name
    }

    var hasStaticKeys: Bool { !accessKeyID.isEmpty && !secretAccessKey.isEmpty }
    var hasSSOSession: Bool { !ssoSessionName.isEmpty }
    var hasLegacySSO: Bool { !ssoRegion.isEmpty || !ssoAccountID.isEmpty || !ssoStartURL.isEmpty || !ssoRoleName.isEmpty }
    var hasSSO: Bool { hasSSOSession || hasLegacySSO }

    /// Go `hasCredentials`: whether this profile can serve as a `source_profile`.
    var hasCredentials: Bool {
        !sourceProfileName.isEmpty || !credentialSource.isEmpty || !credentialProcess.isEmpty
            || !webIdentityTokenFile.isEmpty || hasSSO || hasStaticKeys
    }

    /// Whether the profile names any way of obtaining credentials (else the chain falls through to the
    /// container and IMDS providers).
    var hasCredentialSettings: Bool { hasCredentials || !roleARN.isEmpty || !loginSession.isEmpty }

    /// `endpoint_url` of `service` in the profile's `[services …]` section (key = SDK id lower-cased,
    /// spaces → `_`).
    func serviceEndpointURL(sdkID: String) -> String? {
        let key = sdkID.lowercased().replacingOccurrences(of: " ", with: "_")
        guard let url = services[key]?["endpoint_url"], !url.isEmpty else { return nil }
        return url
    }
}

/// `[sso-session NAME]`.
struct SSOSessionConfig: Sendable, Equatable {
    var name: String
    var region: String
    var startURL: String
}

extension ProfileConfig {
    struct NotFound: Error {
        let profile: String
    }

    /// Loads `profile` from `files`. Throws ``NotFound`` when the profile itself is missing (the
    /// caller decides whether that is an error) and ``CredentialsConfigurationError`` for every other
    /// problem, with aws-sdk-go-v2's wording.
    static func load(_ profile: String, from files: SharedConfigFiles) throws -> ProfileConfig {
        var visited: Set<String> = []
        return try load(profile, files.sections, &visited, chain: [])
    }

    /// The longest `source_profile` chain accepted. aws-sdk-go-v2 has no limit (Go's stacks grow);
    /// here each link is a stack frame (and later an assume-role provider), so a hostile file of
    /// hundreds of linked profiles would overflow the thread's stack. Real chains are a few links.
    static let maximumChainLength = 64

    /// `chain`: the profiles whose `source_profile` led here, outermost first (cycles end by
    /// themselves: a profile met again only lends its credentials, as in Go).
    private static func load(
        _ profile: String, _ sections: [String: INISection], _ visited: inout Set<String>, chain: [String]
    ) throws -> ProfileConfig {
        guard chain.count < maximumChainLength else {
            throw CredentialsConfigurationError(
                "source_profile chain of profile \(chain[0]) is longer than \(maximumChainLength) profiles "
                    + "(\(chain.prefix(3).joined(separator: " -> ")) -> …); shorten it")
        }
        guard let section = sections[profile] else { throw NotFound(profile: profile) }
        var config = ProfileConfig(name: profile)
        if let problem = section.errors.last {
            throw CredentialsConfigurationError("error fetching config from profile, \(profile), \(problem)")
        }
        try config.apply(section)

        if visited.contains(profile) {
            // A profile met a second time (`source_profile` pointing back) only lends its credentials.
            config.clearAssumeRoleOptions()
        } else {
            try config.validateRequiresRoleARN()
        }
        if !visited.isEmpty && config.hasStaticKeys { return config }
        visited.insert(profile)
        try config.validateOneCredentialType()

        if !config.sourceProfileName.isEmpty {
            config.clearCredentialOptions()
            let source: ProfileConfig
            do {
                source = try load(config.sourceProfileName, sections, &visited, chain: chain + [profile])
            } catch is NotFound {
                throw CredentialsConfigurationError(
                    "failed to load assume role \(config.roleARN), of profile \(config.sourceProfileName), "
                        + "failed to get shared config profile, \(config.sourceProfileName)")
            }
            guard source.hasCredentials else {
                throw CredentialsConfigurationError(
                    "failed to load assume role \(config.roleARN), of profile \(config.sourceProfileName), "
                        + "the source profile has no credentials")
            }
            config.source = source
        }

        if config.hasSSOSession {
            let sessionName = config.ssoSessionName.trimmingWhitespace()
            guard let session = sections["sso-session " + sessionName] else {
                throw CredentialsConfigurationError("failed to find SSO session section, \(config.ssoSessionName)")
            }
            config.ssoSession = SSOSessionConfig(
                name: config.ssoSessionName, region: session.string("sso_region"),
                startURL: session.string("sso_start_url"))
        }
        if !config.servicesName.isEmpty, let services = sections["services " + config.servicesName] {
            config.services = services.values.mapValues { $0.map ?? [:] }
        }
        return config
    }

    private mutating func apply(_ section: INISection) throws {
        func set(_ target: inout String, _ key: String) {
            if section.has(key) { target = section.string(key) }
        }
        func bool(_ key: String) -> Bool? {
            guard section.has(key) else { return nil }
            // Go: anything but a case-insensitive `true` reads as false.
            return section.string(key).lowercased() == "true"
        }
        set(&roleARN, "role_arn")
        set(&externalID, "external_id")
        set(&mfaSerial, "mfa_serial")
        set(&roleSessionName, "role_session_name")
        set(&sourceProfileName, "source_profile")
        set(&credentialSource, "credential_source")
        set(&region, "region")
        set(&ssoSessionName, "sso_session")
        set(&ssoRegion, "sso_region")
        set(&ssoStartURL, "sso_start_url")
        set(&ssoAccountID, "sso_account_id")
        set(&ssoRoleName, "sso_role_name")
        if section.has("duration_seconds") {
            durationSeconds = GoInteger.parse(section.string("duration_seconds")) ?? 0
        }
        set(&credentialProcess, "credential_process")
        set(&webIdentityTokenFile, "web_identity_token_file")
        if section.has("ec2_metadata_service_endpoint_mode") {
            let text = section.string("ec2_metadata_service_endpoint_mode")
            if !text.trimmingWhitespace().isEmpty {
                guard let mode = IMDSEndpointMode(parsing: text) else {
                    throw CredentialsConfigurationError(
                        "error fetching config from profile, \(name), failed to load ec2_metadata_service_endpoint_mode "
                            + "from shared config, \(IMDSEndpointMode.invalidMessage)")
                }
                imdsEndpointMode = mode
            }
        }
        set(&imdsEndpoint, "ec2_metadata_service_endpoint")
        imdsV1Disabled = bool("ec2_metadata_v1_disabled")
        set(&caBundle, "ca_bundle")
        ignoreConfiguredEndpoints = bool("ignore_configured_endpoint_urls")
        set(&endpointURL, "endpoint_url")
        set(&loginSession, "login_session")

        let key = section.string("aws_access_key_id"), secret = section.string("aws_secret_access_key")
        if !key.isEmpty && !secret.isEmpty {
            accessKeyID = key
            secretAccessKey = secret
            sessionToken = section.string("aws_session_token")
        }
        set(&servicesName, "services")
    }

    private mutating func clearAssumeRoleOptions() {
        roleARN = ""
        externalID = ""
        mfaSerial = ""
        roleSessionName = ""
        sourceProfileName = ""
    }

    /// A profile with `source_profile` takes its credentials from there only.
    private mutating func clearCredentialOptions() {
        credentialSource = ""
        credentialProcess = ""
        webIdentityTokenFile = ""
        accessKeyID = ""
        secretAccessKey = ""
        sessionToken = ""
        ssoAccountID = ""
        ssoRegion = ""
        ssoRoleName = ""
        ssoStartURL = ""
    }

    private func validateRequiresRoleARN() throws {
        let type: String
        if !sourceProfileName.isEmpty {
            type = "source_profile"
        } else if !credentialSource.isEmpty {
            type = "credential_source"
        } else if !webIdentityTokenFile.isEmpty {
            type = "web_identity_token_file"
        } else {
            return
        }
        if roleARN.isEmpty {
            throw CredentialsConfigurationError("credential type \(type) requires role_arn, profile \(name)")
        }
    }

    private func validateOneCredentialType() throws {
        let kinds = [sourceProfileName, credentialSource, credentialProcess, webIdentityTokenFile].filter { !$0.isEmpty }
        if kinds.count > 1 {
            throw CredentialsConfigurationError(
                "only one credential type may be specified per profile: source profile, credential source, "
                    + "credential process, web identity token")
        }
    }
}
