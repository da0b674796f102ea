#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Go's text-to-value parsers that arrow-go's readers rely on (`strconv`, `time.Parse` with the
/// layouts arrow-go uses, `time.ParseDuration`, `net.ParseMAC`, `uuid.Parse`, base64
/// `StdEncoding`), reimplemented on bytes. Each returns nil where Go returns an error. The
/// temporal ones are in GoTimeParsing.swift.
enum GoTextParsing {
    typealias Bytes = UnsafeRawBufferPointer

    @inline(__always)
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    // MARK: strconv

    /// `strconv.ParseInt(s, 10, 64)`: optional sign, decimal digits, no underscores.
    static func parseInt64(_ s: Bytes) -> Int64? {
        var i = 0
        var negative = false
        if s.count > 0 && (s[0] == UInt8(ascii: "+") || s[0] == UInt8(ascii: "-")) {
            negative = s[0] == UInt8(ascii: "-")
            i = 1
        }
        guard let magnitude = parseDigits(s, from: i) else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// `strconv.ParseUint(s, 10, 64)`: decimal digits only.
    static func parseUInt64(_ s: Bytes) -> UInt64? { parseDigits(s, from: 0) }

    private static func parseDigits(_ s: Bytes, from start: Int) -> UInt64? {
        guard s.count > start else { return nil }
        var value: UInt64 = 0
        for k in start..<s.count {
            let c = s[k]
            guard isDigit(c) else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(c - 0x30))
            if o1 || o2 { return nil }
            value = sum
        }
        return value
    }

    /// `strconv.ParseInt(s, 10, bits)`.
    static func parseInt(_ s: Bytes, bits: Int) -> Int64? {
        guard let value = parseInt64(s) else { return nil }
        if bits >= 64 { return value }
        let limit = Int64(1) << (bits - 1)
        return value >= -limit && value < limit ? value : nil
    }

    /// `strconv.ParseUint(s, 10, bits)`.
    static func parseUInt(_ s: Bytes, bits: Int) -> UInt64? {
        guard let value = parseUInt64(s) else { return nil }
        if bits >= 64 { return value }
        return value < UInt64(1) << bits ? value : nil
    }

    /// `strconv.ParseBool`.
    static func parseBool(_ s: Bytes) -> Bool? {
        switch String(decoding: s, as: UTF8.self) {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default: return nil
        }
    }

    /// The syntax `strconv.ParseFloat` accepts for decimal input (hex floats are not
    /// supported here): sign, digits with an optional point, optional exponent; or
    /// `inf`/`infinity` (signed) / `nan`, any case.
    private enum FloatSyntax { case finite, infinity(negative: Bool), nan }

    private static func floatSyntax(_ s: Bytes) -> FloatSyntax? {
        var i = 0
        var negative = false
        if s.count > 0 && (s[0] == UInt8(ascii: "+") || s[0] == UInt8(ascii: "-")) {
            negative = s[0] == UInt8(ascii: "-")
            i = 1
        }
        let lower = s[i...].map { $0 | 0x20 }
        if lower.elementsEqual("inf".utf8) || lower.elementsEqual("infinity".utf8) { return .infinity(negative: negative) }
        if i == 0 && lower.elementsEqual("nan".utf8) { return .nan }
        var digits = 0
        while i < s.count && isDigit(s[i]) { i += 1; digits += 1 }
        if i < s.count && s[i] == UInt8(ascii: ".") {
            i += 1
            while i < s.count && isDigit(s[i]) { i += 1; digits += 1 }
        }
        guard digits > 0 else { return nil }
        if i < s.count && (s[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            if i < s.count && (s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-")) { i += 1 }
            var exponentDigits = 0
            while i < s.count && isDigit(s[i]) { i += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return nil }
        }
        return i == s.count ? .finite : nil
    }

    /// `strconv.ParseFloat(s, 64)` (correctly rounded; out of range is an error, as in Go).
    static func parseFloat64(_ s: Bytes) -> Double? {
        guard let syntax = floatSyntax(s) else { return nil }
        switch syntax {
        case .nan: return .nan
        case .infinity(let negative): return negative ? -.infinity : .infinity
        case .finite:
            let value = withCString(s) { strtod($0, nil) }
            return value.isFinite ? value : nil
        }
    }

    /// `strconv.ParseFloat(s, 32)`: rounded once, straight to float32.
    static func parseFloat32(_ s: Bytes) -> Float? {
        guard let syntax = floatSyntax(s) else { return nil }
        switch syntax {
        case .nan: return .nan
        case .infinity(let negative): return negative ? -.infinity : .infinity
        case .finite:
            let value = withCString(s) { strtof($0, nil) }
            return value.isFinite ? value : nil
        }
    }

    private static func withCString<R>(_ s: Bytes, _ body: (UnsafePointer<CChar>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: s.count + 1) { buffer in
            for k in 0..<s.count { buffer[k] = CChar(bitPattern: s[k]) }
            buffer[s.count] = 0
            return body(buffer.baseAddress!)
        }
    }

    // MARK: base64

    /// `base64.StdEncoding.DecodeString`: padded standard alphabet (`xx==`, `xxx=` only in the
    /// last quantum); `\r` and `\n` are skipped.
    static func decodeBase64(_ s: Bytes, into out: ByteScratch) -> Bool {
        out.count = 0
        var quantum: UInt32 = 0
        var filled = 0
        var padding = 0
        for c in s {
            if c == 0x0d || c == 0x0a { continue }
            if padding > 0 && c != UInt8(ascii: "=") { return false }
            let value: UInt32
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(c - 65)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(c - 97 + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(c - 48 + 52)
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="):
                guard filled >= 2 else { return false }
                padding += 1
                value = 0
            default: return false
            }
            quantum = quantum << 6 | value
            filled += 1
            if filled == 4 {
                out.append(UInt8(truncatingIfNeeded: quantum >> 16))
                if padding < 2 { out.append(UInt8(truncatingIfNeeded: quantum >> 8)) }
                if padding < 1 { out.append(UInt8(truncatingIfNeeded: quantum)) }
                if padding > 0 { filled = -1_000 } // nothing may follow the padded quantum
                else { filled = 0 }
                quantum = 0
            }
        }
        return filled == 0 || filled == -1_000
    }

    // MARK: identifiers

    @inline(__always)
    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - 0x30
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - 0x61 + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - 0x41 + 10
        default: return nil
        }
    }

