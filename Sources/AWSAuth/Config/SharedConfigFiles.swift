import Foundation

/// The merged sections of the shared `config` and `credentials` files, keyed by profile name
/// (`dev` for `[profile dev]` of the config file and `[dev]` of the credentials file), `sso-session NAME`
/// and `services NAME` (aws-sdk-go-v2 `config/shared_config.go` `LoadSharedConfigProfile`).
struct SharedConfigFiles: Sendable {
    let configPath: String?
    let credentialsPath: String?
    let sections: [String: INISection]

    /// The keys that the credentials file may override one by one in a profile both files define
    /// (Go `mergeSections`); the static key pair is handled as a group. Other keys of a credentials
    /// section are dropped when the config file has the same profile, exactly as in Go.
    static let mergedKeys = [
        "role_arn", "source_profile", "credential_source", "external_id", "mfa_serial", "role_session_name",
        "region", "endpoint_discovery_enabled", "credential_process", "web_identity_token_file",
        "s3_use_arn_region", "s3_disable_multiregion_access_points", "ec2_metadata_service_endpoint_mode",
        "ec2_metadata_service_endpoint", "ec2_metadata_v1_disabled", "use_dualstack_endpoint", "use_fips_endpoint",
        "defaults_mode", "retry_mode", "ca_bundle", "duration_seconds", "max_attempts", "sso_session",
        "sso_account_id", "sso_region", "sso_role_name", "sso_start_url", "auth_scheme_preference", "login_session",
    ]

    /// Reads both files; a file that does not exist or cannot be read counts as empty (Go skips it too).
    static func load(configPath: String?, credentialsPath: String?) -> SharedConfigFiles {
        parse(config: read(configPath), credentials: read(credentialsPath), configPath: configPath, credentialsPath: credentialsPath)
    }

    /// The two files' texts (the fuzz target feeds them from memory).
    static func parse(config: String?, credentials: String?, configPath: String? = nil, credentialsPath: String? = nil)
        -> SharedConfigFiles {
        var sections = processConfigSections(sections(config))
        merge(processCredentialsSections(self.sections(credentials)), into: &sections)
        return SharedConfigFiles(configPath: configPath, credentialsPath: credentialsPath, sections: sections)
    }

    /// Default locations under `home`, overridden by `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`.
    static func paths(environment: EnvironmentConfig) -> (config: String?, credentials: String?) {
        let home = environment.home
        return (
            environment.configFile ?? home.map { $0 + "/.aws/config" },
            environment.credentialsFile ?? home.map { $0 + "/.aws/credentials" }
        )
    }

    private static func read(_ path: String?) -> String? {
        guard let path, let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    private static func sections(_ text: String?) -> [String: INISection] {
        guard let text else { return [:] }
        var sections = INIParser.parse(text)
        for name in sections.keys { markPartialKeys(&sections[name]!) }
        return sections
    }

    private static func markPartialKeys(_ section: inout INISection) {
        if section.has("aws_access_key_id") != section.has("aws_secret_access_key") {
            section.errors.append("partial credentials found for profile \(section.name)")
        }
    }

    /// Config file: `[profile x]` becomes `x` (replacing a `[x]`, so `[profile default]` wins over
    /// `[default]`); `[default]`, `[sso-session …]` and `[services …]` stay; any other section is dropped.
    private static func processConfigSections(_ input: [String: INISection]) -> [String: INISection] {
        var sections = input
        var renamed: Set<String> = []
        for name in input.keys.sorted() where !renamed.contains(name) {
            guard var section = sections[name] else { continue }
            if name.hasPrefix("profile ") {
                sections[name] = nil
                let plain = String(name.dropFirst("profile ".count))
                section.name = plain
                sections[plain] = section
                renamed.insert(plain)
            } else if name.hasPrefix("sso-session ") || name.hasPrefix("services ") || name.lowercased() == "default" {
                continue
            } else {
                sections[name] = nil
            }
        }
        return sections
    }

    /// Credentials file: sections are plain profile names; `[profile x]` is invalid there and dropped.
    private static func processCredentialsSections(_ input: [String: INISection]) -> [String: INISection] {
        input.filter { !$0.key.hasPrefix("profile ") }
    }

    private static func merge(_ source: [String: INISection], into destination: inout [String: INISection]) {
        for name in source.keys.sorted() {
            guard let src = source[name] else { continue }
            guard var dst = destination[name] else {
                destination[name] = src
                continue
            }
            dst.errors = src.errors
            if src.has("aws_access_key_id") && src.has("aws_secret_access_key") {
                dst.values["aws_access_key_id"] = src.values["aws_access_key_id"]
                dst.values["aws_secret_access_key"] = src.values["aws_secret_access_key"]
                if let token = src.values["aws_session_token"] { dst.values["aws_session_token"] = token }
            }
            for key in mergedKeys {
                if let value = src.values[key] { dst.values[key] = INIValue(value.string) }
            }
            destination[name] = dst
        }
    }
}
