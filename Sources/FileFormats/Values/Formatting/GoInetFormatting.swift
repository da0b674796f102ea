/// The text arrow-go's `ValueStr` gives a CloudQuery `inet` value (a CSV cell, a Parquet string):
/// plugin-sdk parses the stored text with Go's `net.ParseCIDR`, keeps the host address
/// (`ipnet.IP = ip`) and prints `IPNet.String()`. So the stored text comes out canonical:
/// `2001:DB8:0::1/64` → `2001:db8::1/64`, an IPv4-mapped IPv6 address prints in dotted form
/// with its prefix counted in the last 32 bits (`::ffff:1.2.3.4/120` → `1.2.3.4/24`).
/// An empty value is `0.0.0.0/0`. Text that `ParseCIDR` rejects makes Go panic (the plugin
/// reports an error); `appendCIDR` returns false for it.
///
/// (JSON output and values nested in lists keep the stored text as it is: that path uses
/// `GetOneForMarshal`, which does not parse.)
enum GoInetFormatting {
    /// Appends the canonical form of the CIDR text `text`; false (and nothing appended) when Go
    /// would reject it.
    static func appendCIDR(_ text: UnsafeRawBufferPointer, to out: inout [UInt8]) -> Bool {
        if text.isEmpty {
            out.append(contentsOf: "0.0.0.0/0".utf8)
            return true
        }
        guard let slash = text.firstIndex(of: UInt8(ascii: "/")) else { return false }
        let address = UnsafeRawBufferPointer(rebasing: text[..<slash])
        let mask = UnsafeRawBufferPointer(rebasing: text[(slash + 1)...])
        guard let (ip, bitLength) = parseAddress(address), let ones = parsePrefixLength(mask),
              ones <= bitLength else { return false }
        // `IPNet.String`: a v4-mapped address prints as IPv4; a 128-bit mask is then cut to its
        // last four bytes.
        if isIPv4Mapped(ip) {
            appendIPv4(ip, to: &out)
            out.append(UInt8(ascii: "/"))
            IntegerFormatting.append(UInt64(bitLength == 32 ? ones : max(ones - 96, 0)), to: &out)
        } else {
            appendIPv6(ip, to: &out)
            out.append(UInt8(ascii: "/"))
            IntegerFormatting.append(UInt64(ones), to: &out)
        }
        return true
    }

