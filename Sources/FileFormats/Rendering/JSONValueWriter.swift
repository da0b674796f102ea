import Arrow
import GoText

/// A `JSONValuePlan` bound to the arrays of one batch (made by `JSONValuePlan.bind`): renders
/// element `i` as JSON. Binding once per batch keeps the per-value path free of array copies
/// and plan lookups.
///
/// `html: false` gives what the JSON Lines writer emits for a column value. `html: true` gives
/// goccy's `json.Marshal` of the value, which is what arrow-go's `ValueStr` returns for lists,
/// structs and maps (i.e. the text of a nested CSV cell).
public final class JSONValueWriter {
    private let plan: JSONValuePlan
    private let kind: JSONValuePlan.Kind
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
        case .list:
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
        let isStructure = plan.kind.isStructure
        ordered = isStructure ? layout(plan.members) : []
        htmlOrdered = isStructure ? layout(plan.htmlMembers) : []
        self.keys = keys
    }

    /// Appends the JSON value of element `i`. `html`: the value sits inside a list (see
    /// `JSONValuePlan`); `listElement`: it is a direct element of that list.
    public func append(_ i: Int, html: Bool, listElement: Bool = false, to out: inout [UInt8]) throws {
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
        case .signed(let bytes):
            let value: Int64
            switch bytes {
            case 1: value = Int64(array.int8(at: i))
            case 2: value = Int64(array.int16(at: i))
            case 4: value = Int64(array.int32(at: i))
            default: value = array.int64(at: i)
            }
            IntegerFormatting.append(value, to: &out)
        case .unsigned(let bytes):
            let value: UInt64
            switch bytes {
            case 1: value = UInt64(array.uint8(at: i))
            case 2: value = UInt64(array.uint16(at: i))
            case 4: value = UInt64(array.uint32(at: i))
            default: value = array.uint64(at: i)
            }
            IntegerFormatting.append(value, to: &out)
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
        case .base64:
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
        case .time(let nanosecondsPerUnit):
            let value = nanosecondsPerUnit >= 1_000_000 ? Int64(array.int32(at: i)) : array.int64(at: i)
            out.append(UInt8(ascii: "\""))
            GoTimeFormatting.appendTimeOfDay(value, nanosecondsPerUnit: nanosecondsPerUnit, fraction: .trimmed, to: &out)
            out.append(UInt8(ascii: "\""))
        case .timestamp(let unitsPerSecond, let zone, let zoneName):
            guard let zone else {
                throw ValueRenderingError(column: plan.path, reason: "unknown time zone '\(zoneName)' of a timestamp column")
            }
            let (seconds, nanoseconds) = GoTimeFormatting.split(timestamp: array.int64(at: i), unitsPerSecond: unitsPerSecond)
            out.append(UInt8(ascii: "\""))
            GoTimeFormatting.appendRFC3339Nano(
                seconds: seconds, nanoseconds: nanoseconds,
                offsetSeconds: zone.isUTC ? 0 : zone.offset(atUnixSeconds: seconds), to: &out)
            out.append(UInt8(ascii: "\""))
        case .duration(let suffix):
            out.append(UInt8(ascii: "\""))
            IntegerFormatting.append(array.int64(at: i), to: &out)
            out.append(contentsOf: suffix.utf8)
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
        case .decimal(let precision, let scale):
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
        case .list:
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
