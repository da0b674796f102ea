/// Decimal values as arrow-go renders them (`ValueStr` and JSON alike):
/// `num.ToBigFloat(scale).Text('g', precision)` — Go's big.Float `%g` with the column's
/// precision as the number of significant digits. So trailing zeros go (`1.10` → `1.1`,
/// `100.00` → `100`), zero is `0`, and very small or large magnitudes switch to exponent form
/// (`1e-05`, `1.5e+10` when the exponent reaches the precision).
///
/// ToBigFloat divides in 128-bit binary floating point. When the value has at most `precision`
/// ≤ 38 significant digits (every valid decimal128) rounding that back to `precision` digits
/// recovers the exact decimal, which is computed directly. Otherwise (decimal256 with a
/// precision above 38, or a value with more digits than its precision) Go's 128-bit rounding
/// shows in the digits, so it is reproduced step by step (`GoBigFloat`).
enum GoDecimalFormatting {
    /// Appends the value whose unscaled two's-complement integer is `littleEndian` (4, 8, 16 or
    /// 32 bytes).
    static func append(unscaled littleEndian: UnsafeRawBufferPointer, precision: Int, scale: Int, to out: inout [UInt8]) {
        let (negative, words) = magnitudeWords(littleEndian)
        var digits = decimalDigits(words)
        guard !digits.isEmpty else {
            out.append(UInt8(ascii: "0"))
            return
        }
        if negative { out.append(UInt8(ascii: "-")) }
        // value = 0.digits × 10^exponent, trailing zeros removed (Go's `decimal` form).
        var exponent = digits.count - scale
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        var prec = precision == 0 ? 1 : precision
        if prec > 38 || digits.count > prec {
            (digits, exponent) = GoBigFloat.decimal(of: BigUnsigned(words: words), scale: scale)
            while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        }
        if prec > 0 && prec < digits.count {
            round(&digits, &exponent, to: prec)
        }
        if prec < 0 { prec = digits.count }

        // big.Float.Append, case 'g'.
        var eprec = prec
        if eprec > digits.count && digits.count >= exponent { eprec = digits.count }
        let decimalExponent = exponent - 1
        if decimalExponent < -4 || decimalExponent >= eprec {
            if prec > digits.count { prec = digits.count }
            appendExponentForm(digits, exponent: exponent, fractionDigits: prec - 1, to: &out)
            return
        }
        if prec > exponent { prec = digits.count }
        appendFixedForm(digits, exponent: exponent, fractionDigits: max(prec - exponent, 0), to: &out)
    }

