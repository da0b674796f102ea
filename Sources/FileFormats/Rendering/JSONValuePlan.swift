import Arrow

/// How the values of one Arrow field are written as JSON, matching what the Go plugin emits:
/// arrow-go's `GetOneForMarshal` (plus CloudQuery's extension arrays) encoded by goccy/go-json.
///
/// Built once per schema (it depends only on the fields) and bound to each batch's arrays with
/// `bind`, which yields the `JSONValueWriter` that renders values. Two encoding contexts exist
/// because of how Go gets there:
/// - directly (the JSON Lines writer encodes a row map with HTML escaping off), and
/// - inside a list: arrow-go renders a list value with `json.Marshal`, whose default HTML
///   escaping then applies to every string below it, struct keys included, and whose key sort
///   compares the escaped keys. Such values are passed `html: true`.
/// float32/float64 NaN and ±Inf become the strings "NaN", "+Inf", "-Inf" (arrow-go hands those
/// strings to the encoder), and so do float16 ones that are direct list elements. Elsewhere Go
/// writes a float16 NaN/±Inf as a bare `NaN`/`+Inf` token, which is not JSON; this encoder
/// reports an error for them instead.
public final class JSONValuePlan {
    enum Kind {
        case null, bool
        case signed(bytes: Int), unsigned(bytes: Int)
        case float16, float32, float64
        case string, base64
        case date32, date64
        case time(nanosecondsPerUnit: Int64)
        case timestamp(unitsPerSecond: Int64, zone: GoTimeZone?, zoneName: String)
        case duration(suffix: String)
        case monthInterval, dayTimeInterval, monthDayNanoInterval
        case decimal(precision: Int, scale: Int)
        case list, structure
        case uuid, json, inet, mac
    }

    /// A struct member (or row column) in output order, with its pre-encoded `"name":`.
    struct Member {
        let index: Int
        let key: [UInt8]
    }

    let kind: Kind
    /// Dotted path of the field, for error messages.
    public let path: String
    let children: [JSONValuePlan]
    /// Struct members in goccy's order, once without and once with HTML escaping of the keys.
    let members: [Member]
    let htmlMembers: [Member]

    /// Plans a field; throws when its type cannot be written (an extension on the wrong storage).
    public convenience init(field: Field, path: String? = nil) throws {
        let path = path ?? field.name
        let (kind, children) = try Self.classify(field, path: path)
        self.init(kind: kind, path: path, children: children, memberNames: kind.isStructure ? field.children.map(\.name) : [])
    }

    /// Plans a whole row: the schema's fields as the members of one object (Go turns a record
    /// into a struct array and marshals each row's map).
    public convenience init(rowOf schema: Schema) throws {
        let children = try schema.fields.map { try JSONValuePlan(field: $0) }
        self.init(kind: .structure, path: "", children: children, memberNames: schema.fields.map(\.name))
    }

    private init(kind: Kind, path: String, children: [JSONValuePlan], memberNames: [String]) {
        self.kind = kind
        self.path = path
        self.children = children
        self.members = Self.order(memberNames, html: false)
        self.htmlMembers = Self.order(memberNames, html: true)
    }

    /// Go builds a `map[string]any` (a repeated name keeps its last value) and goccy sorts the
    /// entries by their encoded key bytes, opening and closing quotes included.
    private static func order(_ names: [String], html: Bool) -> [Member] {
        var lastIndex: [String: Int] = [:]
        for (index, name) in names.enumerated() { lastIndex[name] = index }
        let encoded: [(index: Int, key: [UInt8])] = lastIndex.map { name, index in
            var key: [UInt8] = []
            JSONStringEscaping.append(name, escapeHTML: html, to: &key)
            return (index, key)
        }
        return encoded.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map {
            Member(index: $0.index, key: $0.key + [UInt8(ascii: ":")])
        }
    }

    private static func classify(_ field: Field, path: String) throws -> (Kind, [JSONValuePlan]) {
        switch try CloudQueryExtension.checked(field, refusal: { ValueRenderingError(column: path, reason: $0) }) {
        case .uuid: return (.uuid, [])
        case .json: return (.json, [])
        case .inet: return (.inet, [])
        case .mac: return (.mac, [])
        case nil: break
        }
        switch field.type {
        case .null: return (.null, [])
        case .bool: return (.bool, [])
        case .int8, .int16, .int32, .int64: return (.signed(bytes: field.type.fixedByteWidth ?? 8), [])
        case .uint8, .uint16, .uint32, .uint64: return (.unsigned(bytes: field.type.fixedByteWidth ?? 8), [])
        case .float16: return (.float16, [])
        case .float32: return (.float32, [])
        case .float64: return (.float64, [])
        case .utf8, .largeUtf8: return (.string, [])
        case .binary, .largeBinary, .fixedSizeBinary: return (.base64, [])
        case .date32: return (.date32, [])
        case .date64: return (.date64, [])
        case .time32(let unit), .time64(let unit):
            return (.time(nanosecondsPerUnit: 1_000_000_000 / unit.perSecond), [])
        case .timestamp(let unit, let zone):
            return (.timestamp(unitsPerSecond: unit.perSecond, zone: GoTimeZone(zone), zoneName: zone), [])
        case .duration(let unit): return (.duration(suffix: unit.symbol), [])
        case .interval(.yearMonth): return (.monthInterval, [])
        case .interval(.dayTime): return (.dayTimeInterval, [])
        case .interval(.monthDayNano): return (.monthDayNanoInterval, [])
        case .decimal(let precision, let scale, _): return (.decimal(precision: precision, scale: scale), [])
        case .list, .largeList, .fixedSizeList, .map:
            // A map renders as the list of its `entries` structs: [{"key":…,"value":…}, …].
            let element = field.children[0]
            return (.list, [try JSONValuePlan(field: element, path: "\(path).\(element.name)")])
        case .struct:
            return (.structure, try field.children.map { try JSONValuePlan(field: $0, path: "\(path).\($0.name)") })
        }
    }

    /// Binds this plan to the array of one batch, ready to render its elements.
    public func bind(_ array: ArrowArray) -> JSONValueWriter {
        JSONValueWriter(plan: self, array: array)
    }

    /// Binds a row plan (`init(rowOf:)`) to a batch.
    public func bind(rowsOf batch: RecordBatch) -> JSONValueWriter {
        JSONValueWriter(plan: self, array: batch.structArray)
    }
}

extension JSONValuePlan.Kind {
    var isStructure: Bool {
        if case .structure = self { return true }
        return false
    }
}
