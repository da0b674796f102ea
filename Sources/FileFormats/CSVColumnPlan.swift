import Arrow
import GoText

/// How the cells of one column are written in the `csv` format: arrow-go's `ValueStr`, because
/// the Go plugin casts every column to strings with `ValueStr` before arrow's CSV writer sees it
/// (filetypes `csv/write.go` `castToString`; arrow-go `arrow/array` `ValueStr` of each type). Where
/// `ValueStr` differs from the JSON rendering:
/// - floats use `%g` (`1e+06`, `1e-05`, `NaN`, `+Inf`);
/// - times of day keep a fixed number of fraction digits (`.000` for ms, `.000000` for us…);
/// - a month interval is the bare number of months;
/// - a `json` value is its stored text, unvalidated and unchanged;
/// - an `inet` value is re-parsed and printed canonically (`GoInetFormatting`);
/// - an empty `mac` value is `00:00:00:00:00:00`;
/// - strings, dates, durations, decimals and uuids carry no JSON quotes (CSV quoting still
///   applies to the whole cell).
/// Lists, structs, maps and the day-time / month-day-nano intervals are the JSON text that
/// `json.Marshal` produces, i.e. `JSONValueWriter` with HTML escaping.
///
/// Built once per schema; `bind` attaches it to a batch's column.
final class CSVColumnPlan {
    enum Kind {
        case null, bool
        case signed(bytes: Int), unsigned(bytes: Int)
        case float16, float32, float64
        case text, base64
        case date32, date64
        case time32(nanosecondsPerUnit: Int64, fractionDigits: Int)
        case time64(nanosecondsPerUnit: Int64, fractionDigits: Int)
        case timestamp(unitsPerSecond: Int64, zone: GoTimeZone?, zoneName: String)
        case duration(suffix: [UInt8])
        case monthInterval
        case decimal(precision: Int, scale: Int)
        case uuid, json, inet, mac
        /// JSON text through `JSONValueWriter` (lists, structs, maps, day-time and
        /// month-day-nano intervals).
        case nested
    }

    let kind: Kind
    let name: String
    /// The JSON plan of a `.nested` column.
    let json: JSONValuePlan?

    init(field: Field) throws {
        name = field.name
        let kind = try Self.classify(field)
        self.kind = kind
        if case .nested = kind {
            json = try JSONValuePlan(field: field)
        } else {
            json = nil
        }
    }