    /// google/uuid `Parse`: `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, the same in braces or after
    /// `urn:uuid:`, or 32 bare hex digits.
    static func parseUUID(_ s: Bytes, into out: ByteScratch) -> Bool {
        out.count = 0
        var text = s
        switch s.count {
        case 36: break
        case 38:
            guard s[0] == UInt8(ascii: "{"), s[37] == UInt8(ascii: "}") else { return false }
            text = UnsafeRawBufferPointer(rebasing: s[1..<37])
        case 45:
            guard s.prefix(9).map({ $0 | 0x20 }).elementsEqual("urn:uuid:".utf8) else { return false }
            text = UnsafeRawBufferPointer(rebasing: s[9...])
        case 32:
            var k = 0
            while k < 32 {
                guard let high = hexValue(s[k]), let low = hexValue(s[k + 1]) else { return false }
                out.append(high << 4 | low)
                k += 2
            }
            return true
        default:
            return false
        }
        guard text[8] == UInt8(ascii: "-"), text[13] == UInt8(ascii: "-"), text[18] == UInt8(ascii: "-"),
              text[23] == UInt8(ascii: "-") else { return false }
        for start in [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34] {
            guard let high = hexValue(text[start]), let low = hexValue(text[start + 1]) else { return false }
            out.append(high << 4 | low)
        }
        return true
    }

    /// `net.ParseMAC`: 6, 8 or 20 bytes as `xx:xx:…`, `xx-xx-…` or `xxxx.xxxx.…`.
    static func parseMAC(_ s: Bytes, into out: ByteScratch) -> Bool {
        out.count = 0
        let n = s.count
        guard n >= 14 else { return false }
        if s[2] == UInt8(ascii: ":") || s[2] == UInt8(ascii: "-") {
            guard (n + 1) % 3 == 0 else { return false }
            let groups = (n + 1) / 3
            guard groups == 6 || groups == 8 || groups == 20 else { return false }
            let separator = s[2]
            for g in 0..<groups {
                let x = g * 3
                guard let high = hexValue(s[x]), let low = hexValue(s[x + 1]) else { return false }
                if g < groups - 1 && s[x + 2] != separator { return false }
                out.append(high << 4 | low)
            }
            return true
        }
        if s[4] == UInt8(ascii: ".") {
            guard (n + 1) % 5 == 0 else { return false }
            let bytes = 2 * (n + 1) / 5
            guard bytes == 6 || bytes == 8 || bytes == 20 else { return false }
            for g in 0..<(bytes / 2) {
                let x = g * 5
                guard let a = hexValue(s[x]), let b = hexValue(s[x + 1]),
                      let c = hexValue(s[x + 2]), let d = hexValue(s[x + 3]) else { return false }
                if g < bytes / 2 - 1 && s[x + 4] != UInt8(ascii: ".") { return false }
                out.append(a << 4 | b)
                out.append(c << 4 | d)
            }
            return true
        }
        return false
    }
}
