/// The parts of an `http(s)://host[:port][/path][?query]` URL that requests and signatures need: S3
/// endpoints and credential endpoints (STS, SSO, containers). Parsed by hand: Foundation's URL drops the
/// brackets of IPv6 hosts and accepts schemes we never want to reach.
public struct EndpointURL: Sendable, Equatable {
    /// `http` or `https`, lowercased.
    public let scheme: String
    /// Host as it appears in the URL, lowercased (IPv6 literals keep their brackets).
    public let host: String
    public let port: Int?
    /// Path without trailing `/` (empty for none).
    public let path: String
    /// Query without `?` (empty for none); a `#fragment` is dropped.
    public let query: String
    /// The URL had `user[:password]@` before the host (dropped from ``host``).
    public let hasUserInfo: Bool

    /// Why a text is not a usable endpoint URL.
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public let reason: String
        public init(reason: String) { self.reason = reason }
        public var description: String { reason }
    }

    /// Parses `text` (surrounding spaces ignored); nil when it is not an http(s) URL with a host.
    public init?(_ text: String) {
        guard let url = try? Self.parse(text) else { return nil }
        self = url
    }

    private init(scheme: String, host: String, port: Int?, path: String, query: String, hasUserInfo: Bool) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        self.hasUserInfo = hasUserInfo
    }

    /// An `https` URL for `host` with no port, path or query (the AWS endpoints).
    public static func https(host: String) -> EndpointURL {
        EndpointURL(scheme: "https", host: host.lowercased(), port: nil, path: "", query: "", hasUserInfo: false)
    }

    /// Parses `text`, saying what is wrong when it cannot be used.
    public static func parse(_ text: String) throws(Invalid) -> EndpointURL {
        let trimmed = text.trimmingHTTPWhitespace()
        guard let schemeEnd = trimmed.range(of: "://") else {
            throw Invalid(reason: "it must be a URL starting with http:// or https://, e.g. http://127.0.0.1:9000")
        }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { throw Invalid(reason: "scheme must be http or https") }
        var rest = trimmed[schemeEnd.upperBound...]
        if let fragment = rest.firstIndex(of: "#") { rest = rest[..<fragment] }
        var query = ""
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        var path = String(rest[authorityEnd...])
        while path.hasSuffix("/") { path.removeLast() }
        var hasUserInfo = false
        if let at = authority.lastIndex(of: "@") {
            hasUserInfo = true
            authority = authority[authority.index(after: at)...]
        }
        var host = authority
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw Invalid(reason: "unterminated IPv6 address") }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw Invalid(reason: "bad port") }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        var port: Int?
        if let portText {
            guard let number = Int(portText) else { throw Invalid(reason: "bad port") }
            guard (1...65535).contains(number) else { throw Invalid(reason: "port \(number) out of range") }
            port = number
        }
        guard !host.isEmpty else { throw Invalid(reason: "no host") }
        return EndpointURL(
            scheme: scheme, host: host.lowercased(), port: port, path: path, query: query, hasUserInfo: hasUserInfo)
    }

    public var isHTTPS: Bool { scheme == "https" }

    /// The host without IPv6 brackets, for address checks.
    public var bareHost: String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// `host[:port]` for the `Host` header and URLs, with `host` replacing the URL's own (virtual-hosted
    /// S3 buckets); the port is left out when it is the scheme's default, as HTTP clients send it (a
    /// signed Host must equal the sent one).
    public func authority(host: String? = nil) -> String {
        let name = host ?? self.host
        guard let port, port != (isHTTPS ? 443 : 80) else { return name }
        return "\(name):\(port)"
    }

    /// `Host` header value.
    public var hostHeader: String { authority() }

    /// `scheme://host[:port]`, the port only when it is not the scheme's default.
    public var origin: String { "\(scheme)://\(authority())" }
}
