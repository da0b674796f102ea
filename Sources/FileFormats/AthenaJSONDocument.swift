import GoText

/// A JSON text decoded the way Go's `encoding/json` `Unmarshal` into `any` decodes it, which
/// is the first step of the Go plugin's Athena key sanitising:
/// - strict RFC 8259 grammar (the scanner Go runs first), at most 10 000 levels of nesting;
/// - numbers become float64 (`strconv.ParseFloat`; out of range is an error, so `1e400`
///   fails while integers beyond 2⁵³ silently round);
/// - strings are unescaped, surrogate pairs combined, lone surrogates and each invalid UTF-8
///   byte replaced by U+FFFD;
/// - an object is a Go map: of repeated keys the last one wins.
///
/// Nodes live in flat arrays and parsing keeps its own stack, so hostile nesting costs heap,
/// never thread stack.
struct AthenaJSONDocument {
    enum Node {
        case null
        case bool(Bool)
        case number(Double)
        /// Decoded UTF-8 in `strings`.
        case string(Range<Int>)
        /// Element node indices in `children`.
        case array(Range<Int>)
        /// Alternating key (a `.string` node) and value node indices in `children`.
        case object(Range<Int>)
    }

    struct SyntaxError: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "invalid JSON at byte \(offset): \(reason)" }
    }

    /// Go's `maxNestingDepth` in encoding/json's scanner.
    static let maximumDepth = 10_000

    private(set) var nodes: [Node] = []
    private(set) var children: [Int] = []
    private(set) var strings: [UInt8] = []
    fileprivate(set) var root = 0

    init(parsing text: UnsafeRawBufferPointer) throws {
        var parser = Parser(text: text)
        try parser.parse(into: &self)
    }

    func string(_ range: Range<Int>) -> ArraySlice<UInt8> { strings[range] }

    fileprivate mutating func add(_ node: Node) -> Int {
        nodes.append(node)
        return nodes.count - 1
    }

    fileprivate mutating func addString(_ bytes: [UInt8]) -> Int {
        let start = strings.count
        strings.append(contentsOf: bytes)
        return add(.string(start..<strings.count))
    }

    fileprivate mutating func close(isObject: Bool, pending: ArraySlice<Int>) -> Int {
        let start = children.count
        children.append(contentsOf: pending)
        let range = start..<children.count
        return add(isObject ? .object(range) : .array(range))
    }
}

private struct Parser {
    let text: UnsafeRawBufferPointer
    var i = 0

    /// An open array or object: where its children start in `pending`.
    struct Frame {
        let isObject: Bool
        let start: Int
    }

    init(text: UnsafeRawBufferPointer) {
        self.text = text
    }

    func fail(_ reason: String, at offset: Int? = nil) -> AthenaJSONDocument.SyntaxError {
        AthenaJSONDocument.SyntaxError(offset: offset ?? i, reason: reason)
    }

    var current: UInt8? { i < text.count ? text[i] : nil }

    mutating func skipWhitespace() {
        while i < text.count {
            switch text[i] {
            case 0x20, 0x09, 0x0a, 0x0d: i += 1
            default: return
            }
        }
    }

