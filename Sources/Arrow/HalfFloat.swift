/// IEEE 754 half precision, converted by hand because Swift's `Float16` is not available on
/// every platform (macOS on Intel).
enum HalfFloat {
    /// The half-precision bits nearest to `value` (ties to even; overflow to ±infinity; NaN
    /// stays a quiet NaN). Rounds from the double directly, so there is no double rounding
    /// through `Float`.
    static func bits(of value: Double) -> UInt16 {
        let sign: UInt16 = value.sign == .minus ? 0x8000 : 0
        if value.isNaN { return sign | 0x7E00 }
        let magnitude = value.magnitude
        // 65520 is halfway between the largest half (65504) and 2^16: it and above round to ∞.
        if magnitude >= 65520 { return sign | 0x7C00 }
        if magnitude < 0x1p-14 {
            // Subnormal (or zero): a multiple of 2^-24. Scaling by a power of two is exact.
            let units = (magnitude * 0x1p24).rounded(.toNearestOrEven)
            return sign | UInt16(units)  // 1024 units is the smallest normal, encoded the same way
        }
        var exponent = Int(magnitude.exponent)
        var significand = (magnitude * Double(sign: .plus, exponent: 10 - exponent, significand: 1))
            .rounded(.toNearestOrEven)
        if significand == 2048 {
            significand = 1024
            exponent += 1
        }
        return sign | UInt16(exponent + 15) << 10 | (UInt16(significand) - 1024)
    }

    /// The value of half-precision `bits`, exactly.
    static func value(of bits: UInt16) -> Double {
        let sign: Double = bits & 0x8000 != 0 ? -1 : 1
        let exponent = Int(bits >> 10 & 0x1F)
        let fraction = Double(bits & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1024 + fraction) * Double(sign: .plus, exponent: exponent - 25, significand: 1)
        }
    }
}
