import GoText

/// A byte-level reader of one JSON text (one JSON Lines line), strict like Go's
/// `encoding/json` decoder: no comments, no trailing commas, no bare control characters in
/// strings. Numbers are handed out as their exact text, so int64/uint64/decimal values never
/// pass through a Double. Strings are unescaped as Go does it: invalid UTF-8 and lone
/// surrogates become U+FFFD.
///
/// Works in place on the object's bytes; escaped strings are unescaped into `scratch`.
struct JSONScanner {
    enum ValueKind {
        case object, array, string, number, bool, null
    }

    private let bytes: UnsafeRawBufferPointer
    private(set) var position: Int
    private let end: Int
    /// Unescaped text of the last string that needed it (valid until the next string read).
    private let scratch: ByteScratch

    init(_ bytes: UnsafeRawBufferPointer, scratch: ByteScratch) {
        self.bytes = bytes
        self.position = 0
        self.end = bytes.count
        self.scratch = scratch
    }

    // MARK: structure

    @inline(__always)
    mutating func skipWhitespace() {
        while position < end {
            let byte = bytes[position]
            guard byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09 else { return }
            position += 1
        }
    }

    var atEnd: Bool { position >= end }

    /// The kind of the next value (whitespace skipped); throws at the end of input or on a
    /// byte that cannot start a value.
    mutating func peekKind() throws -> ValueKind {
        skipWhitespace()
        guard position < end else { throw ValueError("unexpected end of JSON input") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw unexpected("a JSON value")
        }
    }

    /// Consumes `byte` (after whitespace) or throws.
    mutating func expect(_ byte: UInt8) throws {
        skipWhitespace()
        guard position < end, bytes[position] == byte else {
            throw unexpected("'\(Character(Unicode.Scalar(byte)))'")
        }
        position += 1
    }

    /// After a `{` or `[` and each member: true when another member follows (consuming the
    /// comma), false at the closing bracket (consumed too).
    mutating func nextMember(closing: UInt8, first: Bool) throws -> Bool {
        skipWhitespace()
        guard position < end else { throw ValueError("unexpected end of JSON input") }
        let byte = bytes[position]
        if byte == closing {
            position += 1
            return false
        }
        if first { return true }
        guard byte == UInt8(ascii: ",") else {
            throw unexpected("',' or '\(Character(Unicode.Scalar(closing)))'")
        }
        position += 1
        return true
    }

    // MARK: scalars

    /// Consumes `true`, `false` or `null`; returns the bool (nil for null).
    mutating func readLiteral() throws -> Bool? {
        skipWhitespace()
        func match(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard end - position >= count else { return false }
            let start = word.utf8Start
            for k in 0..<count where bytes[position + k] != start[k] { return false }
            position += count
            return true
        }
        if match("true") { return true }
        if match("false") { return false }
        if match("null") { return nil }
        throw unexpected("true, false or null")
    }

    /// Consumes `null` if it comes next.
    mutating func skipNull() -> Bool {
        skipWhitespace()
        guard end - position >= 4, bytes[position] == UInt8(ascii: "n"), bytes[position + 1] == UInt8(ascii: "u"),
              bytes[position + 2] == UInt8(ascii: "l"), bytes[position + 3] == UInt8(ascii: "l") else { return false }
        position += 4
        return true
    }

