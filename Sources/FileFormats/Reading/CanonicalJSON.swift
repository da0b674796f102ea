/// What plugin-sdk's JSON extension builder stores for a value it decodes: Go decodes the text
/// into `any` and marshals it again with goccy/go-json (HTML escaping off). So the stored bytes
/// are compact, object keys are sorted (by their encoded bytes) with the last of duplicate keys
/// kept, strings are re-escaped, and numbers are either kept as written (`UseNumber`, the JSON
/// Lines reader) or went through float64 (`numbersAsFloat`, the CSV reader's plain decoder).
enum CanonicalJSON {
    /// Reads one value from `scanner` and appends its canonical form to `out`.
    static func append(from scanner: inout JSONScanner, numbersAsFloat: Bool, depth: Int = 0,
                       to out: inout [UInt8]) throws {
        guard depth < 10_000 else { throw ValueError("JSON nested too deeply") }
        switch try scanner.peekKind() {
        case .null, .bool:
            switch try scanner.readLiteral() {
            case .some(true): out.append(contentsOf: "true".utf8)
            case .some(false): out.append(contentsOf: "false".utf8)
            case .none: out.append(contentsOf: "null".utf8)
            }
        case .number:
            let text = try scanner.readNumber()
            if numbersAsFloat {
                guard let value = GoTextParsing.parseFloat64(text) else {
                    throw ValueError("number \(ObjectDecodingError.excerpt(text)) is out of the float64 range")
                }
                GoFloatFormatting.appendJSON(value, to: &out)
            } else {
                out.append(contentsOf: text)
            }
        case .string:
            JSONStringEscaping.append(try scanner.readString(), escapeHTML: false, to: &out)
        case .array:
            try scanner.expect(UInt8(ascii: "["))
            out.append(UInt8(ascii: "["))
            var first = true
            while try scanner.nextMember(closing: UInt8(ascii: "]"), first: first) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                try append(from: &scanner, numbersAsFloat: numbersAsFloat, depth: depth + 1, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object:
            try scanner.expect(UInt8(ascii: "{"))
            // (encoded key, encoded value); duplicates: the last one wins, like a Go map.
            var members: [([UInt8], [UInt8])] = []
            var first = true
            while try scanner.nextMember(closing: UInt8(ascii: "}"), first: first) {
                first = false
                var key: [UInt8] = []
                JSONStringEscaping.append(try scanner.readString(), escapeHTML: false, to: &key)
                try scanner.expect(UInt8(ascii: ":"))
                var value: [UInt8] = []
                try append(from: &scanner, numbersAsFloat: numbersAsFloat, depth: depth + 1, to: &value)
                if let existing = members.firstIndex(where: { $0.0 == key }) {
                    members[existing].1 = value
                } else {
                    members.append((key, value))
                }
            }
            members.sort { $0.0.lexicographicallyPrecedes($1.0) }
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: member.0)
                out.append(UInt8(ascii: ":"))
                out.append(contentsOf: member.1)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
