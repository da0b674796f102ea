/// arrow-go's `decimal128/256.FromString(text, precision, scale)` for the text our writers
/// produce (and any plain decimal): `[+-]digits[.digits][e[+-]digits]`, scaled to `scale`
/// digits with the extra fraction rounded half away from zero (Go adds ±0.5 and truncates;
/// with a negative scale it truncates), then checked against `precision`. Go computes this
/// in a binary float of (precision+scale+1)/log10(2) bits, so it can differ from this exact
/// result only for inputs with more significant digits than that.
enum GoDecimalParsing {
    /// The unscaled value as `byteWidth` little-endian two's-complement bytes, or the reason.
    static func parse(_ s: UnsafeRawBufferPointer, precision: Int, scale: Int, byteWidth: Int,
                      into out: ByteScratch) -> String? {
        var i = 0
        var negative = false
        if s.count > 0 && (s[0] == UInt8(ascii: "+") || s[0] == UInt8(ascii: "-")) {
            negative = s[0] == UInt8(ascii: "-")
            i = 1
        }
        var digits: [UInt8] = []
        var pointExponent = 0
        var seenPoint = false
        var sawDigit = false
        while i < s.count {
            let c = s[i]
            if GoTextParsing.isDigit(c) {
                sawDigit = true
                if !(digits.isEmpty && c == 0x30) { digits.append(c - 0x30) }
                if seenPoint { pointExponent -= 1 }
            } else if c == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                break
            }
            i += 1
        }
        guard sawDigit else { return "not a decimal number" }
        var exponent = 0
        if i < s.count && (s[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            guard let e = GoTextParsing.parseInt64(UnsafeRawBufferPointer(rebasing: s[i...])),
                  e > -100_000, e < 100_000 else { return "not a decimal number" }
            exponent = Int(e)
            i = s.count
        }
        guard i == s.count else { return "not a decimal number" }
        // value = digits × 10^(pointExponent + exponent); unscaled = value × 10^scale
        let shift = pointExponent + exponent + scale
        var unscaled: [UInt8]
        if shift >= 0 {
            unscaled = digits.isEmpty ? [] : digits + [UInt8](repeating: 0, count: shift)
        } else {
            let keep = digits.count + shift
            if keep <= 0 {
                unscaled = []
                if scale >= 0 && keep == 0 && (digits.first ?? 0) >= 5 { unscaled = [1] }
            } else {
                unscaled = Array(digits[..<keep])
                if scale >= 0 && digits[keep] >= 5 { increment(&unscaled) }
            }
        }
        guard unscaled.count <= precision else {
            return "value does not fit in precision \(precision)"
        }
        // Decimal digits → little-endian 64-bit words → two's complement bytes.
        var words = [UInt64](repeating: 0, count: max(1, (byteWidth + 7) / 8))
        for digit in unscaled {
            var carry = UInt64(digit)
            for w in 0..<words.count {
                let (high, low) = words[w].multipliedFullWidth(by: 10)
                let (sum, o) = low.addingReportingOverflow(carry)
                words[w] = sum
                carry = high + (o ? 1 : 0)
            }
        }
        if negative {
            var carry: UInt64 = 1
            for w in 0..<words.count {
                let (sum, o) = (~words[w]).addingReportingOverflow(carry)
                words[w] = sum
                carry = o ? 1 : 0
            }
        }
        out.count = 0
        for k in 0..<byteWidth {
            out.append(UInt8(truncatingIfNeeded: words[k / 8] >> (UInt64(k % 8) * 8)))
        }
        return nil
    }

    private static func increment(_ digits: inout [UInt8]) {
        var k = digits.count - 1
        while k >= 0 {
            if digits[k] < 9 { digits[k] += 1; return }
            digits[k] = 0
            k -= 1
        }
        digits.insert(1, at: 0)
    }
}