    mutating func parse(into document: inout AthenaJSONDocument) throws {
        var stack: [Frame] = []
        var pending: [Int] = []
        var node: Int
        value: while true {
            // Parse one value; containers are opened and parsing continues inside them.
            skipWhitespace()
            guard let c = current else { throw fail("unexpected end of input, expected a value") }
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = c == UInt8(ascii: "{")
                guard stack.count < AthenaJSONDocument.maximumDepth else {
                    throw fail("nested more than \(AthenaJSONDocument.maximumDepth) levels deep")
                }
                i += 1
                stack.append(Frame(isObject: isObject, start: pending.count))
                skipWhitespace()
                if current == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    i += 1
                    stack.removeLast()
                    node = document.close(isObject: isObject, pending: [])
                } else if isObject {
                    try parseKey(into: &document, pending: &pending)
                    continue value
                } else {
                    continue value
                }
            case UInt8(ascii: "\""):
                node = document.addString(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                node = document.add(.number(try parseNumber()))
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                node = document.add(.bool(true))
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                node = document.add(.bool(false))
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                node = document.add(.null)
            default:
                throw fail("unexpected character '\(Self.show(c))' looking for the beginning of a value")
            }
            // A value is complete: attach it, closing every container it completes.
            while true {
                guard let frame = stack.last else {
                    skipWhitespace()
                    if let c = current { throw fail("unexpected character '\(Self.show(c))' after the top-level value") }
                    document.root = node
                    return
                }
                pending.append(node)
                skipWhitespace()
                let closing = frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if current == UInt8(ascii: ",") {
                    i += 1
                    if frame.isObject { try parseKey(into: &document, pending: &pending) }
                    continue value
                }
                guard current == closing else {
                    throw fail(current == nil ? "unexpected end of input inside an \(frame.isObject ? "object" : "array")"
                        : "expected ',' or '\(Character(Unicode.Scalar(closing)))' after a value")
                }
                i += 1
                stack.removeLast()
                node = document.close(isObject: frame.isObject, pending: pending[frame.start...])
                pending.removeSubrange(frame.start...)
            }
        }
    }

    /// `"key" :` inside an object; the key node goes to `pending`.
    mutating func parseKey(into document: inout AthenaJSONDocument, pending: inout [Int]) throws {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else { throw fail("expected a string key") }
        pending.append(document.addString(try parseString()))
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { throw fail("expected ':' after an object key") }
        i += 1
    }

    mutating func expectLiteral(_ word: StaticString) throws {
        let start = i
        for k in 0..<word.utf8CodeUnitCount {
            guard i < text.count, text[i] == word.utf8Start[k] else {
                throw fail("invalid literal (expected \(word))", at: start)
            }
            i += 1
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, then `strconv.ParseFloat(s, 64)`.
    mutating func parseNumber() throws -> Double {
        let start = i
        func digits() -> Int {
            let from = i
            while let c = current, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") { i += 1 }
            return i - from
        }
        if current == UInt8(ascii: "-") { i += 1 }
        if current == UInt8(ascii: "0") {
            i += 1
        } else if digits() == 0 {
            throw fail("invalid number", at: start)
        }
        if current == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw fail("invalid number: no digits after the decimal point", at: start) }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            i += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw fail("invalid number: no digits in the exponent", at: start) }
        }
        let token = String(decoding: UnsafeRawBufferPointer(rebasing: text[start..<i]), as: UTF8.self)
        // Both Swift and Go round correctly; Go reports overflow (ErrRange) as an error.
        guard let value = Double(token), value.isFinite else {
            throw fail("number \(token) does not fit a float64", at: start)
        }
        return value
    }

    /// A string token, unescaped as Go's `unquote` does.
    mutating func parseString() throws -> [UInt8] {
        let start = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard let c = current else { throw fail("unexpected end of input inside a string", at: start) }
            switch c {
            case UInt8(ascii: "\""):
                i += 1
                return out
            case UInt8(ascii: "\\"):
                i += 1
                guard let escape = current else { throw fail("unexpected end of input inside a string", at: start) }
                i += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0c)
                case UInt8(ascii: "n"): out.append(0x0a)
                case UInt8(ascii: "r"): out.append(0x0d)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4(at: i) else { throw fail("invalid \\u escape in a string", at: i - 2) }
                    i += 4
                    if (0xd800..<0xe000).contains(scalar) {
                        // A high surrogate followed by an escaped low one makes a pair; any
                        // other surrogate is U+FFFD (and the following escape stays unread).
                        if scalar < 0xdc00, i + 1 < text.count, text[i] == UInt8(ascii: "\\"), text[i + 1] == UInt8(ascii: "u"),
                           let low = hex4(at: i + 2), (0xdc00..<0xe000).contains(low) {
                            scalar = 0x10000 + (scalar - 0xd800) << 10 + (low - 0xdc00)
                            i += 6
                        } else {
                            scalar = 0xfffd
                        }
                    }
                    Self.appendUTF8(scalar, to: &out)
                default:
                    throw fail("invalid escape '\\\(Self.show(escape))' in a string", at: i - 2)
                }
            case 0..<0x20:
                throw fail("control character 0x\(String(c, radix: 16)) inside a string")
            case 0x80...:
                let (state, size) = GoUTF8.decode(text, at: i)
                if state == .invalid {
                    Self.appendUTF8(0xfffd, to: &out)
                } else {
                    out.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[i..<(i + size)]))
                }
                i += size
            default:
                out.append(c)
                i += 1
            }
        }
    }

    func hex4(at position: Int) -> UInt32? {
        guard position + 4 <= text.count else { return nil }
        var value: UInt32 = 0
        for k in position..<(position + 4) {
            let c = text[k]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xc0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3f))
        case 0x800..<0x10000:
            out.append(UInt8(0xe0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3f))
            out.append(UInt8(0x80 | scalar & 0x3f))
        default:
            out.append(UInt8(0xf0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3f))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3f))
            out.append(UInt8(0x80 | scalar & 0x3f))
        }
    }

    static func show(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7f ? String(Character(Unicode.Scalar(c))) : "\\x" + String(c, radix: 16)
    }
}
