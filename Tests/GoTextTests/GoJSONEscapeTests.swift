import Testing
@testable import GoText

/// encoding/json's string escapes, shared by the document parser and the JSON Lines scanner.
@Suite struct GoJSONEscapeTests {
    @Test func simpleEscapes() {
        let pairs: [(Character, UInt8)] = [("\"", 0x22), ("\\", 0x5C), ("/", 0x2F), ("b", 0x08), ("f", 0x0C),
                                           ("n", 0x0A), ("r", 0x0D), ("t", 0x09)]
        for (escape, byte) in pairs {
            #expect(GoJSONEscape.simpleEscape(escape.asciiValue!) == byte, "\\\(escape)")
        }
        for other in "uxa'0 U".utf8 {
            #expect(GoJSONEscape.simpleEscape(other) == nil)
        }
    }

    @Test func hexDigits() {
        #expect("09afAF".utf8.map { GoJSONEscape.hexValue($0) } == [0, 9, 10, 15, 10, 15])
        #expect(GoJSONEscape.hexValue(UInt8(ascii: "g")) == nil)
        #expect(GoJSONEscape.hexValue(UInt8(ascii: "G")) == nil)
    }

    /// Go's `utf16.DecodeRune`: only a high surrogate followed by a low one is a pair.
    @Test func surrogatePairs() {
        #expect(GoJSONEscape.surrogatePair(0xD83D, 0xDE00) == 0x1F600)
        #expect(GoJSONEscape.surrogatePair(0xDBFF, 0xDFFF) == 0x10FFFF)
        #expect(GoJSONEscape.surrogatePair(0xDE00, 0xD83D) == nil)
        #expect(GoJSONEscape.surrogatePair(0xD83D, 0x0041) == nil)
        #expect(GoJSONEscape.surrogatePair(0xD800, 0xD800) == nil)
        #expect(GoJSONEscape.isSurrogate(0xD800) && GoJSONEscape.isSurrogate(0xDFFF))
        #expect(!GoJSONEscape.isSurrogate(0xE000) && !GoJSONEscape.isSurrogate(0xD7FF))
    }
}
