/// Go's `time.Duration` text (Go `time/format.go`: `ParseDuration`, and `Duration.String` in
/// `time/time.go`), on nanosecond counts. The spec's `batch_timeout` (plugin-sdk
/// `configtype.Duration`) and arrow-go's duration cells in CSV and JSON Lines are read with it.
public enum GoDurationText {
    /// Unit names as bytes: Go compares bytes, and Swift `String` equality would also accept
    /// canonically equivalent spellings.
    private static let units: [(name: [UInt8], nanoseconds: UInt64)] = [
        (Array("ns".utf8), 1),
        (Array("us".utf8), 1_000),
        (Array("\u{00B5}s".utf8), 1_000),  // micro sign
        (Array("\u{03BC}s".utf8), 1_000),  // Greek small letter mu
        (Array("ms".utf8), 1_000_000),
        (Array("s".utf8), 1_000_000_000),
        (Array("m".utf8), 60_000_000_000),
        (Array("h".utf8), 3_600_000_000_000),
    ]

    /// `time.ParseDuration` for a Swift string.
    public static func parse(_ text: String) throws(GoDurationParseError) -> Int64 {
        try parse(Array(text.utf8)[...])
    }

    /// `time.ParseDuration` for raw bytes (a CSV or JSON cell); nil where Go returns an error.
    public static func parseOrNil(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        try? parse(Array(bytes)[...])
    }

