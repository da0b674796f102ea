/// Validates and compacts a raw JSON text the way goccy/go-json does for a `json.RawMessage`
/// (how a CloudQuery `json` column reaches the output): whitespace between tokens is dropped,
/// everything else — key order, number spelling, string escapes — is kept byte for byte.
///
/// This mirrors goccy's checks, which are looser than the JSON grammar: string contents and
/// escape sequences are not validated, and a NUL byte ends the input. With `escapeHTML`
/// (values inside lists) `<`, `>`, `&`, U+2028 and U+2029 inside strings are escaped.
public enum RawJSONCompaction {
    /// Go's `maxNestingDepth` (encoding/json `scanner.go`): 10 000 open arrays/objects are
    /// accepted, one more is "exceeded max depth".
    public static let maximumDepth = 10_000

    public struct InvalidJSON: Error, CustomStringConvertible {
        public let offset: Int
        public let reason: String
        public var description: String { "invalid JSON at byte \(offset): \(reason)" }
    }

    public static func append(_ text: UnsafeRawBufferPointer, escapeHTML: Bool, to out: inout [UInt8]) throws {
        let compactor = Compactor(text: text, escapeHTML: escapeHTML)
        let mark = out.count
        do {
            var cursor = try compactor.value(at: 0, into: &out)
            cursor = compactor.skipWhitespace(cursor)
            guard compactor.byte(cursor) == 0 else {
                throw compactor.fail(cursor, "unexpected '\(Character(Unicode.Scalar(compactor.byte(cursor))))' after the value")
            }
        } catch {
            out.removeSubrange(mark...)
            throw error
        }
    }

    private struct Compactor {
        let text: UnsafeRawBufferPointer
        /// Bytes before the first NUL (goccy appends a NUL sentinel and stops at any NUL).
        let end: Int
        let escapeHTML: Bool

        init(text: UnsafeRawBufferPointer, escapeHTML: Bool) {
            self.text = text
            self.end = text.firstIndex(of: 0) ?? text.count
            self.escapeHTML = escapeHTML
        }

        @inline(__always) func byte(_ i: Int) -> UInt8 { i < end ? text[i] : 0 }

        func fail(_ offset: Int, _ reason: String) -> InvalidJSON { InvalidJSON(offset: offset, reason: reason) }

        func skipWhitespace(_ start: Int) -> Int {
            var i = start
            while true {
                switch byte(i) {
                case 0x20, 0x09, 0x0a, 0x0d: i += 1
                default: return i
                }
            }
        }

        /// Compacts one value (of any nesting) starting at `start`; returns the offset after it.
        /// Iterative: open containers live on a heap stack (their closing brackets), so hostile
        /// nesting costs heap, never thread stack, and is refused past `maximumDepth`.
        func value(at start: Int, into out: inout [UInt8]) throws -> Int {
            var closers: [UInt8] = []
            var i = start
            nextValue: while true {
                i = skipWhitespace(i)
                let c = byte(i)
                switch c {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard closers.count < RawJSONCompaction.maximumDepth else { throw fail(i, "exceeded max depth") }
                    let closer = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    out.append(c)
                    i = skipWhitespace(i + 1)
                    if byte(i) == closer {
                        out.append(closer)
                        i += 1
                    } else {
                        closers.append(closer)
                        if closer == UInt8(ascii: "}") { i = try key(at: i, into: &out) }
                        continue nextValue
                    }
                case UInt8(ascii: "\""): i = try string(at: i, into: &out)
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): i = try number(at: i, into: &out)
                case UInt8(ascii: "t"): i = try literal("true", at: i, into: &out)
                case UInt8(ascii: "f"): i = try literal("false", at: i, into: &out)
                case UInt8(ascii: "n"): i = try literal("null", at: i, into: &out)
                case 0: throw fail(i, "unexpected end of input")
                default: throw fail(i, "unexpected character")
                }
                // A value ended: close the containers it completes, or go on to the next member.
                while let closer = closers.last {
                    i = skipWhitespace(i)
                    switch byte(i) {
                    case closer:
                        out.append(closer)
                        closers.removeLast()
                        i += 1
                    case UInt8(ascii: ","):
                        out.append(UInt8(ascii: ","))
                        i += 1
                        if closer == UInt8(ascii: "}") { i = try key(at: i, into: &out) }
                        continue nextValue
                    default:
                        throw fail(i, closer == UInt8(ascii: "}") ? "expected ',' or '}' after an object value"
                                                                  : "expected ',' or ']' after an array value")
                    }
                }
                return i
            }
        }

