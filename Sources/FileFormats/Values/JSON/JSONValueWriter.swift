import Arrow
import GoText

/// A `JSONValuePlan` bound to the arrays of one batch (made by `JSONValuePlan.bind`): renders
/// element `i` as JSON. Binding once per batch keeps the per-value path free of array copies
/// and plan lookups.
///
/// `html: false` gives what the JSON Lines writer emits for a column value. `html: true` gives
/// goccy's `json.Marshal` of the value, which is what arrow-go's `ValueStr` returns for lists,
/// structs and maps (i.e. the text of a nested CSV cell).
final class JSONValueWriter {
    private let plan: JSONValuePlan
    private let kind: ValueKind
    private let array: ArrowArray
    /// List: the element writer; struct: one writer per member.
    private let children: [JSONValueWriter]
    /// Struct members in output order (plain and HTML-escaped keys), keys as ranges of `keys`.
    private let ordered: [(writer: JSONValueWriter, key: Range<Int>)]
    private let htmlOrdered: [(writer: JSONValueWriter, key: Range<Int>)]
    private let keys: [UInt8]

    init(plan: JSONValuePlan, array: ArrowArray) {
        self.plan = plan
        self.kind = plan.kind
        self.array = array
        let children: [JSONValueWriter]
        switch plan.kind {
        case .list, .fixedSizeList, .map:
            children = [JSONValueWriter(plan: plan.children[0], array: array.children[0])]
        case .structure:
            children = zip(plan.children, array.children).map { JSONValueWriter(plan: $0, array: $1) }
        default:
            children = []
        }
        self.children = children
        var keys: [UInt8] = []
        func layout(_ members: [JSONValuePlan.Member]) -> [(writer: JSONValueWriter, key: Range<Int>)] {
            members.map { member in
                let start = keys.count
                keys.append(contentsOf: member.key)
                return (children[member.index], start..<keys.count)
            }
        }
        let isStructure = plan.kind == .structure
        ordered = isStructure ? layout(plan.members) : []
        htmlOrdered = isStructure ? layout(plan.htmlMembers) : []
        self.keys = keys
    }

