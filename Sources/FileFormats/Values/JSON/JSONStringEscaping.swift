import GoText

/// JSON string encoding exactly as goccy/go-json writes it (the encoder cloudquery/filetypes
/// uses), with its default UTF-8 normalisation:
/// - `"` and `\` are backslash-escaped; `\n`, `\r`, `\t` use their short escapes; other bytes
///   below 0x20 become `\u00XX` (lowercase hex). DEL (0x7f) is left alone.
/// - With HTML escaping (goccy's default, used inside list values) `<`, `>`, `&` become
///   `\u003c`, `\u003e`, `\u0026`; the JSON Lines writer itself turns it off.
/// - U+2028 and U+2029 are always written as `\u2028` / `\u2029`.
/// - Each byte that does not start a valid UTF-8 sequence (Go's rules, `GoUTF8.decode`) becomes
///   the six characters `\ufffd`.
public enum JSONStringEscaping {
    /// What a byte needs: 0 = copy, 1 = escape, 2 = start of a multi-byte sequence to check.
    /// (Computed inline rather than from a table: a static table costs a lazy-init check on
    /// every string.)
    @inline(__always)
    static func byteClass(_ byte: UInt8, html: Bool) -> UInt8 {
        if byte >= 0x80 { return 2 }
        if byte < 0x20 || byte == 0x22 || byte == 0x5c { return 1 }
        if html && (byte == 0x3c || byte == 0x3e || byte == 0x26) { return 1 }
        return 0
    }

    /// Lowercase hex digit of a nibble.
    @inline(__always)
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 48 + nibble : 87 + nibble
    }

    /// Appends `bytes` as a quoted JSON string.
    public static func append(_ bytes: UnsafeRawBufferPointer, escapeHTML: Bool, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let count = bytes.count
        var runStart = 0
        var i = 0
        let quote = ByteWords.repeating(0x22), backslash = ByteWords.repeating(0x5c)
        /// High bits of the bytes of `word` that need more than a copy.
        @inline(__always) func special(_ word: UInt64) -> UInt64 {
            var flags = ByteWords.nonASCII(word) | ByteWords.below(word, 0x20)
                | ByteWords.equal(word, quote) | ByteWords.equal(word, backslash)
            if escapeHTML {
                flags |= ByteWords.equal(word, ByteWords.repeating(0x3c)) | ByteWords.equal(word, ByteWords.repeating(0x3e))
                    | ByteWords.equal(word, ByteWords.repeating(0x26))
            }
            return flags
        }
        while i < count {
            // Most strings have nothing to escape: skip them eight bytes at a time, the last
            // (partial) eight read as the string's final word, the bytes before `i` shifted out.
            // A flag on a byte that needs nothing only sends that byte through the check below.
            if count >= 8 {
                let flags = i + 8 <= count
                    ? special(ByteWords.load(bytes, at: i))
                    : special(ByteWords.load(bytes, at: count - 8)) >> UInt64((i - (count - 8)) * 8)
                if flags == 0 {
                    i = min(i + 8, count)
                    continue
                }
                i += ByteWords.bytesBeforeFirst(flags)
            }
            let byte = bytes[i]
            let kind = byteClass(byte, html: escapeHTML)
            if kind == 0 {
                i += 1
                continue
            }
            if kind == 2 {
                let (state, size) = GoUTF8.decode(bytes, at: i)
                if state == .valid {
                    i += size
                    continue
                }
                if i > runStart { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<i])) }
                switch state {
                case .lineSeparator: appendLiteral("\\u2028", to: &out)
                case .paragraphSeparator: appendLiteral("\\u2029", to: &out)
                default: appendLiteral("\\ufffd", to: &out)
                }
                i += size
                runStart = i
                continue
            }
            if i > runStart { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<i])) }
            switch byte {
            case 0x22, 0x5c: out.append(UInt8(ascii: "\\")); out.append(byte)
            case 0x0a: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0d: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            default:
                appendLiteral("\\u00", to: &out)
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0xf))
            }
            i += 1
            runStart = i
        }
        if count > runStart { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<count])) }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends a Swift string as a quoted JSON string.
    public static func append(_ string: String, escapeHTML: Bool, to out: inout [UInt8]) {
        var copy = string
        copy.withUTF8 { append(UnsafeRawBufferPointer($0), escapeHTML: escapeHTML, to: &out) }
    }

    @inline(__always)
    static func appendLiteral(_ literal: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
