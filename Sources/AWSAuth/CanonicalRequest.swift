/// Builders for the pieces of the SigV4 canonical request (AWS "Create a canonical request").
enum CanonicalRequest {
    /// Headers never signed: hop-by-hop or rewritten by proxies and HTTP stacks after signing
    /// (botocore `SIGNED_HEADERS_BLACKLIST`, aws-sdk-go-v2 `IgnoredHeaders`). `expect` in particular:
    /// libcurl may add or drop it, and a signed `expect` that is not sent breaks the signature.
    static let unsignedHeaders: Set<String> = [
        "authorization", "user-agent", "expect", "transfer-encoding", "connection", "keep-alive", "te",
        "trailer", "upgrade", "x-amzn-trace-id",
    ]

    static func isSigned(_ lowerName: String) -> Bool {
        !unsignedHeaders.contains(lowerName) && !lowerName.hasPrefix("proxy-")
    }

    /// Canonical headers block (`name:value\n` per header, sorted) and the signed-headers list.
    /// Repeated headers are joined with `,` in the order given; values are trimmed and runs of spaces
    /// collapsed to one.
    static func headers(_ headers: [HTTPHeader]) -> (block: String, signed: String) {
        var merged: [String: String] = [:]
        for header in headers {
            let name = header.name.lowercased()
            guard isSigned(name) else { continue }
            let value = canonicalValue(header.value)
            if let existing = merged[name] {
                merged[name] = existing + "," + value
            } else {
                merged[name] = value
            }
        }
        let names = merged.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var block = ""
        for name in names {
            block += name
            block += ":"
            block += merged[name] ?? ""
            block += "\n"
        }
        return (block, names.joined(separator: ";"))
    }

    /// Trims leading/trailing whitespace and collapses inner runs of spaces/tabs to one space.
    static func canonicalValue(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\n") {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Canonical query: each `name[=value]` of the wire query decoded and re-encoded with the strict set
    /// (`/` → `%2F`), a bare name becomes `name=`, sorted by name then value (byte order), joined by `&`.
    static func query(_ wireQuery: String) -> String {
        guard !wireQuery.isEmpty else { return "" }
        var pairs: [(name: [UInt8], value: [UInt8])] = []
        for component in wireQuery.split(separator: "&", omittingEmptySubsequences: true) {
            let name: Substring
            let value: Substring
            if let eq = component.firstIndex(of: "=") {
                name = component[..<eq]
                value = component[component.index(after: eq)...]
            } else {
                name = component
                value = ""
            }
            var encodedName: [UInt8] = []
            URIEncoding.append(bytes: URIEncoding.decode(name), keepSlash: false, to: &encodedName)
            var encodedValue: [UInt8] = []
            URIEncoding.append(bytes: URIEncoding.decode(value), keepSlash: false, to: &encodedValue)
            pairs.append((encodedName, encodedValue))
        }
        pairs.sort { a, b in
            a.name == b.name ? a.value.lexicographicallyPrecedes(b.value) : a.name.lexicographicallyPrecedes(b.name)
        }
        var out: [UInt8] = []
        for (index, pair) in pairs.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "&")) }
            out += pair.name
            out.append(UInt8(ascii: "="))
            out += pair.value
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Canonical URI for S3: the wire path exactly as sent (already encoded once); empty → `/`.
    static func s3Path(_ wirePath: String) -> String {
        wirePath.isEmpty ? "/" : wirePath
    }

    /// Canonical URI for other services: dot segments removed, empty segments dropped, then the wire path
    /// encoded again (the "double encoding" of the generic SigV4 rules). A trailing `/` is kept.
    static func normalizedPath(_ wirePath: String) -> String {
        var segments: [Substring] = []
        for segment in wirePath.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        var path = "/" + segments.joined(separator: "/")
        if path != "/", wirePath.hasSuffix("/") { path += "/" }
        return URIEncoding.encodePath(path)
    }
}
