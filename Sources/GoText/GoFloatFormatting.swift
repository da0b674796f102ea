/// Float text of Go's `strconv` as used by the Go plugin's encoders and its spec decoding.
///
/// goccy/go-json and encoding/json (JSON numbers) and `strconv.FormatFloat(v, 'g', -1, bits)`
/// (arrow-go's `ValueStr`, i.e. CSV cells) all start from the *shortest* decimal digits that read
/// back as the same float32/float64. Swift's `description` produces exactly those digits, so this
/// type takes them from there and lays them out in Go's formats.
public enum GoFloatFormatting {
    /// Shortest round-trip digits: value = 0.d₁d₂…dₙ × 10^`point`; no digits for zero.
    /// Digits live inline (at most 17 significant ones for a double) so no allocation is needed.
    struct Decimal {
        var negative = false
        var count = 0
        var point = 0
        private var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        subscript(_ k: Int) -> UInt8 {
            withUnsafeBytes(of: storage) { $0[k] }
        }

        mutating func append(_ digit: UInt8) {
            guard count < 32 else { return }
            withUnsafeMutableBytes(of: &storage) { $0[count] = digit }
            count += 1
        }

        func append(_ range: Range<Int>, to out: inout [UInt8]) {
            withUnsafeBytes(of: storage) { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[range])) }
        }
    }

    /// Reads Swift's shortest-digits `description` ("1.0", "0.001", "1e-07", "1.5e+300", "-0.0").
    static func decimal(_ description: String) -> Decimal {
        var result = Decimal()
        var exponent = 0
        var inFraction = false
        var inExponent = false
        var exponentNegative = false
        for byte in description.utf8 {
            switch byte {
            case UInt8(ascii: "-"):
                if inExponent { exponentNegative = true } else { result.negative = true }
            case UInt8(ascii: "."):
                inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    exponent = exponent * 10 + Int(byte - 48)
                } else if result.count == 0 && byte == UInt8(ascii: "0") {
                    if inFraction { result.point -= 1 }  // leading zero after the point
                } else {
                    result.append(byte)
                    if !inFraction { result.point += 1 }
                }
            default:
                break
            }
        }
        while result.count > 0 && result[result.count - 1] == UInt8(ascii: "0") { result.count -= 1 }
        result.point = result.count == 0 ? 0 : result.point + (exponentNegative ? -exponent : exponent)
        return result
    }

    /// `%f` with the shortest digits: no exponent, as many fraction digits as needed.
    static func appendFixed(_ d: Decimal, to out: inout [UInt8]) {
        if d.negative { out.append(UInt8(ascii: "-")) }
        if d.point > 0 {
            let whole = min(d.count, d.point)
            d.append(0..<whole, to: &out)
            if d.point > whole { out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: d.point - whole)) }
        } else {
            out.append(UInt8(ascii: "0"))
        }
        let fraction = max(d.count - d.point, 0)
        if fraction > 0 {
            out.append(UInt8(ascii: "."))
            for k in 0..<fraction {
                let j = d.point + k
                out.append(j >= 0 && j < d.count ? d[j] : UInt8(ascii: "0"))
            }
        }
    }

    /// `%e` with the shortest digits: `d.ddde±XX` (at least two exponent digits, unless
    /// `trimmed`: encoding/json cuts `e-07` to `e-7`).
    static func appendExponent(_ d: Decimal, trimmed: Bool = false, to out: inout [UInt8]) {
        if d.negative { out.append(UInt8(ascii: "-")) }
        out.append(d.count > 0 ? d[0] : UInt8(ascii: "0"))
        if d.count > 1 {
            out.append(UInt8(ascii: "."))
            d.append(1..<d.count, to: &out)
        }
        out.append(UInt8(ascii: "e"))
        var exponent = d.count == 0 ? 0 : d.point - 1
        if exponent < 0 {
            out.append(UInt8(ascii: "-"))
            exponent = -exponent
        } else {
            out.append(UInt8(ascii: "+"))
        }
        if exponent < 10 {
            if !trimmed { out.append(UInt8(ascii: "0")) }
            out.append(UInt8(48 + exponent))
        } else if exponent < 100 {
            out.append(UInt8(48 + exponent / 10))
            out.append(UInt8(48 + exponent % 10))
        } else {
            out.append(UInt8(48 + exponent / 100))
            out.append(UInt8(48 + exponent / 10 % 10))
            out.append(UInt8(48 + exponent % 10))
        }
    }

    /// goccy/go-json's float64 number: `%f`, or `%e` when |v| < 1e-6 or |v| >= 1e21 (Go's
    /// encoding/json cutoffs; unlike encoding/json, goccy keeps the two-digit exponent `1e-07`).
    /// The value must be finite.
    public static func appendJSON(_ value: Double, to out: inout [UInt8]) {
        appendGoccy(value, to: &out)
    }

    /// goccy/go-json's float32 number: float32 digits, cutoffs compared in float32.
    public static func appendJSON(_ value: Float, to out: inout [UInt8]) {
        appendGoccy(value, to: &out)
    }

    private static func appendGoccy<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F, to out: inout [UInt8]) {
        let magnitude = value.magnitude
        let d = decimal(value.description)
        if magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21) {
            appendExponent(d, to: &out)
        } else {
            appendFixed(d, to: &out)
        }
    }

    /// encoding/json's float64 text (`floatEncoder.encode` in Go's `encoding/json/encode.go`), as
    /// the Go plugin re-marshals `format_spec` numbers: like goccy's, but a negative one-digit
    /// exponent loses its leading zero (`1e-7`, while `1e+21` keeps two digits).
    /// The value must be finite.
    public static func encodingJSONText(_ value: Double) -> String {
        let magnitude = value.magnitude
        let d = decimal(value.description)
        var out: [UInt8] = []
        if magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21) {
            appendExponent(d, trimmed: d.point - 1 < 0, to: &out)
        } else {
            appendFixed(d, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `strconv.ParseFloat(s, 64)` of a JSON number literal (its grammar already checked); nil
    /// when it overflows, where Go returns `ErrRange`.
    public static func parseFloat64(_ literal: String) -> Double? {
        guard let value = Double(literal), value.isFinite else { return nil }
        return value
    }

    /// `strconv.FormatFloat(v, 'g', -1, 64)` (arrow-go `ValueStr`, CSV cells): `NaN`, `+Inf`,
    /// `-Inf`, else the shortest digits as `%e` when the decimal exponent is below -4 or at
    /// least 6 (`1e+06`, `1e-05`), as `%f` otherwise.
    public static func appendG(_ value: Double, to out: inout [UInt8]) {
        if appendNonFinite(value.isNaN, value.isInfinite, value.sign, to: &out) { return }
        appendShortestG(decimal(value.description), to: &out)
    }

    /// `strconv.FormatFloat(float64(v), 'g', -1, 32)`.
    public static func appendG(_ value: Float, to out: inout [UInt8]) {
        if appendNonFinite(value.isNaN, value.isInfinite, value.sign, to: &out) { return }
        appendShortestG(decimal(value.description), to: &out)
    }

    private static func appendNonFinite(_ isNaN: Bool, _ isInfinite: Bool, _ sign: FloatingPointSign,
                                        to out: inout [UInt8]) -> Bool {
        if isNaN {
            out.append(contentsOf: "NaN".utf8)
            return true
        }
        if isInfinite {
            out.append(contentsOf: (sign == .minus ? "-Inf" : "+Inf").utf8)
            return true
        }
        return false
    }

    /// strconv's `%g` for shortest digits decides with a fixed precision of 6.
    static func appendShortestG(_ d: Decimal, to out: inout [UInt8]) {
        let exponent = d.point - 1
        if d.count > 0 && (exponent < -4 || exponent >= 6) {
            appendExponent(d, to: &out)
        } else {
            appendFixed(d, to: &out)
        }
    }
}
