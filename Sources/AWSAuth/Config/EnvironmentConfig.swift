import Foundation

/// The environment variables that shape credential resolution (aws-sdk-go-v2 `config/env_config.go`,
/// `NewEnvConfig`), read from an injected dictionary so tests and the plugin never depend
/// on the process environment by accident. An empty variable counts as unset, as in Go.
struct EnvironmentConfig: Sendable {
    let values: [String: String]

    /// Parses the variables whose values Go validates while loading its configuration; an invalid
    /// value fails the load with Go's message.
    init(_ values: [String: String]) throws {
        self.values = values
        imdsV1Disabled = try Self.bool(values, "AWS_EC2_METADATA_V1_DISABLED")
        ignoreConfiguredEndpoints = try Self.bool(values, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
        if let mode = values["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"], !mode.isEmpty {
            guard let parsed = IMDSEndpointMode(parsing: mode) else {
                throw CredentialsConfigurationError(
                    "invalid value for environment variable, AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=\(mode), "
                        + IMDSEndpointMode.invalidMessage)
            }
            imdsEndpointMode = parsed
        } else {
            imdsEndpointMode = nil
        }
    }

    subscript(name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// The first non-empty of `names`.
    func first(_ names: String...) -> String? {
        names.lazy.compactMap { self[$0] }.first
    }

    var home: String? { self["HOME"] }
    /// `AWS_PROFILE`, then `AWS_DEFAULT_PROFILE` (Go's order; botocore reads the second first).
    var profileName: String? { first("AWS_PROFILE", "AWS_DEFAULT_PROFILE") }
    /// Only `AWS_PROFILE` makes a missing profile an error in Go (`resolveConfigLoaders`).
    var profileIsRequired: Bool { self["AWS_PROFILE"] != nil }
    var region: String? { first("AWS_REGION", "AWS_DEFAULT_REGION") }
    var configFile: String? { self["AWS_CONFIG_FILE"] }
    var credentialsFile: String? { self["AWS_SHARED_CREDENTIALS_FILE"] }
    var caBundle: String? { self["AWS_CA_BUNDLE"] }

    var webIdentityTokenFile: String? { self["AWS_WEB_IDENTITY_TOKEN_FILE"] }
    var roleARN: String? { self["AWS_ROLE_ARN"] }
    var roleSessionName: String? { self["AWS_ROLE_SESSION_NAME"] }

    var containerRelativeURI: String? { self["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] }
    var containerFullURI: String? { self["AWS_CONTAINER_CREDENTIALS_FULL_URI"] }
    var containerAuthorizationToken: String? { self["AWS_CONTAINER_AUTHORIZATION_TOKEN"] }
    var containerAuthorizationTokenFile: String? { self["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] }

    /// `AWS_EC2_METADATA_DISABLED`: `true` disables IMDS, `false` enables it, anything else is ignored.
    var imdsDisabled: Bool? {
        guard let value = self["AWS_EC2_METADATA_DISABLED"] else { return nil }
        if value.lowercased() == "true" { return true }
        if value.lowercased() == "false" { return false }
        return nil
    }
    var imdsEndpoint: String? { self["AWS_EC2_METADATA_SERVICE_ENDPOINT"] }
    let imdsEndpointMode: IMDSEndpointMode?
    let imdsV1Disabled: Bool?

    /// `AWS_ENDPOINT_URL`, the base endpoint of every service.
    var endpointURL: String? { self["AWS_ENDPOINT_URL"] }
    let ignoreConfiguredEndpoints: Bool?

    /// `AWS_ENDPOINT_URL_<SERVICE>`: the SDK id upper-cased, spaces → `_` (e.g. `SSO OIDC` → `SSO_OIDC`).
    func serviceEndpointURL(sdkID: String) -> String? {
        self["AWS_ENDPOINT_URL_" + sdkID.uppercased().replacingOccurrences(of: " ", with: "_")]
    }

    private static func bool(_ values: [String: String], _ name: String) throws -> Bool? {
        guard let value = values[name], !value.isEmpty else { return nil }
        switch value.lowercased() {
        case "true": return true
        case "false": return false
        default:
            throw CredentialsConfigurationError(
                "invalid value for environment variable, \(name)=\(value), need true or false")
        }
    }
}

/// `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE` / `ec2_metadata_service_endpoint_mode`.
enum IMDSEndpointMode: Sendable, Equatable {
    case ipv4, ipv6

    static let invalidMessage = "unknown EC2 IMDS endpoint mode, must be either IPv6 or IPv4"

    init?(parsing text: String) {
        switch text.trimmingWhitespace().lowercased() {
        case "ipv4": self = .ipv4
        case "ipv6": self = .ipv6
        default: return nil
        }
    }

    var defaultEndpoint: String {
        switch self {
        case .ipv4: return "http://169.254.169.254"
        case .ipv6: return "http://[fd00:ec2::254]"
        }
    }
}
