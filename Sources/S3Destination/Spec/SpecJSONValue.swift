/// A parsed JSON document that keeps what Go's `encoding/json` looks at and Foundation's
/// `JSONSerialization` loses: number literals as written (the CLI may send integers beyond
/// Int64), object members in document order, and duplicate keys (Go: the last one wins).
enum SpecJSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The literal text, already checked against the JSON number grammar.
    case number(String)
    case string(String)
    case array([SpecJSONValue])
    case object([SpecJSONMember])

    /// The word Go uses for this kind of value in "cannot unmarshal X into ..." messages.
    var goKindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

struct SpecJSONMember: Sendable, Equatable {
    let key: String
    let value: SpecJSONValue
}

/// A JSON syntax error; `message` is the text Go's scanner produces for the same input.
struct SpecJSONSyntaxError: Error, Equatable {
    let message: String
}
