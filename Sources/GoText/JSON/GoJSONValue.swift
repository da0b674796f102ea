/// A JSON document as Go's `encoding/json` reads it before deciding what to unmarshal it into
/// (its `any` with the number literals kept): number literals as written (the CLI may send
/// integers beyond Int64), object members in document order, and duplicate keys (a Go map or
/// struct keeps the last one). Parsed by `GoJSONValue.parse`.
public enum GoJSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The literal text, already checked against the JSON number grammar.
    case number(String)
    case string(String)
    case array([GoJSONValue])
    case object([GoJSONMember])

    /// Parses one JSON text (Go's `json.Unmarshal` syntax rules; see `GoJSONParser`).
    public static func parse<Bytes: Collection>(_ bytes: Bytes) throws(GoJSONSyntaxError) -> GoJSONValue
    where Bytes.Element == UInt8 {
        try GoJSONParser.parse(bytes)
    }

    /// The word Go uses for this kind of value in "cannot unmarshal X into ..." messages.
    public var goKindName: String {
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

public struct GoJSONMember: Sendable, Equatable {
    public let key: String
    public let value: GoJSONValue

    public init(key: String, value: GoJSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON syntax error; `message` is the text Go's scanner produces for the same input.
public struct GoJSONSyntaxError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
