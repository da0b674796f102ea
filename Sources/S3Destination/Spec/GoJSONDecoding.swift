import GoText

/// The parts of Go's `encoding/json` struct decoding that decide which spec is accepted and what
/// the error says, applied to an already parsed `GoJSONValue`:
///
/// - keys match a field exactly, else case-insensitively (GoText's `GoJSONFieldName`);
/// - `null` leaves a plain field unchanged and sets a pointer field to nil;
/// - a value of the wrong JSON type is skipped and remembered; decoding continues and the
///   first such error is reported (`json: cannot unmarshal string into Go struct field
///   Spec.batch_size of type int64`);
/// - a few errors (from a custom `UnmarshalJSON`) stop decoding at once and win over
///   remembered ones (`GoDecodeAbort`).
struct GoDecodeState {
    private(set) var savedError: String?

    mutating func save(_ message: String) {
        if savedError == nil {
            savedError = message
        }
    }
}

/// An error that ends decoding immediately (Go returns it instead of saving it).
struct GoDecodeAbort: Error {
    let message: String
}

/// Where a value sits, for Go's error text: the innermost Go struct type name and the JSON
/// field names from the root (with embedded struct names, as Go 1.24+ prints them).
struct GoFieldContext {
    let structName: String
    let fieldPath: [String]

    func appending(_ field: String, inStruct structName: String) -> GoFieldContext {
        GoFieldContext(structName: structName, fieldPath: fieldPath + [field])
    }
}

enum GoJSON {
    /// `json: cannot unmarshal <what> into Go struct field <Struct>.<path> of type <type>`,
    /// or `... into Go value of type <type>` at the top level.
    static func typeError(_ what: String, goType: String, _ context: GoFieldContext?) -> String {
        if let context {
            return "json: cannot unmarshal \(what) into Go struct field "
                + "\(context.structName).\(context.fieldPath.joined(separator: ".")) of type \(goType)"
        }
        return "json: cannot unmarshal \(what) into Go value of type \(goType)"
    }

    /// A string-kind field. Returns the new value, or nil to leave the field unchanged.
    static func string(
        _ value: GoJSONValue, goType: String = "string", _ context: GoFieldContext?, _ state: inout GoDecodeState
    ) -> String? {
        switch value {
        case .string(let s): return s
        case .null: return nil
        default:
            state.save(typeError(value.goKindName, goType: goType, context))
            return nil
        }
    }

    /// A bool field. Returns the new value, or nil to leave the field unchanged.
    static func bool(_ value: GoJSONValue, _ context: GoFieldContext?, _ state: inout GoDecodeState) -> Bool? {
        switch value {
        case .bool(let b): return b
        case .null: return nil
        default:
            state.save(typeError(value.goKindName, goType: "bool", context))
            return nil
        }
    }

    /// A `*bool` field: `null` clears it.
    static func optionalBool(
        _ value: GoJSONValue, current: Bool?, _ context: GoFieldContext?, _ state: inout GoDecodeState
    ) -> Bool? {
        if case .null = value { return nil }
        return bool(value, context, &state) ?? current
    }

    /// A `*int64` / `*int` field (64-bit): the literal must parse as a base-10 integer in range
    /// (Go's `strconv.ParseInt`), so `1.0`, `1e3` and `12345678901234567890` are refused.
    static func optionalInt64(
        _ value: GoJSONValue, goType: String, current: Int64?, _ context: GoFieldContext?,
        _ state: inout GoDecodeState
    ) -> Int64? {
        switch value {
        case .null:
            return nil
        case .number(let literal):
            if let n = Int64(literal) { return n }
            state.save(typeError("number " + literal, goType: goType, context))
            return current
        default:
            state.save(typeError(value.goKindName, goType: goType, context))
            return current
        }
    }
}