    /// Consumes a JSON number and returns its exact text.
    mutating func readNumber() throws -> UnsafeRawBufferPointer {
        skipWhitespace()
        let start = position
        func digit() -> Bool { position < end && bytes[position] >= 0x30 && bytes[position] <= 0x39 }
        if position < end && bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard digit() else { throw unexpected("a number") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while digit() { position += 1 }
        }
        if position < end && bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digit() else { throw unexpected("a digit after the decimal point") }
            while digit() { position += 1 }
        }
        if position < end && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
            position += 1
            if position < end && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
                position += 1
            }
            guard digit() else { throw unexpected("a digit in the exponent") }
            while digit() { position += 1 }
        }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<position])
    }

    /// Consumes a string and returns its unescaped UTF-8 (valid until the next string read).
    mutating func readString() throws -> UnsafeRawBufferPointer {
        try expect(UInt8(ascii: "\""))
        let start = position
        // Fast path: no escapes, ASCII or valid UTF-8 → the bytes in place.
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return UnsafeRawBufferPointer(rebasing: bytes[start..<(position - 1)])
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            if byte >= 0x80 {
                let (state, length) = GoUTF8.decode(bytes, at: position)
                if case .invalid = state { break }
                position += length
            } else {
                position += 1
            }
        }
        scratch.count = 0
        scratch.append(UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
        return try readStringSlowly()
    }

    private mutating func readStringSlowly() throws -> UnsafeRawBufferPointer {
        while position < end {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return scratch.bytes
            case UInt8(ascii: "\\"):
                position += 1
                guard position < end else { break }
                let escape = bytes[position]
                position += 1
                if let unescaped = GoJSONEscape.simpleEscape(escape) {
                    scratch.append(unescaped)
                    continue
                }
                switch escape {
                case UInt8(ascii: "u"):
                    var scalar = try readHex4()
                    if GoJSONEscape.isSurrogate(scalar) {
                        // A high surrogate combines with a following \u low surrogate; alone it
                        // is U+FFFD (and the next escape is read on its own).
                        let high = scalar
                        let save = position
                        scalar = 0xfffd
                        if high < 0xdc00, end - position >= 6, bytes[position] == UInt8(ascii: "\\"),
                           bytes[position + 1] == UInt8(ascii: "u") {
                            position += 2
                            if let pair = GoJSONEscape.surrogatePair(high, try readHex4()) {
                                scalar = pair
                            } else {
                                position = save
                            }
                        }
                    }
                    scratch.appendScalar(scalar)
                default:
                    position -= 1
                    throw unexpected("a valid escape character")
                }
            default:
                if byte < 0x20 { throw unexpected("a string character (control characters must be escaped)") }
                if byte < 0x80 {
                    scratch.append(byte)
                    position += 1
                } else {
                    let (state, length) = GoUTF8.decode(bytes, at: position)
                    if case .invalid = state {
                        scratch.appendScalar(0xfffd)
                    } else {
                        scratch.append(UnsafeRawBufferPointer(rebasing: bytes[position..<(position + length)]))
                    }
                    position += length
                }
            }
        }
        throw ValueError("unexpected end of JSON input inside a string")
    }

    private mutating func readHex4() throws -> UInt32 {
        guard end - position >= 4 else { throw ValueError("unexpected end of JSON input in a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = GoJSONEscape.hexValue(bytes[position]) else {
                throw unexpected("a hex digit in a \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// Consumes any value (checking its syntax), e.g. the value of an unknown key. Iterative
    /// (the open containers' closing brackets on a heap stack), refused past Go's 10 000 levels.
    mutating func skipValue() throws {
        var closers: [UInt8] = []
        nextValue: while true {
            switch try peekKind() {
            case .object, .array:
                guard closers.count < CanonicalJSON.maximumDepth else {
                    throw ValueError("exceeded max depth: JSON nests more than \(CanonicalJSON.maximumDepth) arrays and objects")
                }
                let closer = bytes[position] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                position += 1
                if try nextMember(closing: closer, first: true) {
                    closers.append(closer)
                    if closer == UInt8(ascii: "}") { try skipKey() }
                    continue nextValue
                }
            case .string: _ = try readString()
            case .number: _ = try readNumber()
            case .bool, .null: _ = try readLiteral()
            }
            while let closer = closers.last {
                guard try nextMember(closing: closer, first: false) else {
                    closers.removeLast()
                    continue
                }
                if closer == UInt8(ascii: "}") { try skipKey() }
                continue nextValue
            }
            return
        }
    }

    private mutating func skipKey() throws {
        _ = try readString()
        try expect(UInt8(ascii: ":"))
    }

    // MARK: errors

    /// "invalid character 'x' at byte N, expected …" (or end of input).
    func unexpected(_ expected: String) -> ValueError {
        guard position < end else { return ValueError("unexpected end of JSON input, expected \(expected)") }
        let byte = bytes[position]
        let shown = byte >= 0x20 && byte < 0x7f ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        return ValueError("invalid character \(shown) at byte \(position + 1), expected \(expected)")
    }
}

/// A growable byte buffer whose storage address is stable between appends that fit, so a
/// scanner can hand out views of it (valid until its next write).
final class ByteScratch {
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    var count = 0

    init(capacity: Int = 256) {
        self.capacity = capacity
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
    }

    deinit { storage.deallocate() }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage, count: count) }

    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let newCapacity = max(capacity * 2, count + extra)
        let grown = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 8)
        grown.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = grown
        capacity = newCapacity
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        storage.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (storage + count).copyMemory(from: base, byteCount: bytes.count)
        count += bytes.count
    }

    /// UTF-8 of a Unicode scalar (callers pass valid scalars).
    func appendScalar(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            append(UInt8(scalar))
        case 0x80..<0x800:
            append(UInt8(0xc0 | scalar >> 6)); append(UInt8(0x80 | scalar & 0x3f))
        case 0x800..<0x10000:
            append(UInt8(0xe0 | scalar >> 12)); append(UInt8(0x80 | scalar >> 6 & 0x3f))
            append(UInt8(0x80 | scalar & 0x3f))
        default:
            append(UInt8(0xf0 | scalar >> 18)); append(UInt8(0x80 | scalar >> 12 & 0x3f))
            append(UInt8(0x80 | scalar >> 6 & 0x3f)); append(UInt8(0x80 | scalar & 0x3f))
        }
    }
}
