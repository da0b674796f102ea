import Arrow
import GoText

/// The text arrow-go's `ValueStr` (and plugin-sdk's, for the extension arrays) gives a value —
/// the one text rendering of the value layer. The Go plugin writes it in two places: every CSV
/// cell (cloudquery/filetypes `csv/write.go` casts each column to strings with `ValueStr`
/// before arrow's CSV writer sees it) and the Parquet columns it turns into strings
/// (`parquet/write.go` `transformToString`). Where `ValueStr` differs from the JSON rendering:
/// - floats use `%g` (`1e+06`, `1e-05`, `NaN`, `+Inf`);
/// - times of day keep a fixed number of fraction digits (`.000` for ms, `.000000` for us…);
/// - a month interval is the bare number of months;
/// - a `json` value is its stored text, unvalidated and unchanged;
/// - an `inet` value is re-parsed and printed canonically (`GoInetFormatting`);
/// - an empty `mac` value is `00:00:00:00:00:00` (plugin-sdk `MACArray.Value`);
/// - strings, dates, durations, decimals and uuids carry no JSON quotes.
/// Lists, structs, maps and the day-time / month-day-nano intervals are the JSON text that
/// `json.Marshal` produces, i.e. `JSONValueWriter` with HTML escaping.
///
/// Built once per schema; `bind` attaches it to a batch's array.
final class ValueStrPlan {
    let kind: ValueKind
    /// Column name (dotted path for nested members), for error messages.
    let name: String
    /// The zone of a timestamp column; nil for an unknown zone (or another kind).
    let zone: GoTimeZone?
    /// The JSON plan of a kind whose `ValueStr` is JSON text.
    let json: JSONValuePlan?

    /// Throws `ValueRenderingError` for a column that cannot be rendered (an extension on the
    /// wrong storage).
    convenience init(field: Field, path: String? = nil) throws {
        let path = path ?? field.name
        let kind = try ValueKind(checking: field) { ValueRenderingError(column: path, reason: $0) }
        try self.init(field: field, kind: kind, path: path)
    }

    /// A plan for a field already classified as `kind`.
    init(field: Field, kind: ValueKind, path: String) throws {
        self.kind = kind
        self.name = path
        if case .timestamp(_, let zoneName) = kind {
            zone = GoTimeZone(zoneName)
        } else {
            zone = nil
        }
        json = kind.valueStrIsJSON ? try JSONValuePlan(field: field, path: path) : nil
    }

    func bind(_ array: ArrowArray) -> ValueStrWriter {
        ValueStrWriter(plan: self, array: array)
    }
}

/// A `ValueStrPlan` bound to one batch's array: appends the text of a value.
final class ValueStrWriter {
    private let plan: ValueStrPlan
    private let kind: ValueKind
    private let array: ArrowArray
    private let nested: JSONValueWriter?

    init(plan: ValueStrPlan, array: ArrowArray) {
        self.plan = plan
        self.kind = plan.kind
        self.array = array
        self.nested = plan.json?.bind(array)
    }

    /// Appends the text of row `i` (nothing for null: Go's null cell is "").
    @inline(__always)
    func append(_ i: Int, to out: inout [UInt8]) throws {
        if array.isNull(i) { return }
        switch kind {
        case .null:
            return
        case .bool:
            out.append(contentsOf: array.bool(at: i) ? "true".utf8 : "false".utf8)
        case .signed(let bits):
            IntegerFormatting.append(array.signedInteger(at: i, bits: bits), to: &out)
        case .unsigned(let bits):
            IntegerFormatting.append(array.unsignedInteger(at: i, bits: bits), to: &out)
        case .float16:
            // float16.Num.String(): the float32 value in float32 `%g`.
            GoFloatFormatting.appendG(HalfFloat.toFloat(array.float16Bits(at: i)), to: &out)
        case .float32:
            GoFloatFormatting.appendG(array.float32(at: i), to: &out)
        case .float64:
            GoFloatFormatting.appendG(array.float64(at: i), to: &out)
        case .string, .json:
            out.append(contentsOf: array.bytes(at: i))
        case .binary, .fixedBinary:
            BinaryTextFormatting.appendBase64(array.bytes(at: i), to: &out)
        case .date32:
            GoTimeFormatting.appendDate(days: Int64(array.int32(at: i)), to: &out)
        case .date64:
            // arrow-go: int64(d) / 86400000, Go's division truncating toward zero.
            GoTimeFormatting.appendDate(days: array.int64(at: i) / 86_400_000, to: &out)
        case .time(let unit, let bits):
            // Go layouts "15:04:05", "15:04:05.000", "15:04:05.000000", "15:04:05.000000000".
            let value = bits == 32 ? Int64(array.int32(at: i)) : array.int64(at: i)
            GoTimeFormatting.appendTimeOfDay(
                value, nanosecondsPerUnit: unit.nanoseconds, fraction: .fixed(Self.fractionDigits(unit)), to: &out)
        case .timestamp(let unit, let zoneName):
            guard let zone = plan.zone else {
                throw ValueRenderingError(column: plan.name, reason: "unknown time zone '\(zoneName)' of a timestamp column")
            }
            let (seconds, nanoseconds) = GoTimeFormatting.split(timestamp: array.int64(at: i), unitsPerSecond: unit.perSecond)
            GoTimeFormatting.appendRFC3339Nano(
                seconds: seconds, nanoseconds: nanoseconds,
                offsetSeconds: zone.isUTC ? 0 : zone.offset(atUnixSeconds: seconds), to: &out)
        case .duration(let unit):
            IntegerFormatting.append(array.int64(at: i), to: &out)
            out.append(contentsOf: unit.symbol.utf8)
        case .monthInterval:
            IntegerFormatting.append(Int64(array.monthInterval(at: i)), to: &out)
        case .decimal(let precision, let scale, _):
            GoDecimalFormatting.append(unscaled: array.bytes(at: i), precision: precision, scale: scale, to: &out)
        case .uuid:
            BinaryTextFormatting.appendUUID(array.bytes(at: i), to: &out)
        case .inet:
            let text = array.bytes(at: i)
            guard GoInetFormatting.appendCIDR(text, to: &out) else {
                // The value itself stays out of the message: row data may be sensitive.
                throw ValueRenderingError(column: plan.name, reason:
                    "the \(text.count)-byte inet value is not an address/prefix that Go's net.ParseCIDR accepts "
                    + "(the Go plugin fails on it too)")
            }
        case .mac:
            let bytes = array.bytes(at: i)
            if bytes.isEmpty {
                // plugin-sdk's MACArray.Value turns an empty address into six zero bytes.
                out.append(contentsOf: "00:00:00:00:00:00".utf8)
            } else {
                BinaryTextFormatting.appendMAC(bytes, to: &out)
            }
        case .list, .fixedSizeList, .map, .structure, .dayTimeInterval, .monthDayNanoInterval:
            try nested?.append(i, html: true, to: &out)
        }
    }

    private static func fractionDigits(_ unit: TimeUnit) -> Int {
        switch unit {
        case .second: return 0
        case .millisecond: return 3
        case .microsecond: return 6
        case .nanosecond: return 9
        }
    }
}
