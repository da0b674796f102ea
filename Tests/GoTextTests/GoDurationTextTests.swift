import Testing
@testable import GoText

/// Go's `time.ParseDuration` and `Duration.String` (plugin-sdk `configtype` TestDuration and Go's
/// `time` tests), as `batch_timeout` and the duration cells of the readers use them.
@Suite struct GoDurationTextTests {
    static let ns: Int64 = 1
    static let us: Int64 = 1_000
    static let ms: Int64 = 1_000_000
    static let s: Int64 = 1_000_000_000
    static let m: Int64 = 60 * s
    static let h: Int64 = 60 * m

    /// plugin-sdk configtype/duration_test.go TestDuration.
    @Test func pluginSDKCases() throws {
        #expect(try GoDurationText.parse("1ns") == 1)
        #expect(try GoDurationText.parse("20s") == 20 * Self.s)
        #expect(try GoDurationText.parse("-50m30s") == -50 * Self.m - 30 * Self.s)
    }

    @Test(arguments: [
        ("0", 0), ("5s", 5 * s), ("30s", 30 * s), ("1478s", 1478 * s),
        ("-5s", -5 * s), ("+5s", 5 * s), ("-0", 0), ("+0", 0),
        ("5.0s", 5 * s), ("5.6s", 5 * s + 600 * ms), ("5.s", 5 * s), (".5s", 500 * ms),
        ("1.0s", 1 * s), ("1.00s", 1 * s), ("1.004s", 1 * s + 4 * ms), ("1.0040s", 1 * s + 4 * ms),
        ("100.00100s", 100 * s + 1 * ms),
        ("10ns", 10 * ns), ("11us", 11 * us), ("12\u{00B5}s", 12 * us), ("12\u{03BC}s", 12 * us),
        ("13ms", 13 * ms), ("14s", 14 * s), ("15m", 15 * m), ("16h", 16 * h),
        ("3h30m", 3 * h + 30 * m), ("10.5s4m", 4 * m + 10 * s + 500 * ms), ("-2m3.4s", -(2 * m + 3 * s + 400 * ms)),
        ("1h2m3s4ms5us6ns", 1 * h + 2 * m + 3 * s + 4 * ms + 5 * us + 6 * ns),
        ("39h9m14.425s", 39 * h + 9 * m + 14 * s + 425 * ms),
        ("52763797000ns", 52_763_797_000 * ns),
        ("0.3333333333333333333h", 20 * m),
        ("9007199254740993ns", (1 << 53) + 1),
        ("9223372036854775807ns", Int64.max),
        ("9223372036854775.807us", Int64.max),
        ("9223372036s854ms775us807ns", Int64.max),
        ("-9223372036854775808ns", Int64.min),
        ("-9223372036854775.808us", Int64.min),
        ("-2562047h47m16.854775808s", Int64.min),
        ("0.100000000000000000000h", 6 * m),
        ("0.830103483285477580700h", 49 * m + 48 * s + 372_539_827 * ns),
    ] as [(String, Int64)])
    func validDurations(_ text: String, _ nanoseconds: Int64) throws {
        #expect(try GoDurationText.parse(text) == nanoseconds)
    }

    @Test(arguments: [
        ("", #"time: invalid duration """#),
        ("3", #"time: missing unit in duration "3""#),
        ("-", #"time: invalid duration "-""#),
        ("s", #"time: invalid duration "s""#),
        (".", #"time: invalid duration ".""#),
        ("-.", #"time: invalid duration "-.""#),
        (".s", #"time: invalid duration ".s""#),
        ("+.s", #"time: invalid duration "+.s""#),
        ("1d", #"time: unknown unit "d" in duration "1d""#),
        ("1 s", #"time: unknown unit " s" in duration "1 s""#),
        ("\u{85}\u{85}", #"time: invalid duration "\xc2\x85\xc2\x85""#),
        ("1\"s", #"time: unknown unit "\"s" in duration "1\"s""#),
        ("9223372036854775810ns", #"time: invalid duration "9223372036854775810ns""#),
        ("9223372036854775808ns", #"time: invalid duration "9223372036854775808ns""#),
        ("-9223372036854775809ns", #"time: invalid duration "-9223372036854775809ns""#),
        ("9223372036854775.808us", #"time: invalid duration "9223372036854775.808us""#),
        ("9223372036854ms775us808ns", #"time: invalid duration "9223372036854ms775us808ns""#),
        ("9223372036854s775ms807us", #"time: invalid duration "9223372036854s775ms807us""#),
        ("3000000h", #"time: invalid duration "3000000h""#),
        ("1e3s", #"time: unknown unit "e" in duration "1e3s""#),
    ])
    func invalidDurations(_ text: String, _ message: String) {
        #expect(throws: GoDurationParseError(message: message)) { try GoDurationText.parse(text) }
    }

    @Test(arguments: [
        ("0s", 0), ("1ns", 1 * ns), ("1.1\u{00B5}s", 1100 * ns), ("2.2ms", 2200 * us), ("3.3s", 3300 * ms),
        ("4m5s", 4 * m + 5 * s), ("4m5.001s", 4 * m + 5001 * ms), ("5h6m7.001s", 5 * h + 6 * m + 7001 * ms),
        ("8m0.000000001s", 8 * m + 1 * ns), ("2562047h47m16.854775807s", Int64.max),
        ("-2562047h47m16.854775808s", Int64.min), ("30s", 30 * s), ("-1h30m0s", -90 * m),
    ] as [(String, Int64)])
    func descriptionMatchesGoString(_ text: String, _ nanoseconds: Int64) {
        #expect(GoDurationText.format(nanoseconds: nanoseconds) == text)
    }

    /// The readers' entry point: raw cell bytes, nil where Go returns an error.
    @Test func parseOrNilOnBytes() {
        func parse(_ text: String) -> Int64? { Array(text.utf8).withUnsafeBytes { GoDurationText.parseOrNil($0) } }
        #expect(parse("1h2m3.5s") == Self.h + 2 * Self.m + 3 * Self.s + 500 * Self.ms)
        #expect(parse("9223372036854775808ns") == nil)
        #expect(parse("5") == nil)
    }
}
