/// IEEE 754 half precision as arrow-go's `float16.Num` converts it, by hand because Swift's
/// `Float16` is not available on every platform (macOS on Intel).
public enum HalfFloat {
    /// The half-precision bits nearest to `value` (ties to even; overflow to ±infinity; NaN
    /// stays a quiet NaN). Rounds from the double directly, so there is no double rounding
    /// through `Float`.
    public static func bits(of value: Double) -> UInt16 {
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

    /// The value of half-precision `bits`, exactly (arrow-go `float16.Num.Float32`: a NaN keeps
    /// its payload).
    public static func toFloat(_ bits: UInt16) -> Float {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = Int(bits >> 10 & 0x1f)
        let mantissa = UInt32(bits & 0x3ff)
        switch exponent {
        case 0:
            // zero or subnormal: mantissa × 2^-24
            let magnitude = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
            return sign != 0 ? -magnitude : magnitude
        case 0x1f:
            return Float(bitPattern: sign | 0x7f80_0000 | mantissa << 13)
        default:
            return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | mantissa << 13)
        }
    }
}
