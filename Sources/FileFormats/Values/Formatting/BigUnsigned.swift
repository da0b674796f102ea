/// A minimal arbitrary-precision unsigned integer (little-endian 32-bit limbs), just enough to
/// reproduce Go's `big.Float` rounding for wide decimals. Not for hot paths.
struct BigUnsigned: Comparable {
    private(set) var limbs: [UInt32]  // no trailing zero limbs; empty for zero

    init(_ value: UInt64 = 0) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        normalize()
    }

    init(words: [UInt64]) {
        limbs = words.flatMap { [UInt32(truncatingIfNeeded: $0), UInt32(truncatingIfNeeded: $0 >> 32)] }
        normalize()
    }

    private mutating func normalize() {
        while limbs.last == 0 { limbs.removeLast() }
    }

    var isZero: Bool { limbs.isEmpty }

    var bitLength: Int {
        guard let top = limbs.last else { return 0 }
        return (limbs.count - 1) * 32 + (32 - top.leadingZeroBitCount)
    }

    func bit(_ index: Int) -> Bool {
        let limb = index / 32
        return limb < limbs.count && limbs[limb] >> UInt32(index % 32) & 1 == 1
    }

    /// Whether any of the lowest `count` bits is set.
    func hasBits(below count: Int) -> Bool {
        for index in 0..<min(count, bitLength) where bit(index) { return true }
        return false
    }

    static func << (value: BigUnsigned, shift: Int) -> BigUnsigned {
        guard shift > 0, !value.isZero else { return value }
        var result = BigUnsigned()
        result.limbs = [UInt32](repeating: 0, count: shift / 32) + value.limbs + [0]
        let bits = UInt32(shift % 32)
        if bits > 0 {
            var carry: UInt32 = 0
            for k in (shift / 32)..<result.limbs.count {
                let limb = result.limbs[k]
                result.limbs[k] = limb << bits | carry
                carry = limb >> (32 - bits)
            }
        }
        result.normalize()
        return result
    }

    static func >> (value: BigUnsigned, shift: Int) -> BigUnsigned {
        guard shift > 0 else { return value }
        let drop = shift / 32
        guard drop < value.limbs.count else { return BigUnsigned() }
        var result = BigUnsigned()
        result.limbs = Array(value.limbs[drop...])
        let bits = UInt32(shift % 32)
        if bits > 0 {
            for k in 0..<result.limbs.count {
                let high = k + 1 < result.limbs.count ? result.limbs[k + 1] << (32 - bits) : 0
                result.limbs[k] = result.limbs[k] >> bits | high
            }
        }
        result.normalize()
        return result
    }

    static func + (a: BigUnsigned, b: BigUnsigned) -> BigUnsigned {
        var result = BigUnsigned()
        var carry: UInt64 = 0
        for k in 0..<max(a.limbs.count, b.limbs.count) {
            let sum = UInt64(k < a.limbs.count ? a.limbs[k] : 0) + UInt64(k < b.limbs.count ? b.limbs[k] : 0) + carry
            result.limbs.append(UInt32(truncatingIfNeeded: sum))
            carry = sum >> 32
        }
        if carry > 0 { result.limbs.append(UInt32(carry)) }
        result.normalize()
        return result
    }

    /// `a - b` for `a >= b`.
    static func - (a: BigUnsigned, b: BigUnsigned) -> BigUnsigned {
        var result = a
        var borrow: Int64 = 0
        for k in 0..<result.limbs.count {
            var difference = Int64(result.limbs[k]) - Int64(k < b.limbs.count ? b.limbs[k] : 0) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 1 << 32 }
            result.limbs[k] = UInt32(difference)
        }
        result.normalize()
        return result
    }

    static func * (a: BigUnsigned, b: BigUnsigned) -> BigUnsigned {
        guard !a.isZero, !b.isZero else { return BigUnsigned() }
        var product = [UInt32](repeating: 0, count: a.limbs.count + b.limbs.count)
        for i in 0..<a.limbs.count {
            var carry: UInt64 = 0
            for j in 0..<b.limbs.count {
                let current = UInt64(product[i + j]) + UInt64(a.limbs[i]) * UInt64(b.limbs[j]) + carry
                product[i + j] = UInt32(truncatingIfNeeded: current)
                carry = current >> 32
            }
            product[i + b.limbs.count] = UInt32(carry)
        }
        var result = BigUnsigned()
        result.limbs = product
        result.normalize()
        return result
    }

    static func power(_ base: UInt64, _ exponent: Int) -> BigUnsigned {
        var result = BigUnsigned(1)
        let factor = BigUnsigned(base)
        for _ in 0..<max(exponent, 0) { result = result * factor }
        return result
    }

    /// Quotient and remainder (binary long division; fine for a few hundred bits).
    func quotientAndRemainder(dividingBy divisor: BigUnsigned) -> (quotient: BigUnsigned, remainder: BigUnsigned) {
        precondition(!divisor.isZero, "division by zero")
        var quotient = BigUnsigned()
        var remainder = BigUnsigned()
        quotient.limbs = [UInt32](repeating: 0, count: limbs.count)
        for index in stride(from: bitLength - 1, through: 0, by: -1) {
            remainder = remainder << 1
            if bit(index) { remainder = remainder + BigUnsigned(1) }
            if remainder >= divisor {
                remainder = remainder - divisor
                quotient.limbs[index / 32] |= 1 << UInt32(index % 32)
            }
        }
        quotient.normalize()
        return (quotient, remainder)
    }

    /// Decimal digits (ASCII); "0" for zero.
    var decimalDigits: [UInt8] {
        guard !isZero else { return [UInt8(ascii: "0")] }
        var chunks: [UInt32] = []
        var rest = limbs
        while !rest.isEmpty {
            var remainder: UInt64 = 0
            for k in stride(from: rest.count - 1, through: 0, by: -1) {
                let current = remainder << 32 | UInt64(rest[k])
                rest[k] = UInt32(current / 1_000_000_000)
                remainder = current % 1_000_000_000
            }
            while rest.last == 0 { rest.removeLast() }
            chunks.append(UInt32(remainder))
        }
        var digits: [UInt8] = Array(String(chunks.removeLast()).utf8)
        for chunk in chunks.reversed() {
            let text = Array(String(chunk).utf8)
            digits += [UInt8](repeating: UInt8(ascii: "0"), count: 9 - text.count) + text
        }
        return digits
    }

    static func < (a: BigUnsigned, b: BigUnsigned) -> Bool {
        if a.limbs.count != b.limbs.count { return a.limbs.count < b.limbs.count }
        for k in stride(from: a.limbs.count - 1, through: 0, by: -1) where a.limbs[k] != b.limbs[k] {
            return a.limbs[k] < b.limbs[k]
        }
        return false
    }
}
