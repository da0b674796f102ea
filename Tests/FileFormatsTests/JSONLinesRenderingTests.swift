@testable import FileFormats
import Foundation
import GoText
import TestSupport
import Testing

/// The Go-compatible building blocks under `FileFormats/Values` (shared by every
/// format), tested on their own.
@Suite struct JSONLinesRenderingTests {
    static func text(_ build: (inout [UInt8]) throws -> Void) rethrows -> String {
        var out: [UInt8] = []
        try build(&out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func timesOfDayWrapLikeGo() {
        func time(_ value: Int64, _ perUnit: Int64, _ fraction: GoTimeFormatting.Fraction = .trimmed) -> String {
            Self.text { GoTimeFormatting.appendTimeOfDay(value, nanosecondsPerUnit: perUnit, fraction: fraction, to: &$0) }
        }
        #expect(time(-1, 1_000_000_000) == "23:59:59")
        #expect(time(90_000, 1_000_000_000) == "01:00:00")
        #expect(time(-1, 1) == "23:59:59.999999999")
        #expect(time(1500, 1_000_000, .fixed(3)) == "00:00:01.500")
        #expect(time(1, 1_000, .fixed(6)) == "00:00:00.000001")
        #expect(time(0, 1, .fixed(9)) == "00:00:00.000000000")
        #expect(time(59, 1_000_000_000, .fixed(0)) == "00:00:59")
    }

    @Test func yearsOutsideFourDigits() {
        func date(_ days: Int64) -> String { Self.text { GoTimeFormatting.appendDate(days: days, to: &$0) } }
        #expect(date(-719_528) == "0000-01-01")
        #expect(date(-719_529) == "-0001-12-31")
        #expect(date(3_789_755) == "12345-12-31")
        let extreme = Self.text {
            GoTimeFormatting.appendRFC3339Nano(seconds: .max / 2, nanoseconds: 5, offsetSeconds: -3600, to: &$0)
        }
        #expect(extreme.hasSuffix(".000000005-01:00"))
    }

    @Test func decimalsRoundHalfToEvenWhenDigitsExceedThePrecision() {
        func decimal(_ unscaled: Int64, precision: Int, scale: Int) -> String {
            withUnsafeBytes(of: unscaled.littleEndian) { bytes in
                Self.text { GoDecimalFormatting.append(unscaled: bytes, precision: precision, scale: scale, to: &$0) }
            }
        }
        #expect(decimal(125, precision: 2, scale: 2) == "1.2")  // exactly half: to even
        #expect(decimal(135, precision: 2, scale: 2) == "1.4")
        #expect(decimal(1251, precision: 2, scale: 3) == "1.3")
        #expect(decimal(999, precision: 2, scale: 0) == "1e+03")
        #expect(decimal(-5, precision: 0, scale: 0) == "-5")
        #expect(decimal(.min, precision: 19, scale: 0) == "-9223372036854775808")
    }

    @Test func decimal256Magnitudes() {
        var bytes = [UInt8](repeating: 0xff, count: 32)  // -1
        #expect(Self.text { out in bytes.withUnsafeBytes { GoDecimalFormatting.append(unscaled: $0, precision: 76, scale: 0, to: &out) } } == "-1")
        bytes = [UInt8](repeating: 0, count: 32)
        bytes[16] = 1  // 2^128
        #expect(Self.text { out in bytes.withUnsafeBytes { GoDecimalFormatting.append(unscaled: $0, precision: 76, scale: 0, to: &out) } }
            == "340282366920938463463374607431768211456")
        let four: [UInt8] = [0x9c, 0xff, 0xff, 0xff]  // decimal32 -100
        #expect(Self.text { out in four.withUnsafeBytes { GoDecimalFormatting.append(unscaled: $0, precision: 9, scale: 2, to: &out) } } == "-1")
    }

    @Test func rawJSONCompaction() throws {
        func compact(_ text: String, html: Bool = false) throws -> String {
            try Self.text { out in try Array(text.utf8).withUnsafeBytes { try RawJSONCompaction.append($0, escapeHTML: html, to: &out) } }
        }
        #expect(try compact(" { \"a\" : [ 1 , -2.5e3 , true , false , null ] , \"b\" : { } , \"c\":[ ] } ")
            == #"{"a":[1,-2.5e3,true,false,null],"b":{},"c":[]}"#)
        #expect(try compact(#""<\"&>\u2028""#, html: true) == #""\u003c\"\u0026\u003e\u2028""#)
        #expect(try compact("\"\u{2028}\"", html: true) == #""\u2028""#)
        #expect(try compact("\"\u{2028}<\"") == "\"\u{2028}<\"")
        #expect(try compact("1.") == "1.")  // Go's ParseFloat accepts it
        #expect(try compact("-.5") == "-.5")
        #expect(try compact("1e-400") == "1e-400")  // underflow is not an error in Go
        #expect(try compact("1\u{0}trailing") == "1")  // goccy stops at a NUL
        for bad in ["", " ", "{", "[1,]", "{\"a\"}", "{\"a\":1,}", "tru", "nul", "01x", "1e400", "+1", ".5", "1e", "--1",
                    "'a'", "\"open", "[1 2]", "{1:2}", "1 2"] {
            #expect(throws: RawJSONCompaction.InvalidJSON.self, "\(bad)") { try compact(bad) }
        }
    }

    @Test func stringEscapingOfSwiftStrings() {
        #expect(Self.text { JSONStringEscaping.append("a<b>&\u{7}", escapeHTML: true, to: &$0) } == #""a\u003cb\u003e\u0026\u0007""#)
        #expect(Self.text { JSONStringEscaping.append("a<b>&", escapeHTML: false, to: &$0) } == #""a<b>&""#)
        #expect(Self.text { JSONStringEscaping.append("\u{10FFFF}\u{E000}", escapeHTML: false, to: &$0) } == "\"\u{10FFFF}\u{E000}\"")
    }

    @Test func binaryTexts() {
        func base64(_ bytes: [UInt8]) -> String { Self.text { out in bytes.withUnsafeBytes { BinaryTextFormatting.appendBase64($0, to: &out) } } }
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(base64(bytes) == Data(bytes).base64EncodedString())
        }
        func uuid(_ bytes: [UInt8]) -> String { Self.text { out in bytes.withUnsafeBytes { BinaryTextFormatting.appendUUID($0, to: &out) } } }
        let id: [UInt8] = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]
        #expect(uuid(id) == "00112233-4455-6677-8899-aabbccddeeff")
        #expect(uuid(id) == UUID(uuid: (0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff))
            .uuidString.lowercased())
        // Other lengths (no uuid has them, but nothing may break): dashes where bytes 4, 6, 8, 10 start.
        #expect(uuid([]) == "")
        #expect(uuid(Array(id.prefix(4))) == "00112233")
        #expect(uuid(Array(id.prefix(5))) == "00112233-44")
        #expect(uuid(Array(id.prefix(11))) == "00112233-4455-6677-8899-aa")
    }

    /// Random float64/float32 values, rendered here and checked by Python: the text parses back
    /// to the same float, has the shortest digits (Python's repr / numpy's unique formatting,
    /// both shortest-round-trip), and uses exponent form exactly where Go does.
    @Test(.requires(.python)) func randomFloatsAgainstPython() throws {
        var generator = SystemRandomNumberGenerator()
        var lines: [String] = []
        for _ in 0..<3000 {
            var value = Double(bitPattern: generator.next())
            if !value.isFinite { value = Double(Int64.random(in: -1_000_000...1_000_000, using: &generator)) / 1024 }
            let json = Self.text { GoFloatFormatting.appendJSON(value, to: &$0) }
            let g = Self.text { GoFloatFormatting.appendG(value, to: &$0) }
            lines.append("d \(value.bitPattern) \(json) \(g)")
            var single = Float(bitPattern: UInt32.random(in: 0...UInt32.max, using: &generator))
            if !single.isFinite { single = Float(Int32.random(in: -100_000...100_000, using: &generator)) / 64 }
            let json32 = Self.text { GoFloatFormatting.appendJSON(single, to: &$0) }
            let g32 = Self.text { GoFloatFormatting.appendG(single, to: &$0) }
            lines.append("f \(single.bitPattern) \(json32) \(g32)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("floats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try lines.joined(separator: "\n").write(to: directory.appendingPathComponent("floats.txt"), atomically: true, encoding: .utf8)
        let (_, output) = try JSONLinesTestEnvironment.runPython(Self.floatScript, in: directory)
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "6000")
    }

    static let floatScript = #"""
    import re, struct
    import numpy as np

    def digits(text):
        # Significant digits and decimal exponent of a decimal text.
        m = re.fullmatch(r"-?(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?", text)
        whole, frac, exp = m.group(1), m.group(2) or "", int(m.group(3) or 0)
        all_digits = (whole + frac).lstrip("0")
        point = len(whole) + exp - (len(whole + frac) - len((whole + frac).lstrip("0")))
        return all_digits.rstrip("0") or "0", point if all_digits else 0

    count = 0
    for line in open("floats.txt"):
        kind, bits, json_text, g_text = line.split()
        if kind == "d":
            value = struct.unpack("<d", struct.pack("<Q", int(bits)))[0]
            shortest = repr(value)
            parse = float
        else:
            value = np.frombuffer(struct.pack("<I", int(bits)), dtype=np.float32)[0]
            shortest = np.format_float_scientific(value, unique=True)
            parse = np.float32
        for text, exponent_form in ((json_text, value != 0 and (abs(value) < 1e-6 or abs(value) >= 1e21)), (g_text, None)):
            assert parse(text) == value, (kind, bits, text)
            assert digits(text)[0] == digits(shortest)[0], (kind, bits, text, shortest)
            has_exponent = "e" in text
            if exponent_form is None:  # %g: exponent when the decimal exponent is < -4 or >= 6
                d, point = digits(text)
                exponent_form = value != 0 and (point - 1 < -4 or point - 1 >= 6)
            assert has_exponent == exponent_form, (kind, bits, text)
            if has_exponent:
                assert re.search(r"e[+-]\d\d+$", text), (kind, bits, text)
        count += 1
    print(count)
    """#

    /// Decimals where Go's 128-bit binary step shows (precision above 38, or more digits than
    /// the precision): compared with an exact-fraction model of big.Float written in Python.
    @Test(.requires(.python)) func wideDecimalsMatchGoBigFloat() throws {
        let (_, output) = try JSONLinesTestEnvironment.runPython(Self.decimalScript)
        let lines = output.split(separator: "\n")
        #expect(lines.count > 300)
        for line in lines {
            let parts = line.split(separator: " ").map(String.init)
            let hex = Array(parts[0].utf8)
            let bytes = stride(from: 0, to: hex.count, by: 2).map { UInt8(String(decoding: hex[$0..<($0 + 2)], as: UTF8.self), radix: 16)! }
            let ours = Self.text { out in
                bytes.withUnsafeBytes { GoDecimalFormatting.append(unscaled: $0, precision: Int(parts[1])!, scale: Int(parts[2])!, to: &out) }
            }
            #expect(ours == parts[3], "unscaled \(parts[0]) precision \(parts[1]) scale \(parts[2])")
        }
    }

    static let decimalScript = #"""
    # Prints "<32-byte little-endian hex> <precision> <scale> <text>" lines: the text Go's
    # decimal.ToBigFloat(scale).Text('g', precision) gives, computed with exact fractions.
    import random
    from decimal import Decimal, Context, ROUND_HALF_EVEN
    from fractions import Fraction

    def round_binary(x, bits=128):
        # Nearest value with `bits` significant bits (ties to even), via Fraction arithmetic.
        if x == 0: return x
        e = x.numerator.bit_length() - x.denominator.bit_length()
        while Fraction(2) ** e > x: e -= 1
        while Fraction(2) ** (e + 1) <= x: e += 1
        unit = Fraction(2) ** (e - bits + 1)
        return round(x / unit) * unit  # round() on a Fraction is half-to-even

    def go_text(n, precision, scale):
        if n == 0: return "0"
        x = round_binary(Fraction(abs(n)))  # SetPrec(128)
        x = round_binary(x / Fraction(10) ** scale if scale >= 0 else x * 10 ** (-scale))  # Quo / Mul
        exact = Context(prec=5000).divide(Decimal(x.numerator), Decimal(x.denominator))  # exact: a power-of-two denominator
        prec = precision or 1
        d = Context(prec=prec, rounding=ROUND_HALF_EVEN).plus(exact)
        sign, dig, e = d.as_tuple()
        digits = "".join(map(str, dig)).rstrip("0")
        point = len(dig) + e  # value = 0.digits x 10^point
        eprec = prec
        if eprec > len(digits) and len(digits) >= point: eprec = len(digits)
        if point - 1 < -4 or point - 1 >= eprec:
            p = min(prec, len(digits))
            text = digits[0] + ("." + digits[1:p] if p > 1 else "")
            ex = point - 1
            text += "e" + ("-" if ex < 0 else "+") + ("%02d" % abs(ex))
        else:
            p = len(digits) if prec > point else prec
            frac = max(p - point, 0)
            whole = digits[:point] + "0" * (point - len(digits)) if point > 0 else "0"
            text = whole + ("." + "".join(digits[point + k] if 0 <= point + k < len(digits) else "0" for k in range(frac)) if frac else "")
        return ("-" if n < 0 else "") + text

    random.seed(7)
    cases = [(101, 76, 2), (1, 76, 1), (123456789123456789, 76, 9), (-55, 76, 16), (15, 76, 1), (10**75 - 1, 76, 20),
             (2**200 + 1, 70, 0), (-(2**200 + 12345), 70, 5), (123456789012, 10, 2), (135, 2, 2), (125, 2, 2),
             (7, 40, -5), (10**38 + 1, 39, 3), (1, 39, 39)]
    for _ in range(300):
        p = random.randint(1, 76)
        n = random.randint(-(10 ** p) + 1, 10 ** p - 1) if random.random() < 0.8 else random.randint(-(2**254), 2**254)
        cases.append((n, p, random.randint(-10, p)))
    for n, p, s in cases:
        print((n % 2**256).to_bytes(32, "little").hex(), p, s, go_text(n, p, s))
    """#
}
