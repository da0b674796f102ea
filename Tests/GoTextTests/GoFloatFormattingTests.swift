import Testing
@testable import GoText

/// Go's float text: goccy/go-json and encoding/json numbers, `strconv.FormatFloat(v, 'g', -1, …)`
/// and `strconv.ParseFloat`. (Random values are checked against Python in FileFormatsTests'
/// `randomFloatsAgainstPython`.)
@Suite struct GoFloatFormattingTests {
    static func text(_ build: (inout [UInt8]) -> Void) -> String {
        var out: [UInt8] = []
        build(&out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func jsonFloats() {
        let cases: [(Double, String)] = [
            (0, "0"), (1, "1"), (-2.5, "-2.5"), (1e20, "100000000000000000000"), (1e21, "1e+21"),
            (1.2345678901234568e20, "123456789012345680000"), (1e-6, "0.000001"), (9.99e-7, "9.99e-07"),
            (1e-100, "1e-100"), (2.2250738585072014e-308, "2.2250738585072014e-308"), (0.3, "0.3"),
        ]
        for (value, expected) in cases {
            #expect(Self.text { GoFloatFormatting.appendJSON(value, to: &$0) } == expected, "\(value)")
        }
        #expect(Self.text { GoFloatFormatting.appendJSON(Float(0.3), to: &$0) } == "0.3")
        #expect(Self.text { GoFloatFormatting.appendJSON(Float(1e21), to: &$0) } == "1e+21")
    }

    @Test func goGFormatForValueStr() {
        let cases: [(Double, String)] = [
            (1_000_000, "1e+06"), (123456, "123456"), (1e-5, "1e-05"), (0.0001, "0.0001"), (274.514, "274.514"),
            (0, "0"), (-0.0, "-0"), (.nan, "NaN"), (.infinity, "+Inf"), (-.infinity, "-Inf"), (123456789, "1.23456789e+08"),
        ]
        for (value, expected) in cases {
            #expect(Self.text { GoFloatFormatting.appendG(value, to: &$0) } == expected, "\(value)")
        }
        #expect(Self.text { GoFloatFormatting.appendG(Float(274.514), to: &$0) } == "274.514")
    }

    /// encoding/json trims a one-digit negative exponent (`1e-7`); goccy keeps `1e-07`.
    @Test func encodingJSONTrimsNegativeExponent() {
        let cases: [(Double, String)] = [
            (1e-7, "1e-7"), (9.99e-7, "9.99e-7"), (1e-10, "1e-10"), (1e21, "1e+21"), (1.5e300, "1.5e+300"),
            (1e-6, "0.000001"), (1e20, "100000000000000000000"), (Double("12345678901234567890")!, "12345678901234567000"),
            (0, "0"), (-0.0, "-0"), (-2.5, "-2.5"), (1000, "1000"),
        ]
        for (value, expected) in cases {
            #expect(GoFloatFormatting.encodingJSONText(value) == expected, "\(value)")
        }
    }

    @Test func parseFloat64RefusesOverflow() {
        #expect(GoFloatFormatting.parseFloat64("1e3") == 1000)
        #expect(GoFloatFormatting.parseFloat64("-0.5e+3") == -500)
        #expect(GoFloatFormatting.parseFloat64("1e400") == nil)
        #expect(GoFloatFormatting.parseFloat64("-1e400") == nil)
    }
}
