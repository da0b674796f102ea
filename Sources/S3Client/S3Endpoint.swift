import HTTPTransport

/// The base URL S3 requests go to, parsed once: `scheme://host[:port][/base/path]`.
struct S3Endpoint: Sendable, Equatable {
    let url: EndpointURL

    var scheme: String { url.scheme }
    /// Host as written in the URL (IPv6 literals keep their brackets).
    var host: String { url.host }
    /// Path prefix of a custom endpoint (`/prefix`, no trailing slash), or empty.
    var basePath: String { url.path }
    var isHTTPS: Bool { url.isHTTPS }

    /// `host[:port]` for the `Host` header and URLs (see ``EndpointURL/authority(host:)``).
    func authority(host: String? = nil) -> String { url.authority(host: host) }

    /// `scheme://host[:port]`, for messages.
    var origin: String { url.origin }

    /// True for IPv4 dotted quads and bracketed IPv6 literals: such endpoints cannot take a bucket
    /// subdomain, so they always use path-style addressing (S3 endpoint rules, `url#isIp`).
    var hostIsIPAddress: Bool {
        if host.hasPrefix("[") { return true }
        return BucketNaming.isIPv4(host)
    }

    /// The AWS endpoint for `region`: `https://s3.<region>.amazonaws.com` (aws-sdk-go-v2 uses the regional
    /// host for us-east-1 too), `.amazonaws.com.cn` in the China partition.
    static func aws(region: String) -> S3Endpoint {
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return S3Endpoint(url: .https(host: "s3.\(region).\(suffix)"))
    }

    /// Parses a custom endpoint URL (a query or fragment is ignored). `source` names where it came from,
    /// for the error message.
    static func parse(_ text: String, source: String) throws -> S3Endpoint {
        func invalid(_ why: String) -> S3ClientError {
            S3ClientError("invalid S3 endpoint \"\(text)\" (from \(source)): \(why)")
        }
        let url: EndpointURL
        do {
            url = try EndpointURL.parse(text)
        } catch {
            throw invalid(error.reason)
        }
        guard !url.hasUserInfo else {
            throw invalid("credentials in the URL are not supported; use the credentials settings")
        }
        return S3Endpoint(url: url)
    }

    /// Endpoint precedence of aws-sdk-go-v2: explicit configuration, then `AWS_ENDPOINT_URL_S3`, then
    /// `AWS_ENDPOINT_URL` (both ignored when `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true`), then AWS.
    static func resolve(configured: String?, region: String, environment: [String: String]) throws -> S3Endpoint {
        if let configured, !configured.isEmpty {
            return try parse(configured, source: "the endpoint setting")
        }
        if environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() != "true" {
            for name in ["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"] {
                if let value = environment[name], !value.isEmpty {
                    return try parse(value, source: name)
                }
            }
        }
        return aws(region: region)
    }
}
