/// Go's UTF-8 rules (`unicode/utf8.DecodeRune`, which encoding/json, goccy/go-json and arrow-go
/// all apply): overlong forms, surrogates and code points above U+10FFFF are invalid, and an
/// invalid or truncated sequence is exactly one bad byte. Swift's own repair merges some bad
/// bytes into one U+FFFD, so every place that must match Go's output byte for byte decodes here.
///
/// What a caller does with a bad byte is its own rule, named by the function it calls:
/// - `firstInvalidByte` — arrow-go's `ValidateFull`: the string is refused;
/// - `appendReplacingInvalid` — encoding/json's string decoding: each bad byte becomes U+FFFD;
/// - `decode` — goccy/go-json's encoder, which also needs to see U+2028 and U+2029.
public enum GoUTF8 {
    public enum State: Sendable { case valid, invalid, lineSeparator, paragraphSeparator }

    /// The sequence starting at `i` and its length; an invalid sequence has length 1.
    /// U+2028 and U+2029 are reported apart from other valid sequences (goccy escapes them).
    @inlinable @inline(__always)
    public static func decode(_ bytes: UnsafeRawBufferPointer, at i: Int) -> (State, Int) {
        let count = bytes.count - i
        let b0 = bytes[i]
        func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xbf) -> Bool {
            k < count && bytes[i + k] >= low && bytes[i + k] <= high
        }
        switch b0 {
        case 0..<0x80:
            return (.valid, 1)
        case 0xc2...0xdf:
            return continuation(1) ? (.valid, 2) : (.invalid, 1)
        case 0xe0...0xef:
            let secondLow: UInt8 = b0 == 0xe0 ? 0xa0 : 0x80
            let secondHigh: UInt8 = b0 == 0xed ? 0x9f : 0xbf
            guard count >= 3, continuation(1, secondLow, secondHigh), continuation(2) else { return (.invalid, 1) }
            if b0 == 0xe2 && bytes[i + 1] == 0x80 {
                if bytes[i + 2] == 0xa8 { return (.lineSeparator, 3) }
                if bytes[i + 2] == 0xa9 { return (.paragraphSeparator, 3) }
            }
            return (.valid, 3)
        case 0xf0...0xf4:
            let secondLow: UInt8 = b0 == 0xf0 ? 0x90 : 0x80
            let secondHigh: UInt8 = b0 == 0xf4 ? 0x8f : 0xbf
            guard count >= 4, continuation(1, secondLow, secondHigh), continuation(2), continuation(3) else {
                return (.invalid, 1)
            }
            return (.valid, 4)
        default:
            return (.invalid, 1)
        }
    }

    /// The position of the first byte that is not part of valid UTF-8, or nil when all are
    /// (arrow-go refuses such a string). ASCII, the common case, is skipped eight bytes at a time.
    public static func firstInvalidByte(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var position = 0
        let count = bytes.count
        while position + 8 <= count,
              bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            position += 8
        }
        while position < count {
            if bytes[position] < 0x80 {
                position += 1
                continue
            }
            let (state, length) = decode(bytes, at: position)
            if state == .invalid { return position }
            position += length
        }
        return nil
    }

    /// Appends the sequence at `i` of non-ASCII `bytes` to `out` the way encoding/json decodes a
    /// string: a valid sequence is copied, a bad byte becomes U+FFFD. Returns the bytes consumed.
    static func appendReplacingInvalid(_ bytes: UnsafeRawBufferPointer, at i: Int, to out: inout [UInt8]) -> Int {
        let (state, length) = decode(bytes, at: i)
        if state == .invalid {
            out.append(contentsOf: [0xEF, 0xBF, 0xBD])
        } else {
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[i..<(i + length)]))
        }
        return length
    }

    /// Appends the UTF-8 encoding of `value` (U+FFFD for surrogates or values past U+10FFFF, as
    /// Go's `utf8.AppendRune`).
    static func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        UTF8.encode(scalar) { out.append($0) }
    }
}
