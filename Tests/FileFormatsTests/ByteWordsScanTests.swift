@testable import FileFormats
import Foundation
import GoText
import TestSupport
import Testing

/// The eight-bytes-at-a-time scans (`ByteWords`) against byte-at-a-time statements of the same
/// rules, on random text dense in the bytes they look for, at every length and alignment.
@Suite struct ByteWordsScanTests {
    /// Bytes the scans care about, plain ASCII, and pieces of valid and broken UTF-8.
    static let alphabet: [[UInt8]] = [
        [0x22], [0x5c], [0x0a], [0x0d], [0x09], [0x00], [0x1f], [0x20], [0x7f], [0x3c], [0x3e], [0x26], [0x2c], [0x3b],
        Array("a".utf8), Array("Z".utf8), Array("0".utf8), Array("é".utf8), Array("日".utf8), Array("😀".utf8),
        Array("\u{2028}".utf8), Array("\u{2029}".utf8), Array("\u{a0}".utf8), [0xc3], [0x80], [0xff], [0xe2, 0x80],
    ]

    static func randomText(_ rng: inout SplitMix64) -> [UInt8] {
        let pieces = Int(rng.next() % 24)
        var text: [UInt8] = []
        for _ in 0..<pieces {
            // Mostly plain runs, so that whole words are skipped as well as flagged.
            if rng.next() % 3 == 0 {
                text += Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))]
            } else {
                text += Array(repeating: UInt8(0x61 + rng.next() % 26), count: Int(rng.next() % 12))
            }
        }
        return text
    }

    @Test func flagsAreExactForNoneAndForTheFirstMatch() {
        var rng = SplitMix64(seed: 14)
        for _ in 0..<20_000 {
            var bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            // Plant matches often: a random byte rarely equals a given one.
            for k in 0..<8 where rng.next() % 4 == 0 { bytes[k] = [0x22, 0x00, 0x1f, 0x20, 0x80][Int(rng.next() % 5)] }
            let word = bytes.withUnsafeBytes { ByteWords.load($0, at: 0) }
            let checks: [(UInt64, (UInt8) -> Bool)] = [
                (ByteWords.equal(word, ByteWords.repeating(0x22)), { $0 == 0x22 }),
                (ByteWords.below(word, 0x20), { $0 < 0x20 }),
                (ByteWords.nonASCII(word), { $0 >= 0x80 }),
            ]
            for (flags, matches) in checks {
                let first = bytes.firstIndex(where: matches) ?? 8
                #expect(ByteWords.bytesBeforeFirst(flags) == first, "\(bytes)")
            }
        }
    }

    /// goccy/go-json's string rules, one byte at a time (see `JSONStringEscaping`).
    static func referenceJSON(_ bytes: [UInt8], html: Bool) -> [UInt8] {
        var out: [UInt8] = [0x22]
        var i = 0
        bytes.withUnsafeBytes { raw in
            while i < bytes.count {
                let byte = bytes[i]
                if byte >= 0x80 {
                    let (state, size) = GoUTF8.decode(raw, at: i)
                    switch state {
                    case .valid: out += bytes[i..<(i + size)]
                    case .lineSeparator: out += Array("\\u2028".utf8)
                    case .paragraphSeparator: out += Array("\\u2029".utf8)
                    default: out += Array("\\ufffd".utf8)
                    }
                    i += size
                    continue
                }
                switch byte {
                case 0x22: out += Array("\\\"".utf8)
                case 0x5c: out += Array("\\\\".utf8)
                case 0x0a: out += Array("\\n".utf8)
                case 0x0d: out += Array("\\r".utf8)
                case 0x09: out += Array("\\t".utf8)
                case 0x3c where html: out += Array("\\u003c".utf8)
                case 0x3e where html: out += Array("\\u003e".utf8)
                case 0x26 where html: out += Array("\\u0026".utf8)
                case ..<0x20: out += Array(String(format: "\\u%04x", Int(byte)).utf8)
                default: out.append(byte)
                }
                i += 1
            }
        }
        return out + [0x22]
    }

    @Test func jsonEscapingMatchesTheByteRules() {
        var rng = SplitMix64(seed: 0x150)
        for _ in 0..<20_000 {
            let text = Self.randomText(&rng)
            for html in [false, true] {
                var out: [UInt8] = [0x41]  // rendered after other bytes, as in a row
                text.withUnsafeBytes { JSONStringEscaping.append($0, escapeHTML: html, to: &out) }
                #expect(Array(out.dropFirst()) == Self.referenceJSON(text, html: html), "\(text) html \(html)")
            }
        }
    }

    @Test func csvQuotingDecisionMatchesTheByteRules() {
        var rng = SplitMix64(seed: 0xC5F)
        for _ in 0..<20_000 {
            let text = Self.randomText(&rng)
            for delimiter: UInt8 in [0x2c, 0x09, 0x3b] {
                let expected = text.contains { $0 == 0x0a || $0 == 0x0d || $0 == 0x22 || $0 == delimiter }
                    || text == Array("\\.".utf8)
                    || text.withUnsafeBytes { CSVQuoting.startsWithSpace($0) }
                #expect(text.withUnsafeBytes { CSVQuoting.needsQuotes($0, delimiter: delimiter) } == expected, "\(text)")
            }
        }
    }
}
