import Foundation

/// Where the credential services (STS, SSO portal, SSO OIDC, Sign-In) are reached, following aws-sdk-go-v2's
/// configured-endpoint rules (`service/*/endpoints.go resolveBaseEndpoint`,
/// `internal/configsources.ResolveServiceBaseEndpoint`):
/// 1. `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` / profile `ignore_configured_endpoint_urls` = true: only the
///    default endpoint;
/// 2. the global base endpoint (`AWS_ENDPOINT_URL`, else profile `endpoint_url`) — Go resolves it after the
///    credential chain, so only clients built from the finished configuration see it (the plugin's
///    `credentials.role_arn`), never the STS/SSO calls inside the chain;
/// 3. when `AWS_ENDPOINT_URL` is present but `AWS_ENDPOINT_URL_<SERVICE>` is not, the global one stands;
/// 4. otherwise `AWS_ENDPOINT_URL_<SERVICE>`, else `endpoint_url` of the service in the profile's
///    `[services …]` section, overrides it;
/// 5. else the regional AWS endpoint.
struct ServiceEndpoints: Sendable {
    enum Service: Sendable {
        case sts, sso, ssoOIDC, signin

        /// The SDK id, from which the variable and `[services]` key names derive.
        var sdkID: String {
            switch self {
            case .sts: return "STS"
            case .sso: return "SSO"
            case .ssoOIDC: return "SSO OIDC"
            case .signin: return "Signin"
            }
        }

        func defaultURL(region: String) -> String {
            let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
            switch self {
            case .sts: return "https://sts.\(region).\(suffix)"
            case .sso: return "https://portal.sso.\(region).\(suffix)"
            case .ssoOIDC: return "https://oidc.\(region).\(suffix)"
            case .signin:
                // The OAuth endpoint of Sign-In's rule set (botocore `data/signin/2023-01-01/
                // endpoint-rule-set-1.json`): its own domain per partition.
                if region.hasPrefix("cn-") { return "https://\(region).signin.amazonaws.cn" }
                if region.hasPrefix("us-gov-") { return "https://\(region).signin.amazonaws-us-gov.com" }
                return "https://\(region).signin.aws.amazon.com"
            }
        }
    }

    let environment: EnvironmentConfig
    let profile: ProfileConfig?

    /// The base URL (scheme, host, optional port and path prefix, no trailing `/`) for `service`.
    /// - Parameter includeGlobal: whether the global base endpoint applies (see step 2 above).
    func baseURL(for service: Service, region: String, includeGlobal: Bool) throws -> String {
        let ignore = environment.ignoreConfiguredEndpoints ?? profile?.ignoreConfiguredEndpoints ?? false
        var chosen: String?
        if !ignore && includeGlobal {
            chosen = environment.endpointURL ?? profile.flatMap { $0.endpointURL.isEmpty ? nil : $0.endpointURL }
        }
        let serviceVariable = "AWS_ENDPOINT_URL_" + service.sdkID.uppercased().replacingOccurrences(of: " ", with: "_")
        let globalPresent = environment.values["AWS_ENDPOINT_URL"] != nil
        if !(globalPresent && environment.values[serviceVariable] == nil) && !ignore {
            if let specific = environment.serviceEndpointURL(sdkID: service.sdkID)
                ?? profile?.serviceEndpointURL(sdkID: service.sdkID) {
                chosen = specific
            }
        }
        if let chosen { return trimSlash(chosen) }
        guard !region.isEmpty else {
            throw CredentialsConfigurationError(
                "endpoint rule error, Invalid Configuration: Missing Region (\(service.sdkID) needs a region: "
                    + "set AWS_REGION or `region` in the profile)")
        }
        guard Self.isHostLabel(region) else {
            throw CredentialsConfigurationError("invalid input region \(region)")
        }
        return service.defaultURL(region: region)
    }

    /// Go `rulesfn.IsValidHostLabel(region, true)`: letters, digits and `-` (dots allowed between labels),
    /// each label 1…63 characters, not starting with `-`.
    static func isHostLabel(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    private func trimSlash(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
