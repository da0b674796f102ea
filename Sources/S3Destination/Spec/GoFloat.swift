/// Go's float64 round trip for `format_spec` numbers. The Go plugin decodes `format_spec` into
/// `any` (numbers become float64), marshals it back to JSON and decodes that strictly, so
/// `max_row_group_length: 1e3` is accepted as 1000 while `12345678901234567890` comes back as
/// `12345678901234567000` and is refused as out of int64 range. This reproduces both steps.
enum GoFloat {
    /// `strconv.ParseFloat(s, 64)` for a JSON number literal; nil when it overflows (Go: ErrRange).
    static func parse(_ literal: String) -> Double? {
        guard let value = Double(literal), value.isFinite else { return nil }
        return value
    }

    /// The text `json.Marshal` writes for a float64: shortest round-trip digits, plain decimal
    /// notation for 1e-6 <= |x| < 1e21, else exponent form like `1e+21` or `1e-7`.
    static func jsonText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }  // unreachable: parse refuses overflow
        let negative = value.sign == .minus
        let (digits, pointPosition) = shortestDigits(value.magnitude)
        let sign = negative ? "-" : ""
        if digits.isEmpty {
            return sign + "0"
        }
        let magnitude = value.magnitude
        if magnitude < 1e-6 || magnitude >= 1e21 {
            // %e with the shortest digits: d[.ddd]e±XX, then Go trims "e-07" to "e-7".
            var text = String(digits.prefix(1))
            if digits.count > 1 {
                text += "." + String(digits.dropFirst())
            }
            let exponent = pointPosition - 1
            let exponentDigits = String(abs(exponent))
            text += (exponent < 0 ? "e-" : "e+") + (exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits)
            if exponent < 0, exponent > -10 {
                text = String(text.dropLast(2)) + exponentDigits
            }
            return sign + text
        }
        // %f with the shortest digits.
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
        }
        if digits.count <= pointPosition {
            return sign + digits + String(repeating: "0", count: pointPosition - digits.count)
        }
        let split = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// Shortest round-trip decimal digits of a non-negative finite double (no leading or
    /// trailing zeros) and the decimal point position: value = 0.DIGITS × 10^pointPosition.
    /// Swift's `description` already prints the shortest round-trip digits, like Go's
    /// `strconv.FormatFloat(x, 'g', -1, 64)`; only the layout differs.
    private static func shortestDigits(_ value: Double) -> (String, Int) {
        if value == 0 { return ("", 0) }
        let text = value.description  // e.g. "1234.5", "1e-07", "1.2345678901234567e+19"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits = ""
        var pointPosition = 0
        var seenPoint = false
        for ch in mantissa {
            if ch == "." {
                seenPoint = true
            } else if ch.isASCII, ch.isNumber {
                digits.append(ch)
                if !seenPoint { pointPosition += 1 }
            }
        }
        // Strip leading zeros (e.g. "0.001") and trailing zeros (e.g. "100.0").
        while digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == "0" {
            digits.removeLast()
        }
        return (digits, pointPosition + exponent)
    }
}