    /// 16 address bytes (IPv4 in its v4-mapped form) and the bit length of the syntax used
    /// (32 for dotted IPv4, 128 for IPv6). Go's `netip.ParseAddr`: the first `.`, `:` or `%`
    /// decides the syntax; zones are rejected by `ParseCIDR`.
    static func parseAddress(_ s: UnsafeRawBufferPointer) -> ([UInt8], Int)? {
        for byte in s {
            switch byte {
            case UInt8(ascii: "."):
                var fields: [UInt8] = [0, 0, 0, 0]
                guard parseIPv4(s, into: &fields) else { return nil }
                return ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff] + fields, 32)
            case UInt8(ascii: ":"):
                return parseIPv6(s).map { ($0, 128) }
            case UInt8(ascii: "%"):
                return nil
            default:
                continue
            }
        }
        return nil
    }

    /// `netip.parseIPv4Fields`: four decimal fields 0…255 without leading zeros.
    static func parseIPv4(_ s: UnsafeRawBufferPointer, into fields: inout [UInt8]) -> Bool {
        var value = 0, position = 0, digits = 0
        for i in 0..<s.count {
            let c = s[i]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                if digits == 1 && value == 0 { return false }
                value = value * 10 + Int(c - UInt8(ascii: "0"))
                digits += 1
                if value > 255 { return false }
            } else if c == UInt8(ascii: ".") {
                if i == 0 || i == s.count - 1 || s[i - 1] == UInt8(ascii: ".") { return false }
                if position == 3 { return false }
                fields[position] = UInt8(value)
                position += 1
                value = 0
                digits = 0
            } else {
                return false
            }
        }
        guard position == 3 else { return false }
        fields[3] = UInt8(value)
        return true
    }

    /// `netip.parseIPv6` without zones: hex groups of 1–4 digits, at most one `::`, an optional
    /// dotted IPv4 tail in the last 32 bits.
    static func parseIPv6(_ text: UnsafeRawBufferPointer) -> [UInt8]? {
        if text.contains(UInt8(ascii: "%")) { return nil }
        var ip = [UInt8](repeating: 0, count: 16)
        var ellipsis = -1
        var s = text[...]
        if s.count >= 2 && s[s.startIndex] == UInt8(ascii: ":") && s[s.startIndex + 1] == UInt8(ascii: ":") {
            ellipsis = 0
            s = s.dropFirst(2)
            if s.isEmpty { return ip }
        }
        var i = 0
        while i < 16 {
            var digits = 0
            var accumulator: UInt32 = 0
            var index = s.startIndex
            while index < s.endIndex, let nibble = hexValue(s[index]) {
                accumulator = accumulator << 4 + UInt32(nibble)
                if digits >= 4 || accumulator > 0xffff { return nil }
                digits += 1
                index += 1
            }
            if digits == 0 { return nil }
            if index < s.endIndex && s[index] == UInt8(ascii: ".") {
                // A dotted IPv4 tail: only as the last 32 bits (or after a `::`).
                if ellipsis < 0 && i != 12 { return nil }
                if i + 4 > 16 { return nil }
                var fields: [UInt8] = [0, 0, 0, 0]
                guard parseIPv4(UnsafeRawBufferPointer(rebasing: s), into: &fields) else { return nil }
                ip.replaceSubrange(i..<(i + 4), with: fields)
                s = s[s.endIndex...]
                i += 4
                break
            }
            ip[i] = UInt8(accumulator >> 8)
            ip[i + 1] = UInt8(accumulator & 0xff)
            i += 2
            s = s[index...]
            if s.isEmpty { break }
            if s[s.startIndex] != UInt8(ascii: ":") || s.count == 1 { return nil }
            s = s.dropFirst()
            if s[s.startIndex] == UInt8(ascii: ":") {
                if ellipsis >= 0 { return nil }
                ellipsis = i
                s = s.dropFirst()
                if s.isEmpty { break }
            }
        }
        guard s.isEmpty else { return nil }
        if i < 16 {
            guard ellipsis >= 0 else { return nil }
            let shift = 16 - i
            for j in stride(from: i - 1, through: ellipsis, by: -1) { ip[j + shift] = ip[j] }
            for j in ellipsis..<(ellipsis + shift) { ip[j] = 0 }
        } else if ellipsis >= 0 {
            return nil  // `::` must stand for at least one zero group
        }
        return ip
    }

    /// Go's `dtoi`: one or more decimal digits (leading zeros allowed), below 0xFFFFFF.
    static func parsePrefixLength(_ s: UnsafeRawBufferPointer) -> Int? {
        guard !s.isEmpty else { return nil }
        var value = 0
        for c in s {
            guard c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(c - UInt8(ascii: "0"))
            if value >= 0xFF_FFFF { return nil }
        }
        return value
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    static func isIPv4Mapped(_ ip: [UInt8]) -> Bool {
        ip[0..<10].allSatisfy { $0 == 0 } && ip[10] == 0xff && ip[11] == 0xff
    }

    static func appendIPv4(_ ip: [UInt8], to out: inout [UInt8]) {
        for k in 12..<16 {
            if k > 12 { out.append(UInt8(ascii: ".")) }
            IntegerFormatting.append(UInt64(ip[k]), to: &out)
        }
    }

    /// RFC 5952 as Go's `netip` prints it: lowercase groups without leading zeros, the first
    /// longest run of two or more zero groups as `::`.
    static func appendIPv6(_ ip: [UInt8], to out: inout [UInt8]) {
        func group(_ k: Int) -> UInt16 { UInt16(ip[2 * k]) << 8 | UInt16(ip[2 * k + 1]) }
        var zeroStart = -1, zeroEnd = -1
        var k = 0
        while k < 8 {
            var j = k
            while j < 8 && group(j) == 0 { j += 1 }
            if j - k >= 2 && j - k > zeroEnd - zeroStart {
                zeroStart = k
                zeroEnd = j
            }
            k = max(j, k + 1)
        }
        k = 0
        while k < 8 {
            if k == zeroStart {
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: ":"))
                k = zeroEnd
                continue
            }
            if k > 0 && k != zeroEnd { out.append(UInt8(ascii: ":")) }
            appendHex(group(k), to: &out)
            k += 1
        }
    }

    private static func appendHex(_ value: UInt16, to out: inout [UInt8]) {
        var started = false
        for shift in stride(from: 12, through: 0, by: -4) {
            let nibble = UInt8(value >> UInt16(shift) & 0xf)
            if nibble != 0 || started || shift == 0 {
                out.append(JSONStringEscaping.hexDigit(nibble))
                started = true
            }
        }
    }
}