    /// A port of Go's `time.ParseDuration`: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, with the same
    /// overflow rules and error messages. A bare `0` (optionally signed) is allowed.
    static func parse(_ original: ArraySlice<UInt8>) throws(GoDurationParseError) -> Int64 {
        var s = original
        // Built only when thrown: readers parse every duration cell with this.
        func invalid() -> GoDurationParseError {
            GoDurationParseError(message: "time: invalid duration " + timeQuote(original))
        }
        var total: UInt64 = 0
        var negative = false

        if let first = s.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            s = s.dropFirst()
        }
        if s.elementsEqual([UInt8(ascii: "0")]) {
            return 0
        }
        if s.isEmpty {
            throw invalid()
        }
        while let first = s.first {
            // The next character must be [0-9.]
            guard first == UInt8(ascii: ".") || isDigit(first) else { throw invalid() }

            // [0-9]*
            let beforeInteger = s.count
            guard let (whole, afterInteger) = leadingInt(s) else { throw invalid() }
            var v = whole
            s = afterInteger
            let hasIntegerDigits = beforeInteger != s.count

            // (\.[0-9]*)?
            var fraction: UInt64 = 0
            var scale: Double = 1
            var hasFractionDigits = false
            if s.first == UInt8(ascii: ".") {
                s = s.dropFirst()
                let beforeFraction = s.count
                (fraction, scale, s) = leadingFraction(s)
                hasFractionDigits = beforeFraction != s.count
            }
            if !hasIntegerDigits && !hasFractionDigits {
                throw invalid()  // no digits, e.g. ".s" or "-.s"
            }

            // Unit: everything up to the next '.' or digit.
            let unitEnd = s.firstIndex { $0 == UInt8(ascii: ".") || isDigit($0) } ?? s.endIndex
            let unitBytes = s[s.startIndex..<unitEnd]
            if unitBytes.isEmpty {
                throw GoDurationParseError(message: "time: missing unit in duration " + timeQuote(original))
            }
            s = s[unitEnd...]
            guard let unit = units.first(where: { $0.name.elementsEqual(unitBytes) })?.nanoseconds else {
                throw GoDurationParseError(
                    message: "time: unknown unit " + timeQuote(unitBytes) + " in duration " + timeQuote(original))
            }
            if v > (1 << 63) / unit {
                throw invalid()  // overflow
            }
            v *= unit
            if fraction > 0 {
                // float64 keeps nanosecond accuracy for fractions of hours (Go does the same).
                let extra = Double(fraction) * (Double(unit) / scale)
                guard extra.isFinite, extra >= 0, extra < 1.8e19 else { throw invalid() }
                v = v &+ UInt64(extra)
                if v > 1 << 63 {
                    throw invalid()  // overflow
                }
            }
            // Go adds with uint64 wrap-around: each term is at most 2^63, so only 2^63 + 2^63
            // wraps (to 0, which Go then accepts). Mirror that instead of trapping.
            total = total &+ v
            if total > 1 << 63 {
                throw invalid()
            }
        }
        if negative {
            return Int64(bitPattern: 0 &- total)
        }
        if total > UInt64(Int64.max) {
            throw invalid()
        }
        return Int64(total)
    }

    private static func isDigit(_ c: UInt8) -> Bool {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
    }

    /// Consumes `[0-9]*`; nil on overflow past 2^63 (Go reports "invalid duration").
    private static func leadingInt(_ s: ArraySlice<UInt8>) -> (UInt64, ArraySlice<UInt8>)? {
        var x: UInt64 = 0
        var i = s.startIndex
        while i < s.endIndex, isDigit(s[i]) {
            if x > (1 << 63) / 10 { return nil }
            x = x * 10 + UInt64(s[i] - UInt8(ascii: "0"))
            if x > 1 << 63 { return nil }
            i += 1
        }
        return (x, s[i...])
    }

    /// Consumes `[0-9]*` after a decimal point; stops accumulating precision on overflow.
    private static func leadingFraction(_ s: ArraySlice<UInt8>) -> (UInt64, Double, ArraySlice<UInt8>) {
        var x: UInt64 = 0
        var scale: Double = 1
        var overflow = false
        var i = s.startIndex
        while i < s.endIndex, isDigit(s[i]) {
            defer { i += 1 }
            if overflow { continue }
            if x > (UInt64(Int64.max)) / 10 {
                overflow = true
                continue
            }
            let y = x * 10 + UInt64(s[i] - UInt8(ascii: "0"))
            if y > 1 << 63 {
                overflow = true
                continue
            }
            x = y
            scale *= 10
        }
        return (x, scale, s[i...])
    }

    /// Go's `time.quote`: double quotes, `"` and `\` escaped, bytes that are not printable
    /// ASCII written as `\xNN`.
    static func timeQuote(_ bytes: ArraySlice<UInt8>) -> String {
        var out = "\""
        for b in bytes {
            if b >= 0x80 || b < 0x20 {
                let hex = String(b, radix: 16)
                out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            } else {
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { out += "\\" }
                out.unicodeScalars.append(Unicode.Scalar(b))
            }
        }
        return out + "\""
    }

    /// Go's `Duration.String()`: `0s`, `1.5µs`, `100ms`, `1h2m3.5s`, `-30s`.
    public static func format(nanoseconds: Int64) -> String {
        let negative = nanoseconds < 0
        var u = nanoseconds.magnitude
        var text: String
        if u < 1_000_000_000 {
            let unit: String
            let precision: Int
            switch u {
            case 0: return "0s"
            case ..<1_000: unit = "ns"; precision = 0
            case ..<1_000_000: unit = "µs"; precision = 3
            default: unit = "ms"; precision = 6
            }
            let (whole, fraction) = splitFraction(u, digits: precision)
            text = String(whole) + fraction + unit
        } else {
            let (wholeSeconds, fraction) = splitFraction(u, digits: 9)
            u = wholeSeconds
            text = String(u % 60) + fraction + "s"
            u /= 60
            if u > 0 {
                text = String(u % 60) + "m" + text
                u /= 60
                if u > 0 {
                    text = String(u) + "h" + text
                }
            }
        }
        return negative ? "-" + text : text
    }

    /// Splits `v` into `v / 10^digits` and the fraction as ".123" without trailing zeros ("" if 0).
    private static func splitFraction(_ v: UInt64, digits: Int) -> (UInt64, String) {
        guard digits > 0 else { return (v, "") }
        var divisor: UInt64 = 1
        for _ in 0..<digits { divisor *= 10 }
        var fraction = v % divisor
        guard fraction != 0 else { return (v / divisor, "") }
        var width = digits
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        let text = String(fraction)
        return (v / divisor, "." + String(repeating: "0", count: width - text.count) + text)
    }
}

/// The error text of Go's `time.ParseDuration` (`time: invalid duration "x"`, ...).
public struct GoDurationParseError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
