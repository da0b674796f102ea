import GoText

/// Marshals a `GoJSONDocument` (numbers read as float64, as Go's `json.Unmarshal` into `any`
/// does) as goccy/go-json does with HTML escaping off, every object key sanitised (`\W` → `_`)
/// and the members sorted by key. Iterative, like the parser.
struct AthenaJSONWriter {
    let document: GoJSONDocument

    private enum Frame {
        case array(elements: ArraySlice<Int>, next: Int)
        case object(members: [(key: [UInt8], value: Int)], next: Int)
    }

    func write(to out: inout [UInt8]) {
        var stack: [Frame] = []
        open(document.root, stack: &stack, out: &out)
        while let frame = stack.popLast() {
            switch frame {
            case .array(let elements, let next):
                guard next < elements.endIndex else {
                    out.append(UInt8(ascii: "]"))
                    continue
                }
                if next > elements.startIndex { out.append(UInt8(ascii: ",")) }
                stack.append(.array(elements: elements, next: next + 1))
                open(elements[next], stack: &stack, out: &out)
            case .object(let members, let next):
                guard next < members.count else {
                    out.append(UInt8(ascii: "}"))
                    continue
                }
                if next > 0 { out.append(UInt8(ascii: ",")) }
                // Sanitised keys are plain ASCII word characters: nothing to escape.
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: members[next].key)
                out.append(UInt8(ascii: "\""))
                out.append(UInt8(ascii: ":"))
                stack.append(.object(members: members, next: next + 1))
                open(members[next].value, stack: &stack, out: &out)
            }
        }
    }

    /// Writes a scalar, or the opening bracket of a container (whose frame is pushed).
    private func open(_ index: Int, stack: inout [Frame], out: inout [UInt8]) {
        switch document.nodes[index] {
        case .null:
            JSONStringEscaping.appendLiteral("null", to: &out)
        case .bool(let value):
            if value { JSONStringEscaping.appendLiteral("true", to: &out) } else { JSONStringEscaping.appendLiteral("false", to: &out) }
        case .number(let range):
            GoFloatFormatting.appendJSON(document.float64(range), to: &out)
        case .string(let range):
            document.bytes.withUnsafeBytes {
                JSONStringEscaping.append(UnsafeRawBufferPointer(rebasing: $0[range]), escapeHTML: false, to: &out)
            }
        case .array(let range):
            out.append(UInt8(ascii: "["))
            let elements = document.children[range]
            stack.append(.array(elements: elements, next: elements.startIndex))
        case .object(let range):
            out.append(UInt8(ascii: "{"))
            stack.append(.object(members: members(range), next: 0))
        }
    }

    /// An object's members with sanitised keys, sorted by key, one per key (the last one in
    /// the text wins, which also covers Go's map semantics for literally repeated keys).
    private func members(_ range: Range<Int>) -> [(key: [UInt8], value: Int)] {
        var members: [(key: [UInt8], value: Int, position: Int)] = []
        members.reserveCapacity(range.count / 2)
        var k = range.lowerBound
        while k + 1 < range.upperBound {
            guard case .string(let keyRange) = document.nodes[document.children[k]] else { k += 2; continue }
            members.append((Self.sanitizedKey(document.text(keyRange)), document.children[k + 1], k))
            k += 2
        }
        members.sort { a, b in
            a.key == b.key ? a.position < b.position : a.key.lexicographicallyPrecedes(b.key)
        }
        var unique: [(key: [UInt8], value: Int)] = []
        unique.reserveCapacity(members.count)
        for (offset, member) in members.enumerated() {
            if offset + 1 < members.count && members[offset + 1].key == member.key { continue }
            unique.append((member.key, member.value))
        }
        return unique
    }

    /// Go's `regexp.MustCompile(`\W`).ReplaceAllString(key, "_")` on a valid UTF-8 key: each
    /// character outside `[0-9A-Za-z_]` becomes one `_`.
    static func sanitizedKey(_ key: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(key.count)
        var i = key.startIndex
        while i < key.endIndex {
            let c = key[i]
            let width: Int
            switch c {
            case 0..<0x80: width = 1
            case 0xc0..<0xe0: width = 2
            case 0xe0..<0xf0: width = 3
            default: width = c >= 0xf0 ? 4 : 1
            }
            let isWord = (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || c == UInt8(ascii: "_")
            out.append(isWord ? c : UInt8(ascii: "_"))
            i += min(width, key.endIndex - i)
        }
        return out
    }
}
