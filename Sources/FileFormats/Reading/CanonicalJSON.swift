import GoText

/// What plugin-sdk's JSON extension builder stores for a value it decodes: Go decodes the text
/// into `any` and marshals it again with goccy/go-json (HTML escaping off). So the stored bytes
/// are compact, object keys are sorted (by their encoded bytes) with the last of duplicate keys
/// kept, strings are re-escaped, and numbers are either kept as written (`UseNumber`, the JSON
/// Lines reader) or went through float64 (`numbersAsFloat`, the CSV reader's plain decoder).
///
/// Iterative: open arrays and objects are frames on a heap stack, so a hostile cell nesting
/// thousands of levels costs heap, never the worker thread's stack; past Go's 10 000 levels
/// (encoding/json `scanner.go` `maxNestingDepth`) it is refused with Go's "exceeded max depth".
enum CanonicalJSON {
    static let maximumDepth = 10_000

    /// An open container. An array's elements go straight to the output; an object's member
    /// values are collected (each in a buffer of its own) so that they can be sorted by key.
    private enum Frame {
        case array
        case object(members: [(key: [UInt8], value: [UInt8])], key: [UInt8], parent: [UInt8])
    }

    /// Reads one value from `scanner` and appends its canonical form to `out` (on error `out`
    /// holds an unspecified prefix).
    static func append(from scanner: inout JSONScanner, numbersAsFloat: Bool, to out: inout [UInt8]) throws {
        var frames: [Frame] = []
        // Where the value being read is written: `out`, or an object member's own buffer.
        var current: [UInt8] = []
        swap(&current, &out)
        defer { if frames.isEmpty { swap(&current, &out) } }

        nextValue: while true {
            switch try scanner.peekKind() {
            case .null, .bool:
                switch try scanner.readLiteral() {
                case .some(true): current.append(contentsOf: "true".utf8)
                case .some(false): current.append(contentsOf: "false".utf8)
                case .none: current.append(contentsOf: "null".utf8)
                }
            case .number:
                let text = try scanner.readNumber()
                if numbersAsFloat {
                    guard let value = GoTextParsing.parseFloat64(text) else {
                        throw ValueError("number \(ObjectDecodingError.excerpt(text)) is out of the float64 range")
                    }
                    GoFloatFormatting.appendJSON(value, to: &current)
                } else {
                    current.append(contentsOf: text)
                }
            case .string:
                JSONStringEscaping.append(try scanner.readString(), escapeHTML: false, to: &current)
            case .array:
                guard frames.count < maximumDepth else { throw tooDeep() }
                try scanner.expect(UInt8(ascii: "["))
                current.append(UInt8(ascii: "["))
                if try scanner.nextMember(closing: UInt8(ascii: "]"), first: true) {
                    frames.append(.array)
                    continue nextValue
                }
                current.append(UInt8(ascii: "]"))
            case .object:
                guard frames.count < maximumDepth else { throw tooDeep() }
                try scanner.expect(UInt8(ascii: "{"))
                if try scanner.nextMember(closing: UInt8(ascii: "}"), first: true) {
                    frames.append(.object(members: [], key: try readKey(&scanner), parent: current))
                    current = []
                    continue nextValue
                }
                current.append(contentsOf: "{}".utf8)
            }
            // A value ended: go on to the next member of its container, or close containers.
            while let frame = frames.popLast() {
                switch frame {
                case .array:
                    if try scanner.nextMember(closing: UInt8(ascii: "]"), first: false) {
                        current.append(UInt8(ascii: ","))
                        frames.append(.array)
                        continue nextValue
                    }
                    current.append(UInt8(ascii: "]"))
                case .object(var members, let key, let parent):
                    // Duplicates: the last one wins, like a Go map.
                    if let existing = members.firstIndex(where: { $0.key == key }) {
                        members[existing].value = current
                    } else {
                        members.append((key, current))
                    }
                    if try scanner.nextMember(closing: UInt8(ascii: "}"), first: false) {
                        frames.append(.object(members: members, key: try readKey(&scanner), parent: parent))
                        current = []
                        continue nextValue
                    }
                    members.sort { $0.key.lexicographicallyPrecedes($1.key) }
                    current = parent
                    current.append(UInt8(ascii: "{"))
                    for (index, member) in members.enumerated() {
                        if index > 0 { current.append(UInt8(ascii: ",")) }
                        current.append(contentsOf: member.key)
                        current.append(UInt8(ascii: ":"))
                        current.append(contentsOf: member.value)
                    }
                    current.append(UInt8(ascii: "}"))
                }
            }
            return
        }
    }

    /// A member's key (encoded as it will be written) and its `:`.
    private static func readKey(_ scanner: inout JSONScanner) throws -> [UInt8] {
        var key: [UInt8] = []
        JSONStringEscaping.append(try scanner.readString(), escapeHTML: false, to: &key)
        try scanner.expect(UInt8(ascii: ":"))
        return key
    }

    private static func tooDeep() -> ValueError {
        ValueError("exceeded max depth: JSON nests more than \(maximumDepth) arrays and objects")
    }
}
