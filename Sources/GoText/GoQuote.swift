/// Go's `strconv.Quote` / `%q`, used where Go prints a user-supplied string in an error.
public enum GoQuote {
    public static func quote(_ s: String) -> String {
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
