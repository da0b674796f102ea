/// Parses JSON bytes the way Go's `encoding/json` reads them (its scanner in `scanner.go`, string
/// unquoting in `decode.go`), so that a document is accepted and rejected exactly like the Go
/// plugin and AWS SDK do and syntax errors carry Go's wording (e.g. `invalid character '}'
/// after object key`, `unexpected end of JSON input`).
///
/// Iterative (an explicit container stack) and building a flat `GoJSONDocument`, so deeply
/// nested input cannot overflow the thread stack; nesting beyond Go's limit of 10000 is rejected
/// like Go does.
struct GoJSONParser {
    static let maxNestingDepth = 10_000

    private let bytes: UnsafeRawBufferPointer
    private var pos = 0

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// An open array or object: where its children start in `pending`.
    private struct Frame {
        let isObject: Bool
        let start: Int
    }

    mutating func parse(into document: inout GoJSONDocument) throws(GoJSONError) {
        var stack: [Frame] = []
        var pending: [Int] = []
        skipWhitespace()
        parseValue: while true {
            var node: Int
            let c = try peek()
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = c == UInt8(ascii: "{")
                try checkDepth(stack.count, c)
                pos += 1
                skipWhitespace()
                if try peek() == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    pos += 1
                    node = document.close(isObject: isObject, children: [])
                } else {
                    stack.append(Frame(isObject: isObject, start: pending.count))
                    if isObject { pending.append(try parseObjectKey(into: &document)) }
                    continue parseValue
                }
            case UInt8(ascii: "\""):
                pos += 1
                node = try parseString(into: &document)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                node = try parseNumber(into: &document)
            case UInt8(ascii: "t"):
                try parseLiteral("true")
                node = document.add(.bool(true))
            case UInt8(ascii: "f"):
                try parseLiteral("false")
                node = document.add(.bool(false))
            case UInt8(ascii: "n"):
                try parseLiteral("null")
                node = document.add(.null)
            default:
                throw Self.error(c, "looking for beginning of value")
            }

            // Attach the finished value to its container; close containers as they end.
            while true {
                guard let frame = stack.last else {
                    skipWhitespace()
                    if pos < bytes.count {
                        throw Self.error(bytes[pos], "after top-level value")
                    }
                    document.root = node
                    return
                }
                pending.append(node)
                skipWhitespace()
                let next = try peek()
                if next == UInt8(ascii: ",") {
                    pos += 1
                    skipWhitespace()
                    if frame.isObject { pending.append(try parseObjectKey(into: &document)) }
                    continue parseValue
                }
                guard next == (frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw Self.error(next, frame.isObject ? "after object key:value pair" : "after array element")
                }
                pos += 1
                stack.removeLast()
                node = document.close(isObject: frame.isObject, children: pending[frame.start...])
                pending.removeSubrange(frame.start...)
            }
        }
    }

    private func checkDepth(_ openContainers: Int, _ c: UInt8) throws(GoJSONError) {
        if openContainers + 1 > Self.maxNestingDepth {
            throw Self.error(c, "exceeded max depth")
        }
    }

    /// Reads `"key"` and the following `:`, leaving `pos` at the start of the value. Returns
    /// the key's string node.
    private mutating func parseObjectKey(into document: inout GoJSONDocument) throws(GoJSONError) -> Int {
        let c = try peek()
        guard c == UInt8(ascii: "\"") else {
            throw Self.error(c, "looking for beginning of object key string")
        }
        pos += 1
        let key = try parseString(into: &document)
        skipWhitespace()
        let colon = try peek()
        guard colon == UInt8(ascii: ":") else {
            throw Self.error(colon, "after object key")
        }
        pos += 1
        skipWhitespace()
        return key
    }

    private func peek() throws(GoJSONError) -> UInt8 {
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

    private mutating func parseLiteral(_ word: String) throws(GoJSONError) {
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

    /// Checks the JSON number grammar and stores the literal text.
    private mutating func parseNumber(into document: inout GoJSONDocument) throws(GoJSONError) -> Int {
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
        return document.addNumber(UnsafeRawBufferPointer(rebasing: bytes[start..<pos]))
    }

    /// Reads a string body (the opening quote is consumed) and decodes it like Go:
    /// invalid UTF-8 bytes and unpaired surrogate escapes become U+FFFD.
    private mutating func parseString(into document: inout GoJSONDocument) throws(GoJSONError) -> Int {
        var out: [UInt8] = []
        while true {
            let c = try peek()
            switch c {
            case UInt8(ascii: "\""):
                pos += 1
                return document.addString(out)
            case UInt8(ascii: "\\"):
                pos += 1
                try parseEscape(into: &out)
            case 0..<0x20:
                throw Self.error(c, "in string literal")
            case 0..<0x80:
                out.append(c)
                pos += 1
            default:
                pos += GoUTF8.appendReplacingInvalid(bytes, at: pos, to: &out)
            }
        }
    }

    private mutating func parseEscape(into out: inout [UInt8]) throws(GoJSONError) {
        let c = try peek()
        pos += 1
        if let byte = GoJSONEscape.simpleEscape(c) {
            out.append(byte)
            return
        }
        switch c {
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if GoJSONEscape.isSurrogate(scalar) {
                // Go pairs a high surrogate with an immediately following low one; anything else
                // makes the first one U+FFFD and leaves the rest to be read normally.
                if let low = peekUnicodeEscape(), let pair = GoJSONEscape.surrogatePair(scalar, low) {
                    pos += 6
                    scalar = pair
                } else {
                    scalar = 0xFFFD
                }
            }
            GoUTF8.appendScalar(scalar, to: &out)
        default:
            throw Self.error(c, "in string escape code")
        }
    }

    private mutating func parseHex4() throws(GoJSONError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = try peek()
            guard let digit = GoJSONEscape.hexValue(c) else {
                throw Self.error(c, "in \\u hexadecimal character escape")
            }
            value = value << 4 | digit
            pos += 1
        }
        return value
    }

    /// The value of a `\uXXXX` escape starting at `pos`, if there is one (not consumed).
    /// Malformed text is left for the normal reader, which reports it.
    private func peekUnicodeEscape() -> UInt32? {
        guard pos + 6 <= bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
            return nil
        }
        var value: UInt32 = 0
        for i in (pos + 2)..<(pos + 6) {
            guard let digit = GoJSONEscape.hexValue(bytes[i]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    private static func isDigit(_ c: UInt8) -> Bool {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
    }

    private static let unexpectedEnd = GoJSONError(message: "unexpected end of JSON input")

    private static func error(_ c: UInt8, _ context: String) -> GoJSONError {
        GoJSONError(message: "invalid character \(quoteChar(c)) \(context)")
    }

    /// Go's `quoteChar`: the byte read as a Latin-1 rune, quoted like `strconv.Quote` but
    /// between single quotes.
    static func quoteChar(_ c: UInt8) -> String {
        if c == UInt8(ascii: "'") { return "'\\''" }
        if c == UInt8(ascii: "\"") { return "'\"'" }
        return "'" + GoQuote.escapedBody(of: String(Character(Unicode.Scalar(c)))) + "'"
    }
}
