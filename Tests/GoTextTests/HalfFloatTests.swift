import Testing
@testable import GoText

/// arrow-go `float16.Num`: conversion from float64 (nearest, ties to even) and to float32 (exact).
@Suite struct HalfFloatTests {
    /// Every finite half reads back to itself through `toFloat` and `bits(of:)`.
    @Test func everyFiniteHalfRoundTrips() {
        for bits in UInt16.min...UInt16.max where bits & 0x7C00 != 0x7C00 {
            let value = HalfFloat.toFloat(bits)
            #expect(HalfFloat.bits(of: Double(value)) == bits, "\(bits)")
        }
    }

    @Test func knownValues() {
        #expect(HalfFloat.toFloat(0x3C00) == 1)
        #expect(HalfFloat.toFloat(0xC000) == -2)
        #expect(HalfFloat.toFloat(0x7BFF) == 65504)
        #expect(HalfFloat.toFloat(0x0001) == 0x1p-24)
        #expect(HalfFloat.toFloat(0x7C00) == .infinity)
        #expect(HalfFloat.toFloat(0x8000).sign == .minus)
        #expect(HalfFloat.toFloat(0x7E01).bitPattern == 0x7FC0_2000)  // NaN keeps its payload
    }

    @Test func roundsToNearestEven() {
        #expect(HalfFloat.bits(of: 65519.99) == 0x7BFF)
        #expect(HalfFloat.bits(of: 65520) == 0x7C00)
        #expect(HalfFloat.bits(of: -1e10) == 0xFC00)
        #expect(HalfFloat.bits(of: 1 + 0x1p-11) == 0x3C00)  // halfway: ties to even
        #expect(HalfFloat.bits(of: 1 + 0x1p-11 + 0x1p-30) == 0x3C01)
        #expect(HalfFloat.bits(of: 0x1p-25) == 0)  // halfway to the smallest subnormal: even is 0
        #expect(HalfFloat.bits(of: .nan) & 0x7E00 == 0x7E00)
    }
}
