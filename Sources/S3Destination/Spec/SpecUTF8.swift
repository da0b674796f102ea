/// Byte-level UTF-8 helpers with Go's rules (`utf8.DecodeRune`): an invalid or truncated
/// sequence counts as one bad byte, so callers can replace exactly one byte with U+FFFD the
/// way Go does (Swift's own repair would merge some bytes into one replacement).
enum SpecUTF8 {
    /// Length (2...4) of the valid multi-byte sequence starting at `index`, or 0 if invalid.
    static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        let b0 = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return 0
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return 0 }
        for i in (index + 2)..<(index + length) where !(0x80...0xBF).contains(bytes[i]) {
            return 0
        }
        return length
    }

    /// Appends the UTF-8 encoding of `scalar` (U+FFFD for surrogates or out-of-range values).
    static func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        UTF8.encode(scalar) { out.append($0) }
    }
}

/// Go's `strconv.Quote` / `%q`, used where Go prints a user-supplied string in an error.
enum GoQuote {
    static func quote(_ s: String) -> String {
        "\"" + escapedBody(of: s) + "\""
    }

    /// The text between the quotes that `strconv.Quote` would produce.
    static func escapedBody(of s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if scalar == "\"" || scalar == "\\" {
                out.append("\\")
                out.unicodeScalars.append(scalar)
                continue
            }
            if isPrint(scalar) {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch v {
            case 0x07: out += "\\a"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x0B: out += "\\v"
            case 0..<0x20, 0x7F: out += "\\x" + hex(v, width: 2)
            case 0..<0x10000: out += "\\u" + hex(v, width: 4)
            default: out += "\\U" + hex(v, width: 8)
            }
        }
        return out
    }

    /// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and ASCII space.
    static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v >= 0x20 && v < 0x7F }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
