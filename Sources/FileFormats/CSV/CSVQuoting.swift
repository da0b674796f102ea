/// Field quoting exactly as Go's `encoding/csv` Writer does it (what arrow-go's CSV writer, and
/// so the Go plugin, uses) with `UseCRLF = false`:
/// - an empty field is never quoted;
/// - a field is quoted when it is exactly `\.`, contains the delimiter, `"`, `\r` or `\n`, or
///   when its first rune is a Unicode space (`unicode.IsSpace`);
/// - inside quotes `"` is doubled and every other byte, `\r` and `\n` included, is copied as is.
enum CSVQuoting {
    /// Go's `fieldNeedsQuotes` for an ASCII delimiter (the only kind the plugin accepts).
    static func needsQuotes(_ field: UnsafeRawBufferPointer, delimiter: UInt8) -> Bool {
        let count = field.count
        if count == 0 { return false }
        // `\.` alone is the PostgreSQL end-of-data marker.
        if count == 2 && field[0] == UInt8(ascii: "\\") && field[1] == UInt8(ascii: ".") { return true }
        if count >= 8 {
            // Eight bytes at a time; the last word is the field's final eight bytes (its overlap
            // with the word before holds none of the four, so it cannot flag anything wrongly).
            let newline = ByteWords.repeating(0x0a), carriageReturn = ByteWords.repeating(0x0d)
            let quote = ByteWords.repeating(0x22), separator = ByteWords.repeating(delimiter)
            var i = 0
            while true {
                let word = ByteWords.load(field, at: min(i, count - 8))
                if ByteWords.equal(word, newline) | ByteWords.equal(word, carriageReturn) | ByteWords.equal(word, quote)
                    | ByteWords.equal(word, separator) != 0 {
                    return true
                }
                i += 8
                if i >= count { break }
            }
        } else {
            for byte in field where byte == 0x0a || byte == 0x0d || byte == 0x22 || byte == delimiter {
                return true
            }
        }
        return startsWithSpace(field)
    }

    /// `unicode.IsSpace` of the first rune. Go decodes the rune first, so only complete, valid
    /// UTF-8 encodings of a White_Space character count (an invalid byte decodes to U+FFFD).
    static func startsWithSpace(_ field: UnsafeRawBufferPointer) -> Bool {
        let count = field.count
        guard count > 0 else { return false }
        let b0 = field[0]
        switch b0 {
        case 0x09...0x0d, 0x20:
            // \t \n \v \f \r and space
            return true
        case 0xc2:
            // U+0085 (NEL), U+00A0 (NO-BREAK SPACE)
            return count >= 2 && (field[1] == 0x85 || field[1] == 0xa0)
        case 0xe1:
            // U+1680 (OGHAM SPACE MARK)
            return count >= 3 && field[1] == 0x9a && field[2] == 0x80
        case 0xe2:
            guard count >= 3 else { return false }
            let b1 = field[1], b2 = field[2]
            if b1 == 0x80 {
                // U+2000…U+200A, U+2028, U+2029, U+202F
                return (0x80...0x8a).contains(b2) || b2 == 0xa8 || b2 == 0xa9 || b2 == 0xaf
            }
            // U+205F (MEDIUM MATHEMATICAL SPACE)
            return b1 == 0x81 && b2 == 0x9f
        case 0xe3:
            // U+3000 (IDEOGRAPHIC SPACE)
            return count >= 3 && field[1] == 0x80 && field[2] == 0x80
        default:
            return false
        }
    }

    /// Appends `field` wrapped in quotes with inner quotes doubled.
    static func appendQuoted(_ field: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        out.append(0x22)
        var runStart = 0
        for i in 0..<field.count where field[i] == 0x22 {
            // Copy through this quote, then write it a second time.
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: field[runStart...i]))
            out.append(0x22)
            runStart = i + 1
        }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: field[runStart...]))
        out.append(0x22)
    }

    /// Quotes, if Go would, the field that occupies `out[start...]` (rendered there directly so
    /// that the common, unquoted case costs no copy).
    static func quoteInPlaceIfNeeded(_ out: inout [UInt8], from start: Int, delimiter: UInt8) {
        let (needed, quotes) = out.withUnsafeBytes { buffer -> (Bool, Int) in
            let field = UnsafeRawBufferPointer(rebasing: buffer[start...])
            guard needsQuotes(field, delimiter: delimiter) else { return (false, 0) }
            return (true, field.reduce(0) { $0 &+ ($1 == 0x22 ? 1 : 0) })
        }
        guard needed else { return }
        // Grow by the added quotes, then move the field right from its end, doubling quotes;
        // no temporary copy (JSON cells, quoted for their `"`, are common). Wrapping arithmetic
        // on a raw pointer: the indices stay within `start..<out.count` by construction.
        let end = out.count
        out.append(contentsOf: repeatElement(0x22, count: quotes + 2))
        out.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var target = buffer.count &- 2  // the last byte is the closing quote
            var source = end &- 1
            while source >= start {
                let byte = base[source]
                base[target] = byte
                target &-= 1
                if byte == 0x22 {
                    base[target] = 0x22
                    target &-= 1
                }
                source &-= 1
            }
            base[target] = 0x22  // target == start: the opening quote
        }
    }

    /// Appends a field as Go writes it: quoted when needed, else verbatim.
    static func appendField(_ field: UnsafeRawBufferPointer, delimiter: UInt8, to out: inout [UInt8]) {
        if needsQuotes(field, delimiter: delimiter) {
            appendQuoted(field, to: &out)
        } else {
            out.append(contentsOf: field)
        }
    }
}
