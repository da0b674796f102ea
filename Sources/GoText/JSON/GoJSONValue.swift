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
    public static func parse<Bytes: Collection>(_ bytes: Bytes) throws(GoJSONError) -> GoJSONValue
    where Bytes.Element == UInt8 {
        let parsed: Result<GoJSONDocument, GoJSONError> = Array(bytes).withUnsafeBytes { raw in
            do throws(GoJSONError) {
                return .success(try GoJSONDocument(parsing: raw))
            } catch {
                return .failure(error)
            }
        }
        return GoJSONValue(try parsed.get())
    }

    /// The tree of a parsed document, built bottom-up from its flat nodes (every container
    /// comes after its children), so building it needs no recursion.
    init(_ document: GoJSONDocument) {
        var built: [GoJSONValue] = []
        built.reserveCapacity(document.nodes.count)
        for node in document.nodes {
            switch node {
            case .null: built.append(.null)
            case .bool(let value): built.append(.bool(value))
            case .number(let range): built.append(.number(document.string(range)))
            case .string(let range): built.append(.string(document.string(range)))
            case .array(let range): built.append(.array(document.children[range].map { built[$0] }))
            case .object(let range):
                var members: [GoJSONMember] = []
                members.reserveCapacity(range.count / 2)
                for k in stride(from: range.lowerBound, to: range.upperBound, by: 2) {
                    guard case .string(let key) = document.nodes[document.children[k]] else { continue }
                    members.append(GoJSONMember(key: document.string(key), value: built[document.children[k + 1]]))
                }
                built.append(.object(members))
            }
        }
        self = built[document.root]
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
}

/// A JSON document Go's `encoding/json` refuses; `message` is Go's text for the same input
/// (its scanner's syntax errors, or an unmarshalling error such as a number beyond float64).
public struct GoJSONError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
