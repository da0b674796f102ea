import Foundation

/// The base URL S3 requests go to, parsed once: `scheme://host[:port][/base/path]`.
struct S3Endpoint: Sendable, Equatable {
    let scheme: String
    /// Host as written in the URL (IPv6 literals keep their brackets).
    let host: String
    let port: Int?
    /// Path prefix of a custom endpoint (`/prefix`, no trailing slash), or empty.
    let basePath: String

    var isHTTPS: Bool { scheme == "https" }

    /// `host[:port]` for the `Host` header and URLs; the port is left out when it is the scheme's default,
    /// as HTTP clients send it (the signed Host must equal the sent one).
    func authority(host: String? = nil) -> String {
        let name = host ?? self.host
        guard let port, port != (isHTTPS ? 443 : 80) else { return name }
        return "\(name):\(port)"
    }

    /// `scheme://host[:port]`, for messages.
    var origin: String { "\(scheme)://\(authority())" }

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
        return S3Endpoint(scheme: "https", host: "s3.\(region).\(suffix)", port: nil, basePath: "")
    }

    /// Parses a custom endpoint URL. `source` names where it came from, for the error message.
    static func parse(_ text: String, source: String) throws -> S3Endpoint {
        func invalid(_ why: String) -> S3ClientError {
            S3ClientError("invalid S3 endpoint \"\(text)\" (from \(source)): \(why)")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = trimmed.range(of: "://") else {
            throw invalid("it must be a URL starting with http:// or https://, e.g. http://127.0.0.1:9000")
        }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw invalid("scheme must be http or https")
        }
        var rest = trimmed[schemeEnd.upperBound...]
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        let pathStart = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<pathStart]
        var basePath = String(rest[pathStart...])
        while basePath.hasSuffix("/") { basePath.removeLast() }
        guard !authority.contains("@") else {
            throw invalid("credentials in the URL are not supported; use the credentials settings")
        }
        var host = Substring(authority)
        var port: Int?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw invalid("unterminated IPv6 address") }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let p = Int(after.dropFirst()) else { throw invalid("bad port") }
                port = p
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            guard let p = Int(authority[authority.index(after: colon)...]) else { throw invalid("bad port") }
            port = p
        }
        guard !host.isEmpty else { throw invalid("no host") }
        if let port, !(1...65535).contains(port) { throw invalid("port \(port) out of range") }
        return S3Endpoint(scheme: scheme, host: host.lowercased(), port: port, basePath: basePath)
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
