import Testing
@testable import GoText

/// Go's `utf8.DecodeRune` rules: what is one bad byte, and what each caller does with it.
@Suite struct GoUTF8Tests {
    static func decode(_ bytes: [UInt8]) -> (GoUTF8.State, Int) {
        bytes.withUnsafeBytes { GoUTF8.decode($0, at: 0) }
    }

    static func firstInvalid(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { GoUTF8.firstInvalidByte($0) }
    }

    @Test func decodesValidSequences() {
        #expect(Self.decode([0x41]) == (.valid, 1))
        #expect(Self.decode([0xC3, 0xA9]) == (.valid, 2))
        #expect(Self.decode([0xE2, 0x82, 0xAC]) == (.valid, 3))
        #expect(Self.decode([0xF0, 0x9F, 0x98, 0x80]) == (.valid, 4))
        #expect(Self.decode([0xF4, 0x8F, 0xBF, 0xBF]) == (.valid, 4))
        #expect(Self.decode([0xE2, 0x80, 0xA8]) == (.lineSeparator, 3))
        #expect(Self.decode([0xE2, 0x80, 0xA9]) == (.paragraphSeparator, 3))
    }

    /// Overlong forms, surrogates, values past U+10FFFF, stray continuation bytes and truncated
    /// sequences are each one bad byte.
    @Test(arguments: [
        [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xBF], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
        [0xC3, 0x41], [0xFF],
    ] as [[UInt8]])
    func badSequencesAreOneByte(_ bytes: [UInt8]) {
        #expect(Self.decode(bytes) == (.invalid, 1))
    }

    @Test func firstInvalidBytePosition() {
        #expect(Self.firstInvalid(Array("plain ASCII text longer than eight bytes".utf8)) == nil)
        #expect(Self.firstInvalid(Array("abcdefgh\u{e9}t\u{e9} \u{1F600}".utf8)) == nil)
        #expect(Self.firstInvalid([]) == nil)
        #expect(Self.firstInvalid(Array("abcdefghi".utf8) + [0xC3, 0xA9, 0xED, 0xA0, 0x80]) == 11)
        #expect(Self.firstInvalid([0x41, 0xE2, 0x82]) == 1)
    }

    /// Go's rules accept exactly what Unicode calls well-formed UTF-8, so Swift's own decoder
    /// must agree on which byte strings are valid.
    @Test func validityAgreesWithSwift() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE2,
                                 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        for _ in 0..<5000 {
            let length = Int.random(in: 0...12, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            let swiftValid = Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
            #expect((Self.firstInvalid(bytes) == nil) == swiftValid, "\(bytes)")
        }
    }

    /// encoding/json's string decoding: every bad byte becomes its own U+FFFD.
    @Test func replacingInvalidIsPerByte() {
        func replaced(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = []
            var i = 0
            bytes.withUnsafeBytes { raw in
                while i < raw.count { i += GoUTF8.appendReplacingInvalid(raw, at: i, to: &out) }
            }
            return out
        }
        let fffd: [UInt8] = [0xEF, 0xBF, 0xBD]
        #expect(replaced([0xC0, 0x80]) == fffd + fffd)
        #expect(replaced([0xED, 0xA0, 0x80]) == fffd + fffd + fffd)
        #expect(replaced([0xC3, 0xA9, 0xFF]) == [0xC3, 0xA9] + fffd)
    }

    @Test func appendScalarReplacesSurrogates() {
        var out: [UInt8] = []
        GoUTF8.appendScalar(0xD800, to: &out)
        GoUTF8.appendScalar(0x1F600, to: &out)
        #expect(out == [0xEF, 0xBF, 0xBD, 0xF0, 0x9F, 0x98, 0x80])
    }
}
