/// encoding/json's string escapes (Go `encoding/json/decode.go` `unquoteBytes` and `getu4`), for
/// every reader of JSON strings: the document parser here and FileFormats' JSON Lines scanner.
public enum GoJSONEscape {
    /// The byte a one-character escape (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`) stands
    /// for; nil for `u` and for characters that are not escapes.
    @inlinable
    public static func simpleEscape(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return c
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        default: return nil
        }
    }

    /// The value of a hexadecimal digit of a `\u` escape; nil for other bytes.
    @inlinable
    public static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Whether a `\u` escape's value is a UTF-16 surrogate (U+D800–U+DFFF).
    @inlinable
    public static func isSurrogate(_ value: UInt32) -> Bool {
        (0xD800..<0xE000).contains(value)
    }

    /// Go's `utf16.DecodeRune`: the code point of a high surrogate followed by a low one, nil
    /// when they are not such a pair (Go then writes U+FFFD for the first escape alone).
    @inlinable
    public static func surrogatePair(_ high: UInt32, _ low: UInt32) -> UInt32? {
        guard (0xD800..<0xDC00).contains(high), (0xDC00..<0xE000).contains(low) else { return nil }
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    }
}