    /// Appends the JSON value of element `i`. `html`: the value sits inside a list (see
    /// `JSONValuePlan`); `listElement`: it is a direct element of that list.
    func append(_ i: Int, html: Bool, listElement: Bool = false, to out: inout [UInt8]) throws {
        if array.isNull(i) {
            JSONStringEscaping.appendLiteral("null", to: &out)
            return
        }
        switch kind {
        case .null:
            JSONStringEscaping.appendLiteral("null", to: &out)
        case .bool:
            if array.bool(at: i) {
                JSONStringEscaping.appendLiteral("true", to: &out)
            } else {
                JSONStringEscaping.appendLiteral("false", to: &out)
            }
        case .signed(let bits):
            IntegerFormatting.append(array.signedInteger(at: i, bits: bits), to: &out)
        case .unsigned(let bits):
            IntegerFormatting.append(array.unsignedInteger(at: i, bits: bits), to: &out)
        case .float16:
            let value = HalfFloat.toFloat(array.float16Bits(at: i))
            if value.isFinite {
                GoFloatFormatting.appendJSON(value, to: &out)
            } else if listElement {
                Self.appendNonFinite(value.isNaN, value.sign, to: &out)
            } else {
                throw ValueRenderingError(column: plan.path, reason:
                    "float16 value \(value.isNaN ? "NaN" : value < 0 ? "-Inf" : "+Inf") has no JSON form "
                    + "(the Go plugin writes it as a bare, invalid token)")
            }
        case .float32:
            let value = array.float32(at: i)
            if value.isFinite {
                GoFloatFormatting.appendJSON(value, to: &out)
            } else {
                Self.appendNonFinite(value.isNaN, value.sign, to: &out)
            }
        case .float64:
            let value = array.float64(at: i)
            if value.isFinite {
                GoFloatFormatting.appendJSON(value, to: &out)
            } else {
                Self.appendNonFinite(value.isNaN, value.sign, to: &out)
            }
        case .string, .inet:
            JSONStringEscaping.append(array.bytes(at: i), escapeHTML: html, to: &out)
        case .binary, .fixedBinary:
            out.append(UInt8(ascii: "\""))
            BinaryTextFormatting.appendBase64(array.bytes(at: i), to: &out)
            out.append(UInt8(ascii: "\""))
        case .date32:
            out.append(UInt8(ascii: "\""))
            GoTimeFormatting.appendDate(days: Int64(array.int32(at: i)), to: &out)
            out.append(UInt8(ascii: "\""))
        case .date64:
            out.append(UInt8(ascii: "\""))
            // arrow-go: int64(d) / 86400000 — Go's division truncates toward zero.
            GoTimeFormatting.appendDate(days: array.int64(at: i) / 86_400_000, to: &out)
            out.append(UInt8(ascii: "\""))
        case .time(let unit, let bits):
            let value = bits == 32 ? Int64(array.int32(at: i)) : array.int64(at: i)
            out.append(UInt8(ascii: "\""))
            GoTimeFormatting.appendTimeOfDay(value, nanosecondsPerUnit: unit.nanoseconds, fraction: .trimmed, to: &out)
            out.append(UInt8(ascii: "\""))
        case .timestamp(let unit, let zoneName):
            guard let zone = plan.zone else {
                throw ValueRenderingError(column: plan.path, reason: "unknown time zone '\(zoneName)' of a timestamp column")
            }
            let (seconds, nanoseconds) = GoTimeFormatting.split(timestamp: array.int64(at: i), unitsPerSecond: unit.perSecond)
            out.append(UInt8(ascii: "\""))
            GoTimeFormatting.appendRFC3339Nano(
                seconds: seconds, nanoseconds: nanoseconds,
                offsetSeconds: zone.isUTC ? 0 : zone.offset(atUnixSeconds: seconds), to: &out)
            out.append(UInt8(ascii: "\""))
        case .duration(let unit):
            out.append(UInt8(ascii: "\""))
            IntegerFormatting.append(array.int64(at: i), to: &out)
            out.append(contentsOf: unit.symbol.utf8)
            out.append(UInt8(ascii: "\""))
        case .monthInterval:
            JSONStringEscaping.appendLiteral("{\"months\":", to: &out)
            IntegerFormatting.append(Int64(array.monthInterval(at: i)), to: &out)
            out.append(UInt8(ascii: "}"))
        case .dayTimeInterval:
            let value = array.dayTimeInterval(at: i)
            JSONStringEscaping.appendLiteral("{\"days\":", to: &out)
            IntegerFormatting.append(Int64(value.days), to: &out)
            JSONStringEscaping.appendLiteral(",\"milliseconds\":", to: &out)
            IntegerFormatting.append(Int64(value.milliseconds), to: &out)
            out.append(UInt8(ascii: "}"))
        case .monthDayNanoInterval:
            let value = array.monthDayNanoInterval(at: i)
            JSONStringEscaping.appendLiteral("{\"months\":", to: &out)
            IntegerFormatting.append(Int64(value.months), to: &out)
            JSONStringEscaping.appendLiteral(",\"days\":", to: &out)
            IntegerFormatting.append(Int64(value.days), to: &out)
            JSONStringEscaping.appendLiteral(",\"nanoseconds\":", to: &out)
            IntegerFormatting.append(value.nanoseconds, to: &out)
            out.append(UInt8(ascii: "}"))
        case .decimal(let precision, let scale, _):
            out.append(UInt8(ascii: "\""))
            GoDecimalFormatting.append(unscaled: array.bytes(at: i), precision: precision, scale: scale, to: &out)
            out.append(UInt8(ascii: "\""))
        case .uuid:
            out.append(UInt8(ascii: "\""))
            BinaryTextFormatting.appendUUID(array.bytes(at: i), to: &out)
            out.append(UInt8(ascii: "\""))
        case .mac:
            out.append(UInt8(ascii: "\""))
            BinaryTextFormatting.appendMAC(array.bytes(at: i), to: &out)
            out.append(UInt8(ascii: "\""))
        case .json:
            do {
                try RawJSONCompaction.append(array.bytes(at: i), escapeHTML: html, to: &out)
            } catch let error as RawJSONCompaction.InvalidJSON {
                throw ValueRenderingError(column: plan.path, reason: "json value is not valid JSON (\(error))")
            }
        case .list, .fixedSizeList, .map:
            let element = children[0]
            out.append(UInt8(ascii: "["))
            var first = true
            for j in array.listRange(at: i) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                try element.append(j, html: true, listElement: true, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .structure:
            try appendMembers(i, html: html, to: &out)
        }
    }

    /// `{"name":value,…}` for element `i` of a struct (or row), keys in goccy's order.
    private func appendMembers(_ i: Int, html: Bool, to out: inout [UInt8]) throws {
        out.append(UInt8(ascii: "{"))
        try keys.withUnsafeBytes { keyBytes in
            var first = true
            for member in html ? htmlOrdered : ordered {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: keyBytes[member.key]))
                try member.writer.append(i, html: html, to: &out)
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// float32/float64 NaN and ±Inf: arrow-go hands goccy the strings "NaN", "+Inf", "-Inf".
    private static func appendNonFinite(_ isNaN: Bool, _ sign: FloatingPointSign, to out: inout [UInt8]) {
        if isNaN {
            JSONStringEscaping.appendLiteral("\"NaN\"", to: &out)
        } else if sign == .minus {
            JSONStringEscaping.appendLiteral("\"-Inf\"", to: &out)
        } else {
            JSONStringEscaping.appendLiteral("\"+Inf\"", to: &out)
        }
    }
}
