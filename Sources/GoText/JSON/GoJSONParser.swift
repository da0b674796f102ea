/// Parses JSON bytes the way Go's `encoding/json` reads them (its scanner in `scanner.go`, string
/// unquoting in `decode.go`), so that a document is accepted and rejected exactly like the Go
/// plugin and AWS SDK do and syntax errors carry Go's wording (e.g. `invalid character '}'
/// after object key`, `unexpected end of JSON input`).
///
/// Iterative (an explicit container stack), so deeply nested input cannot overflow the thread
/// stack; nesting beyond Go's limit of 10000 is rejected like Go does.
struct GoJSONParser {
    static let maxNestingDepth = 10_000

    private let bytes: [UInt8]
    private var pos = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func parse<Bytes: Collection>(_ input: Bytes) throws(GoJSONSyntaxError) -> GoJSONValue
    where Bytes.Element == UInt8 {
        var parser = GoJSONParser(bytes: Array(input))
        return try parser.parseDocument()
    }

    private enum OpenContainer {
        case array([GoJSONValue])
        case object([GoJSONMember], pendingKey: String)
    }

    private mutating func parseDocument() throws(GoJSONSyntaxError) -> GoJSONValue {
        var stack: [OpenContainer] = []
        skipWhitespace()
        parseValue: while true {
            var value: GoJSONValue
            let c = try peek()
            switch c {
            case UInt8(ascii: "{"):
                try checkDepth(stack.count, c)
                pos += 1
                skipWhitespace()
                if try peek() == UInt8(ascii: "}") {
                    pos += 1
                    value = .object([])
                } else {
                    let key = try parseObjectKey()
                    stack.append(.object([], pendingKey: key))
                    continue parseValue
                }
            case UInt8(ascii: "["):
                try checkDepth(stack.count, c)
                pos += 1
                skipWhitespace()
                if try peek() == UInt8(ascii: "]") {
                    pos += 1
                    value = .array([])
                } else {
                    stack.append(.array([]))
                    continue parseValue
                }
            case UInt8(ascii: "\""):
                pos += 1
                value = .string(try parseStringBody())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try parseNumber())
            case UInt8(ascii: "t"):
                try parseLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try parseLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try parseLiteral("null")
                value = .null
            default:
                throw Self.error(c, "looking for beginning of value")
            }

            // Attach the finished value to its container; close containers as they end.
            while true {
                guard let container = stack.popLast() else {
                    skipWhitespace()
                    if pos < bytes.count {
                        throw Self.error(bytes[pos], "after top-level value")
                    }
                    return value
                }
                skipWhitespace()
                let next = try peek()
                switch container {
                case .array(var elements):
                    elements.append(value)
                    if next == UInt8(ascii: ",") {
                        pos += 1
                        skipWhitespace()
                        stack.append(.array(elements))
                        continue parseValue
                    } else if next == UInt8(ascii: "]") {
                        pos += 1
                        value = .array(elements)
                    } else {
                        throw Self.error(next, "after array element")
                    }
                case .object(var members, let key):
                    members.append(GoJSONMember(key: key, value: value))
                    if next == UInt8(ascii: ",") {
                        pos += 1
                        skipWhitespace()
                        let nextKey = try parseObjectKey()
                        stack.append(.object(members, pendingKey: nextKey))
                        continue parseValue
                    } else if next == UInt8(ascii: "}") {
                        pos += 1
                        value = .object(members)
                    } else {
                        throw Self.error(next, "after object key:value pair")
                    }
                }
            }
        }
    }

    private func checkDepth(_ openContainers: Int, _ c: UInt8) throws(GoJSONSyntaxError) {
        if openContainers + 1 > Self.maxNestingDepth {
            throw Self.error(c, "exceeded max depth")
        }
    }

    /// Reads `"key"` and the following `:`, leaving `pos` at the start of the value.
    private mutating func parseObjectKey() throws(GoJSONSyntaxError) -> String {
        let c = try peek()
        guard c == UInt8(ascii: "\"") else {
            throw Self.error(c, "looking for beginning of object key string")
        }
        pos += 1
        let key = try parseStringBody()
        skipWhitespace()
        let colon = try peek()
        guard colon == UInt8(ascii: ":") else {
            throw Self.error(colon, "after object key")
        }
        pos += 1
        skipWhitespace()
        return key
    }

    private func peek() throws(GoJSONSyntaxError) -> UInt8 {
        guard pos < bytes.count else { throw Self.unexpectedEnd }
        return bytes[pos]
    }

    private mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                pos += 1
            default:
                return
            }
        }
    }

    private mutating func parseLiteral(_ word: String) throws(GoJSONSyntaxError) {
        let expected = Array(word.utf8)
        pos += 1  // the first letter was already matched by the caller
        for i in 1..<expected.count {
            let c = try peek()
            guard c == expected[i] else {
                throw Self.error(c, "in literal \(word) (expecting \(Self.quoteChar(expected[i])))")
            }
            pos += 1
        }
    }

    /// Checks the JSON number grammar and returns the literal text.
    private mutating func parseNumber() throws(GoJSONSyntaxError) -> String {
        let start = pos
        if bytes[pos] == UInt8(ascii: "-") {
            pos += 1
            let c = try peek()
            guard Self.isDigit(c) else { throw Self.error(c, "in numeric literal") }
        }
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
        } else {
            while pos < bytes.count, Self.isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            let c = try peek()
            guard Self.isDigit(c) else { throw Self.error(c, "after decimal point in numeric literal") }
            while pos < bytes.count, Self.isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            pos += 1
            var c = try peek()
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                pos += 1
                c = try peek()
            }
            guard Self.isDigit(c) else { throw Self.error(c, "in exponent of numeric literal") }
            while pos < bytes.count, Self.isDigit(bytes[pos]) { pos += 1 }
        }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    /// Reads a string body (the opening quote is consumed) and decodes it like Go:
    /// invalid UTF-8 bytes and unpaired surrogate escapes become U+FFFD.
    private mutating func parseStringBody() throws(GoJSONSyntaxError) -> String {
        var out: [UInt8] = []
        while true {
            let c = try peek()
            switch c {
            case UInt8(ascii: "\""):
                pos += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                pos += 1
                try parseEscape(into: &out)
            case 0..<0x20:
                throw Self.error(c, "in string literal")
            case 0..<0x80:
                out.append(c)
                pos += 1
            default:
                let start = pos
                pos += bytes.withUnsafeBytes { GoUTF8.appendReplacingInvalid($0, at: start, to: &out) }
            }
        }
    }

    private mutating func parseEscape(into out: inout [UInt8]) throws(GoJSONSyntaxError) {
        let c = try peek()
        pos += 1
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(c)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800..<0xE000).contains(scalar) {
                // Go pairs a high surrogate with an immediately following \uDC00-\uDFFF escape;
                // anything else makes the first one U+FFFD and leaves the rest to be read normally.
                if (0xD800..<0xDC00).contains(scalar), let low = peekLowSurrogateEscape() {
                    pos += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    scalar = 0xFFFD
                }
            }
            GoUTF8.appendScalar(scalar, to: &out)
        default:
            throw Self.error(c, "in string escape code")
        }
    }

    private mutating func parseHex4() throws(GoJSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = try peek()
            guard let digit = Self.hexValue(c) else {
                throw Self.error(c, "in \\u hexadecimal character escape")
            }
            value = value << 4 | digit
            pos += 1
        }
        return value
    }

    /// A `\uDC00`-`\uDFFF` escape starting at `pos`, if there is one (not consumed). Malformed
    /// text is left for the normal reader, which reports it.
    private func peekLowSurrogateEscape() -> UInt32? {
        guard pos + 6 <= bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
            return nil
        }
        var value: UInt32 = 0
        for i in (pos + 2)..<(pos + 6) {
            guard let digit = Self.hexValue(bytes[i]) else { return nil }
            value = value << 4 | digit
        }
        return (0xDC00..<0xE000).contains(value) ? value : nil
    }

    private static func isDigit(_ c: UInt8) -> Bool {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
    }

    private static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private static let unexpectedEnd = GoJSONSyntaxError(message: "unexpected end of JSON input")

    private static func error(_ c: UInt8, _ context: String) -> GoJSONSyntaxError {
        GoJSONSyntaxError(message: "invalid character \(quoteChar(c)) \(context)")
    }

    /// Go's `quoteChar`: the byte read as a Latin-1 rune, quoted like `strconv.Quote` but
    /// between single quotes.
    static func quoteChar(_ c: UInt8) -> String {
        if c == UInt8(ascii: "'") { return "'\\''" }
        if c == UInt8(ascii: "\"") { return "'\"'" }
        return "'" + GoQuote.escapedBody(of: String(Character(Unicode.Scalar(c)))) + "'"
    }
}
