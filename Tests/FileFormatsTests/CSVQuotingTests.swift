@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// Go `encoding/csv` quoting (checked against Go's writer while writing these cases): quote
/// when the field contains the delimiter, `"`, `\r`, `\n`, equals `\.`, or starts with a
/// Unicode space; `""` inside quotes; empty never quoted; `\r` and `\n` copied as they are.
@Suite struct CSVQuotingTests {
    /// The `texts` input, in order, with the cell Go writes for delimiter `,`.
    static let commaCells: [String] = [
        "plain", "\"a,b\"", "\"say \"\"hi\"\"\"", "\"line\nbreak\"", "\"cr\rhere\"", "\"crlf\r\n\"", "\" leading\"",
        "\"\tleading tab\"", "\"\u{a0}nbsp\"", "\"\u{2003}em\"", "\"\u{3000}ideographic\"", "\"\u{85}nel\"",
        "\"\u{2028}ls\"", "\"\u{1680}ogham\"", "\"\u{205f}mmsp\"", "trailing ", "\"\\.\"", "\\.x", "", "",
        "héllo 日本", "\"\"\"\"", "x\u{0b}", "\"\u{0b}vt\"", "\u{200b}zwsp", "#hash", "\u{1c}fs", "tab\there", "a;b",
    ]

    /// Encodes `texts` (two columns holding the same strings, utf8 and large_utf8) and splits
    /// the output into rows by the known number of rows: quoted fields may hold line breaks.
    static func rows(delimiter: Character) throws -> String {
        try CSVEncoding.encode(CSVInputs.stream("texts"), delimiter: delimiter, header: false).text
    }

    @Test(.requires(.python)) func commaDelimiter() throws {
        let expected = Self.commaCells.map { "\($0),\($0)\n" }.joined()
        #expect(try Self.rows(delimiter: ",") == expected)
    }

    @Test(.requires(.python)) func tabDelimiterQuotesTabsNotCommas() throws {
        let cells = Self.commaCells.map { cell -> String in
            switch cell {
            case "\"a,b\"": return "a,b"
            case "tab\there": return "\"tab\there\""
            default: return cell
            }
        }
        #expect(try Self.rows(delimiter: "\t") == cells.map { "\($0)\t\($0)\n" }.joined())
    }

    @Test(.requires(.python)) func semicolonDelimiter() throws {
        let cells = Self.commaCells.map { cell -> String in
            switch cell {
            case "\"a,b\"": return "a,b"
            case "a;b": return "\"a;b\""
            default: return cell
            }
        }
        #expect(try Self.rows(delimiter: ";") == cells.map { "\($0);\($0)\n" }.joined())
    }

    @Test(.requires(.python)) func invalidUTF8NeverCountsAsLeadingSpace() throws {
        // Go decodes the first rune; a lone or truncated sequence is U+FFFD, not a space.
        let bytes = try CSVEncoding.encode(CSVInputs.stream("invalid_utf8"), header: false).bytes
        #expect(bytes == [0xa0, 0x78, 0x0a, 0xc2, 0x0a, 0xe2, 0x80, 0x0a, 0x22, 0xc2, 0xa0, 0x22, 0x0a])
    }

    @Test(.requires(.python)) func headerNamesAreQuotedLikeCells() throws {
        #expect(try CSVEncoding.lines(CSVInputs.stream("odd_names")) == ["\"a,b\",\" lead\",\"q\"\"uote\",plain", "1,2,3,4"])
        #expect(try CSVEncoding.lines(CSVInputs.stream("odd_names"), delimiter: "\t")
            == ["a,b\t\" lead\"\t\"q\"\"uote\"\tplain", "1\t2\t3\t4"])
    }

    @Test(arguments: [
        ("", false), ("x", false), ("\\.", true), ("\\.\\.", false), ("a\"", true), ("\r", true), ("\n", true),
        ("a b", false), (" ", true), ("\u{3000}", true), ("\u{2000}x", true), ("\u{200a}x", true), ("\u{200b}x", false),
        ("\u{2029}", true), ("\u{202f}x", true), ("\u{2030}x", false), ("\u{180e}x", false), ("\u{feff}x", false),
        ("x,", true), ("\u{0c}", true), ("\u{1f}", false),
    ])
    func needsQuotes(field: String, expected: Bool) {
        let result = Array(field.utf8).withUnsafeBytes { CSVQuoting.needsQuotes($0, delimiter: UInt8(ascii: ",")) }
        #expect(result == expected, "\(field.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func quotedFieldDoublesEveryQuote() {
        var out: [UInt8] = []
        Array("\"\"a\"b\"".utf8).withUnsafeBytes { CSVQuoting.appendQuoted($0, to: &out) }
        #expect(String(decoding: out, as: UTF8.self) == "\"\"\"\"\"a\"\"b\"\"\"")
    }

    @Test func invalidDelimitersAreRejected() {
        for byte: UInt8 in [0, 0x22, 0x0d, 0x0a, 0x80, 0xff] {
            #expect(throws: CSVEncoderError.invalidDelimiter(byte)) { try CSVEncoder(delimiter: byte, header: true) }
        }
        let message = CSVEncoderError.invalidDelimiter(0x22).description
        #expect(message.contains("'\"'") && message.contains("ASCII"))
        #expect((try? CSVEncoder(delimiter: UInt8(ascii: "|"), header: false)) != nil)
    }
}
