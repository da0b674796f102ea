import GoText

/// A parsed JSON document that keeps the distinctions the credential formats care about (an integer
/// `Version` is not a string "1", `true` is not 1), with Go's key matching for struct fields: an exact
/// key first, else a case-insensitive one (`encoding/json` accepts `accessKeyId` for `AccessKeyId`).
enum JSONValue: Sendable, Equatable, Encodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Parses `bytes` as the AWS SDK for Go's `json.Unmarshal` reads them (GoText's encoding/json
    /// reader); `nil` when they are not JSON or hold a number beyond float64 (Go: a range error).
    static func parse(_ bytes: [UInt8]) -> JSONValue? {
        guard let document = try? GoJSONValue.parse(bytes) else { return nil }
        return JSONValue(document)
    }

    /// Integers that fit Int64 stay exact; of repeated keys the last one wins, as in Go.
    private init?(_ document: GoJSONValue) {
        switch document {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .string(let value): self = .string(value)
        case .number(let literal):
            if let integer = Int64(literal) {
                self = .integer(integer)
            } else if let double = GoFloatFormatting.parseFloat64(literal) {
                self = .number(double)
            } else {
                return nil
            }
        case .array(let elements):
            var values: [JSONValue] = []
            values.reserveCapacity(elements.count)
            for element in elements {
                guard let value = JSONValue(element) else { return nil }
                values.append(value)
            }
            self = .array(values)
        case .object(let members):
            var values: [String: JSONValue] = [:]
            for member in members {
                guard let value = JSONValue(member.value) else { return nil }
                values[member.key] = value
            }
            self = .object(values)
        }
    }

    /// The member `key` of an object as Go matches a struct field (exact, else Go's case folding),
    /// `nil` otherwise.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        if let exact = members[key] { return exact }
        return GoJSONFieldName.match(key, in: members.map { (name: $0.key, field: $0.value) })?.field
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var integerValue: Int64? {
        switch self {
        case .integer(let value): return value
        case .number(let value) where value.rounded() == value && abs(value) < 9.2e18: return Int64(value)
        default: return nil
        }
    }

    var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The JSON type name, for "expected a string, got a number" style errors.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer, .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