    private static func classify(_ field: Field) throws -> Kind {
        switch try CloudQueryExtension.checked(field, refusal: { ValueRenderingError(column: field.name, reason: $0) }) {
        case .uuid: return .uuid
        case .json: return .json
        case .inet: return .inet
        case .mac: return .mac
        case nil: break
        }
        switch field.type {
        case .null: return .null
        case .bool: return .bool
        case .int8, .int16, .int32, .int64: return .signed(bytes: field.type.fixedByteWidth ?? 8)
        case .uint8, .uint16, .uint32, .uint64: return .unsigned(bytes: field.type.fixedByteWidth ?? 8)
        case .float16: return .float16
        case .float32: return .float32
        case .float64: return .float64
        case .utf8, .largeUtf8: return .text
        case .binary, .largeBinary, .fixedSizeBinary: return .base64
        case .date32: return .date32
        case .date64: return .date64
        // Go layouts "15:04:05", "15:04:05.000", "15:04:05.000000", "15:04:05.000000000".
        case .time32(let unit):
            return .time32(nanosecondsPerUnit: 1_000_000_000 / unit.perSecond, fractionDigits: fractionDigits(unit))
        case .time64(let unit):
            return .time64(nanosecondsPerUnit: 1_000_000_000 / unit.perSecond, fractionDigits: fractionDigits(unit))
        case .timestamp(let unit, let zone):
            return .timestamp(unitsPerSecond: unit.perSecond, zone: GoTimeZone(zone), zoneName: zone)
        case .duration(let unit): return .duration(suffix: Array(unit.symbol.utf8))
        case .interval(.yearMonth): return .monthInterval
        case .interval(.dayTime), .interval(.monthDayNano): return .nested
        case .decimal(let precision, let scale, _): return .decimal(precision: precision, scale: scale)
        case .list, .largeList, .fixedSizeList, .map, .struct: return .nested
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

    func bind(_ array: ArrowArray) -> CSVColumnWriter {
        CSVColumnWriter(plan: self, array: array)
    }
}

/// A `CSVColumnPlan` bound to one batch's array: appends the unquoted text of a cell.
final class CSVColumnWriter {
    private let plan: CSVColumnPlan
    private let kind: CSVColumnPlan.Kind
    private let array: ArrowArray
    private let nested: JSONValueWriter?

    init(plan: CSVColumnPlan, array: ArrowArray) {
        self.plan = plan
        self.kind = plan.kind
        self.array = array
        self.nested = plan.json?.bind(array)
    }

    /// Appends the cell text of row `i` (nothing for null: Go's null value is "").
    @inline(__always)
    func append(_ i: Int, to out: inout [UInt8]) throws {
        if array.isNull(i) { return }
        switch kind {
        case .null:
            return
        case .bool:
            out.append(contentsOf: array.bool(at: i) ? "true".utf8 : "false".utf8)
        case .signed(let bytes):
            switch bytes {
            case 1: IntegerFormatting.append(Int64(array.int8(at: i)), to: &out)
            case 2: IntegerFormatting.append(Int64(array.int16(at: i)), to: &out)
            case 4: IntegerFormatting.append(Int64(array.int32(at: i)), to: &out)
            default: IntegerFormatting.append(array.int64(at: i), to: &out)
            }
        case .unsigned(let bytes):
            switch bytes {
            case 1: IntegerFormatting.append(UInt64(array.uint8(at: i)), to: &out)
            case 2: IntegerFormatting.append(UInt64(array.uint16(at: i)), to: &out)
            case 4: IntegerFormatting.append(UInt64(array.uint32(at: i)), to: &out)
            default: IntegerFormatting.append(array.uint64(at: i), to: &out)
            }
        case .float16:
            // float16.Num.String(): the float32 value in float32 `%g`.
            GoFloatFormatting.appendG(HalfFloat.toFloat(array.float16Bits(at: i)), to: &out)
        case .float32:
            GoFloatFormatting.appendG(array.float32(at: i), to: &out)
        case .float64:
            GoFloatFormatting.appendG(array.float64(at: i), to: &out)
        case .text, .json:
            out.append(contentsOf: array.bytes(at: i))
        case .base64:
            BinaryTextFormatting.appendBase64(array.bytes(at: i), to: &out)
        case .date32:
            GoTimeFormatting.appendDate(days: Int64(array.int32(at: i)), to: &out)
        case .date64:
            // arrow-go: int64(d) / 86400000, Go's division truncating toward zero.
            GoTimeFormatting.appendDate(days: array.int64(at: i) / 86_400_000, to: &out)
        case .time32(let nanosecondsPerUnit, let digits):
            GoTimeFormatting.appendTimeOfDay(
                Int64(array.int32(at: i)), nanosecondsPerUnit: nanosecondsPerUnit, fraction: .fixed(digits), to: &out)
        case .time64(let nanosecondsPerUnit, let digits):
            GoTimeFormatting.appendTimeOfDay(
                array.int64(at: i), nanosecondsPerUnit: nanosecondsPerUnit, fraction: .fixed(digits), to: &out)
        case .timestamp(let unitsPerSecond, let zone, let zoneName):
            guard let zone else {
                throw ValueRenderingError(column: plan.name, reason: "unknown time zone '\(zoneName)' of a timestamp column")
            }
            let (seconds, nanoseconds) = GoTimeFormatting.split(timestamp: array.int64(at: i), unitsPerSecond: unitsPerSecond)
            GoTimeFormatting.appendRFC3339Nano(
                seconds: seconds, nanoseconds: nanoseconds,
                offsetSeconds: zone.isUTC ? 0 : zone.offset(atUnixSeconds: seconds), to: &out)
        case .duration(let suffix):
            IntegerFormatting.append(array.int64(at: i), to: &out)
            out.append(contentsOf: suffix)
        case .monthInterval:
            IntegerFormatting.append(Int64(array.monthInterval(at: i)), to: &out)
        case .decimal(let precision, let scale):
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
        case .nested:
            try nested?.append(i, html: true, to: &out)
        }
    }
}