    /// Go's `decimal.round`: half-way cases go to the even digit; carries may add a digit.
    private static func round(_ digits: inout [UInt8], _ exponent: inout Int, to count: Int) {
        let next = digits[count]
        let roundUp: Bool
        if next == UInt8(ascii: "5") && count + 1 == digits.count {
            roundUp = count > 0 && (digits[count - 1] - 48) & 1 == 1
        } else {
            roundUp = next >= UInt8(ascii: "5")
        }
        digits.removeSubrange(count...)
        if roundUp {
            var k = count - 1
            while k >= 0 && digits[k] == UInt8(ascii: "9") { k -= 1 }
            if k < 0 {
                digits = [UInt8(ascii: "1")]
                exponent += 1
            } else {
                digits[k] += 1
                digits.removeSubrange((k + 1)...)
            }
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
    }

    private static func appendExponentForm(_ digits: [UInt8], exponent: Int, fractionDigits: Int, to out: inout [UInt8]) {
        out.append(digits.first ?? UInt8(ascii: "0"))
        if fractionDigits > 0 {
            out.append(UInt8(ascii: "."))
            let available = min(digits.count, fractionDigits + 1)
            if available > 1 { out.append(contentsOf: digits[1..<available]) }
            if fractionDigits + 1 > available {
                out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: fractionDigits + 1 - available))
            }
        }
        out.append(UInt8(ascii: "e"))
        var e = digits.isEmpty ? 0 : exponent - 1
        if e < 0 {
            out.append(UInt8(ascii: "-"))
            e = -e
        } else {
            out.append(UInt8(ascii: "+"))
        }
        if e < 10 { out.append(UInt8(ascii: "0")) }
        out.append(contentsOf: String(e).utf8)
    }

    private static func appendFixedForm(_ digits: [UInt8], exponent: Int, fractionDigits: Int, to out: inout [UInt8]) {
        if exponent > 0 {
            let whole = min(digits.count, exponent)
            out.append(contentsOf: digits[0..<whole])
            if exponent > whole { out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: exponent - whole)) }
        } else {
            out.append(UInt8(ascii: "0"))
        }
        if fractionDigits > 0 {
            out.append(UInt8(ascii: "."))
            for k in 0..<fractionDigits {
                let j = exponent + k
                out.append(j >= 0 && j < digits.count ? digits[j] : UInt8(ascii: "0"))
            }
        }
    }

    /// Sign and magnitude (little-endian 64-bit words) of a little-endian two's-complement
    /// integer of 4, 8, 16 or 32 bytes.
    static func magnitudeWords(_ bytes: UnsafeRawBufferPointer) -> (negative: Bool, words: [UInt64]) {
        let wordCount = (bytes.count + 7) / 8
        var words = [UInt64](repeating: 0, count: wordCount)
        for k in 0..<bytes.count {
            words[k / 8] |= UInt64(bytes[k]) << UInt64((k % 8) * 8)
        }
        let negative = bytes.count > 0 && bytes[bytes.count - 1] & 0x80 != 0
        if bytes.count % 8 != 0 && negative {  // sign-extend a partial top word (decimal32)
            words[wordCount - 1] |= ~UInt64(0) << UInt64((bytes.count % 8) * 8)
        }
        if negative {  // two's-complement negation
            var carry: UInt64 = 1
            for k in 0..<wordCount {
                let (sum, overflow) = (~words[k]).addingReportingOverflow(carry)
                words[k] = sum
                carry = overflow ? 1 : 0
            }
            if bytes.count % 8 != 0 {
                words[wordCount - 1] &= ~UInt64(0) >> UInt64(64 - (bytes.count % 8) * 8)
            }
        }
        return (negative, words)
    }

    /// Decimal digits (ASCII, no leading zeros; empty for zero) of a magnitude.
    static func decimalDigits(_ magnitude: [UInt64]) -> [UInt8] {
        var words = magnitude
        // Repeated division by 10^19 yields 19-digit chunks, least significant first.
        var chunks: [UInt64] = []
        var top = words.count
        while top > 0 && words[top - 1] == 0 { top -= 1 }
        while top > 0 {
            var remainder: UInt64 = 0
            for k in stride(from: top - 1, through: 0, by: -1) {
                let (quotient, rest) = UInt64(10_000_000_000_000_000_000).dividingFullWidth((remainder, words[k]))
                words[k] = quotient
                remainder = rest
            }
            chunks.append(remainder)
            while top > 0 && words[top - 1] == 0 { top -= 1 }
        }
        var digits: [UInt8] = []
        for (index, chunk) in chunks.reversed().enumerated() {
            let text = String(chunk)
            if index > 0 { digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 19 - text.utf8.count)) }
            digits.append(contentsOf: text.utf8)
        }
        return digits
    }
}

/// Go's `decimal.ToBigFloat(scale)`: `new(big.Float).SetInt(n).SetPrec(128)` then `Quo` by
/// 10^scale (or `Mul` by 10^-scale), every step rounded to 128 bits, nearest-even.
enum GoBigFloat {
    static let precision = 128

    /// The exact decimal expansion of that 128-bit result for magnitude `n`: value =
    /// 0.digits × 10^exponent.
    static func decimal(of n: BigUnsigned, scale: Int) -> (digits: [UInt8], exponent: Int) {
        var (mantissa, power) = round(n, exponent: 0)  // SetPrec(128)
        if scale >= 0 {
            let divisor = BigUnsigned.power(10, scale)
            // Enough quotient bits for 128 plus rounding; the remainder is the sticky bit.
            let shift = max(0, precision + 2 + divisor.bitLength - mantissa.bitLength)
            let (quotient, remainder) = (mantissa << shift).quotientAndRemainder(dividingBy: divisor)
            (mantissa, power) = round(quotient, exponent: power - shift, sticky: !remainder.isZero)
        } else {
            (mantissa, power) = round(mantissa * BigUnsigned.power(10, -scale), exponent: power)
        }
        // mantissa × 2^power = (mantissa × 5^-power) × 10^power for negative powers.
        let digits: [UInt8]
        let exponent: Int
        if power >= 0 {
            digits = (mantissa << power).decimalDigits
            exponent = digits.count
        } else {
            digits = (mantissa * BigUnsigned.power(5, -power)).decimalDigits
            exponent = digits.count + power
        }
        return (digits, exponent)
    }

    /// Rounds `value × 2^exponent` to `precision` significant bits, nearest-even.
    static func round(_ value: BigUnsigned, exponent: Int, sticky: Bool = false) -> (BigUnsigned, Int) {
        let excess = value.bitLength - precision
        guard excess > 0 else { return (value, exponent) }
        var kept = value >> excess
        let half = value.bit(excess - 1)
        let below = sticky || value.hasBits(below: excess - 1)
        if half && (below || kept.bit(0)) { kept = kept + BigUnsigned(1) }
        var power = exponent + excess
        if kept.bitLength > precision {  // the carry made it 2^precision
            kept = kept >> 1
            power += 1
        }
        return (kept, power)
    }
}