        /// An object key and its `:` (whitespace around them dropped); returns the offset of the value.
        func key(at start: Int, into out: inout [UInt8]) throws -> Int {
            var i = skipWhitespace(start)
            guard byte(i) == UInt8(ascii: "\"") else { throw fail(i, "expected a string key") }
            i = try string(at: i, into: &out)
            i = skipWhitespace(i)
            guard byte(i) == UInt8(ascii: ":") else { throw fail(i, "expected ':' after an object key") }
            out.append(UInt8(ascii: ":"))
            return i + 1
        }

        /// Copies a string token; only `\` (skip the next byte), `"` and the end are meaningful.
        func string(at start: Int, into out: inout [UInt8]) throws -> Int {
            var runStart = start
            var i = start
            while true {
                i += 1
                let c = byte(i)
                if escapeHTML {
                    if c == 0x3c || c == 0x3e || c == 0x26 {
                        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[runStart..<i]))
                        JSONStringEscaping.appendLiteral("\\u00", to: &out)
                        out.append(JSONStringEscaping.hexDigit(c >> 4))
                        out.append(JSONStringEscaping.hexDigit(c & 0xf))
                        runStart = i + 1
                    } else if c == 0xe2 && byte(i + 1) == 0x80 && (byte(i + 2) == 0xa8 || byte(i + 2) == 0xa9) {
                        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[runStart..<i]))
                        JSONStringEscaping.appendLiteral(byte(i + 2) == 0xa8 ? "\\u2028" : "\\u2029", to: &out)
                        runStart = i + 3
                        i += 2
                    }
                }
                switch c {
                case UInt8(ascii: "\\"):
                    i += 1
                    if byte(i) == 0 { throw fail(i, "unexpected end of input in a string") }
                case UInt8(ascii: "\""):
                    out.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[runStart...i]))
                    return i + 1
                case 0:
                    throw fail(i, "unexpected end of input in a string")
                default:
                    break
                }
            }
        }

        /// A run of `0-9 . e E + -` that Go's `strconv.ParseFloat` accepts (and that does not
        /// overflow a float64), copied as written.
        func number(at start: Int, into out: inout [UInt8]) throws -> Int {
            var i = start
            while true {
                switch byte(i) {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
                     UInt8(ascii: "+"), UInt8(ascii: "-"):
                    i += 1
                    continue
                default:
                    break
                }
                break
            }
            let token = UnsafeRawBufferPointer(rebasing: text[start..<i])
            guard GoParseFloat.isValidSyntax(token) else { throw fail(start, "invalid number") }
            guard GoParseFloat.fitsFloat64(token) else { throw fail(start, "number out of range") }
            out.append(contentsOf: token)
            return i
        }

        func literal(_ word: StaticString, at start: Int, into out: inout [UInt8]) throws -> Int {
            let length = word.utf8CodeUnitCount
            for k in 0..<length where byte(start + k) != word.utf8Start[k] {
                throw fail(start + k, "invalid literal")
            }
            JSONStringEscaping.appendLiteral(word, to: &out)
            return start + length
        }
    }
}

/// The parts of Go's `strconv.ParseFloat(s, 64)` that matter for a token made of
/// `0-9 . e E + -`.
enum GoParseFloat {
    /// `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`, with at least one
    /// mantissa digit; the whole token must be consumed.
    static func isValidSyntax(_ token: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = token.count
        func isDigit(_ k: Int) -> Bool { k < n && token[k] >= 0x30 && token[k] <= 0x39 }
        if i < n && (token[i] == UInt8(ascii: "+") || token[i] == UInt8(ascii: "-")) { i += 1 }
        var sawDigits = false
        var sawDot = false
        while i < n {
            if isDigit(i) {
                sawDigits = true
            } else if token[i] == UInt8(ascii: "."), !sawDot {
                sawDot = true
            } else {
                break
            }
            i += 1
        }
        guard sawDigits else { return false }
        if i < n && (token[i] == UInt8(ascii: "e") || token[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (token[i] == UInt8(ascii: "+") || token[i] == UInt8(ascii: "-")) { i += 1 }
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
        }
        return i == n
    }

    /// False when the value rounds to ±Inf (Go returns ErrRange); underflow to 0 is accepted.
    static func fitsFloat64(_ token: UnsafeRawBufferPointer) -> Bool {
        // Without an exponent only an absurdly long mantissa could overflow.
        if token.count < 300 && !token.contains(UInt8(ascii: "e")) && !token.contains(UInt8(ascii: "E")) {
            return true
        }
        guard let value = Double(String(decoding: token, as: UTF8.self)) else { return false }
        return value.isFinite
    }
}
