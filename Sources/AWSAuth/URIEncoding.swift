/// SigV4's percent-encoding (RFC 3986 unreserved set): every UTF-8 byte except `A–Z a–z 0–9 - _ . ~`
/// becomes `%XX` with upper-case hex. Space is `%20` (never `+`), `%` is `%25`.
///
/// Request builders use the same functions to put paths and queries on the wire, so what is sent and
/// what is signed come from one encoder.
public enum URIEncoding {
    /// Encodes `text`; with `keepSlash` the `/` separators stay (S3 object paths), otherwise `/` is `%2F`
    /// (query names and values).
    public static func encode(_ text: some StringProtocol, keepSlash: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        append(bytes: text.utf8, keepSlash: keepSlash, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Encodes an S3 object path (e.g. `/bucket/dir one/ä.txt` → `/bucket/dir%20one/%C3%A4.txt`): each
    /// segment once, `/` kept, no normalisation of `.`, `..` or `//`.
    public static func encodePath(_ rawPath: some StringProtocol) -> String {
        encode(rawPath, keepSlash: true)
    }

    /// Builds a wire query string from raw (unencoded) pairs; a `nil` value gives a bare name (`?uploads`).
    public static func query(_ items: [(name: String, value: String?)]) -> String {
        items.map { item in
            let name = encode(item.name, keepSlash: false)
            guard let value = item.value else { return name }
            return name + "=" + encode(value, keepSlash: false)
        }.joined(separator: "&")
    }

    static func append<Bytes: Sequence>(bytes: Bytes, keepSlash: Bool, to out: inout [UInt8])
    where Bytes.Element == UInt8 {
        for byte in bytes {
            if isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(upperHex[Int(byte >> 4)])
                out.append(upperHex[Int(byte & 0x0F)])
            }
        }
    }

    /// Decodes `%XX` escapes; a `%` not followed by two hex digits is kept literally (lenient, like the
    /// SDKs' query parsers). `+` is left as is: our own requests never use it for a space.
    static func decode(_ text: Substring) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let hi = hexValue(bytes[i + 1]),
               let lo = hexValue(bytes[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    private static let upperHex: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
             UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
