/// Resolution of temporal types (Arrow `TimeUnit`).
public enum TimeUnit: Int, Sendable, CaseIterable {
    case second = 0, millisecond, microsecond, nanosecond

    /// How many of this unit make one second.
    public var perSecond: Int64 {
        switch self {
        case .second: return 1
        case .millisecond: return 1_000
        case .microsecond: return 1_000_000
        case .nanosecond: return 1_000_000_000
        }
    }

    /// The suffix Arrow (and Go's arrow-go) print after a value: `s`, `ms`, `us`, `ns`.
    public var symbol: String {
        switch self {
        case .second: return "s"
        case .millisecond: return "ms"
        case .microsecond: return "us"
        case .nanosecond: return "ns"
        }
    }
}

/// Arrow `IntervalUnit`.
public enum IntervalUnit: Int, Sendable {
    /// int32 months.
    case yearMonth = 0
    /// int32 days + int32 milliseconds.
    case dayTime = 1
    /// int32 months + int32 days + int64 nanoseconds.
    case monthDayNano = 2
}

/// The logical type of a field. Children of nested types live in `Field.children`.
public enum ArrowType: Sendable, Equatable {
    case null
    case bool
    case int8, int16, int32, int64
    case uint8, uint16, uint32, uint64
    case float16, float32, float64
    case utf8, largeUtf8
    case binary, largeBinary
    case fixedSizeBinary(byteWidth: Int)
    /// Days since the UNIX epoch (int32).
    case date32
    /// Milliseconds since the UNIX epoch (int64).
    case date64
    /// Time since the UNIX epoch; `timeZone` is "" for zone-naive timestamps.
    case timestamp(TimeUnit, timeZone: String)
    /// Time of day, int32 seconds or milliseconds.
    case time32(TimeUnit)
    /// Time of day, int64 microseconds or nanoseconds.
    case time64(TimeUnit)
    case duration(TimeUnit)
    case interval(IntervalUnit)
    /// Two's-complement unscaled integer of `bitWidth` bits (32, 64, 128 or 256).
    case decimal(precision: Int, scale: Int, bitWidth: Int)
    /// One child field; int32 offsets.
    case list
    /// One child field; int64 offsets.
    case largeList
    /// One child field; `listSize` child values per element.
    case fixedSizeList(listSize: Int)
    /// One child field per struct member.
    case `struct`
    /// One child: a struct `entries` of two fields, key and value; int32 offsets.
    case map(keysSorted: Bool)

    /// Bytes per value in the values buffer for fixed-width types; nil otherwise.
    /// (bool is bit-packed and reports nil.)
    var fixedByteWidth: Int? {
        switch self {
        case .int8, .uint8: return 1
        case .int16, .uint16, .float16: return 2
        case .int32, .uint32, .float32, .date32, .time32: return 4
        case .int64, .uint64, .float64, .date64, .time64, .timestamp, .duration: return 8
        case .interval(let unit):
            switch unit {
            case .yearMonth: return 4
            case .dayTime: return 8
            case .monthDayNano: return 16
            }
        case .decimal(_, _, let bits): return bits / 8
        case .fixedSizeBinary(let width): return width
        default: return nil
        }
    }
}

extension ArrowType: CustomStringConvertible {
    /// Arrow's usual spelling, e.g. `timestamp[us, tz=UTC]`, `decimal128(10, 2)`.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .int8: return "int8"
        case .int16: return "int16"
        case .int32: return "int32"
        case .int64: return "int64"
        case .uint8: return "uint8"
        case .uint16: return "uint16"
        case .uint32: return "uint32"
        case .uint64: return "uint64"
        case .float16: return "float16"
        case .float32: return "float32"
        case .float64: return "float64"
        case .utf8: return "utf8"
        case .largeUtf8: return "large_utf8"
        case .binary: return "binary"
        case .largeBinary: return "large_binary"
        case .fixedSizeBinary(let width): return "fixed_size_binary[\(width)]"
        case .date32: return "date32[day]"
        case .date64: return "date64[ms]"
        case .timestamp(let unit, let zone):
            return zone.isEmpty ? "timestamp[\(unit.symbol)]" : "timestamp[\(unit.symbol), tz=\(zone)]"
        case .time32(let unit): return "time32[\(unit.symbol)]"
        case .time64(let unit): return "time64[\(unit.symbol)]"
        case .duration(let unit): return "duration[\(unit.symbol)]"
        case .interval(let unit):
            switch unit {
            case .yearMonth: return "month_interval"
            case .dayTime: return "day_time_interval"
            case .monthDayNano: return "month_day_nano_interval"
            }
        case .decimal(let precision, let scale, let bits): return "decimal\(bits)(\(precision), \(scale))"
        case .list: return "list"
        case .largeList: return "large_list"
        case .fixedSizeList(let size): return "fixed_size_list[\(size)]"
        case .struct: return "struct"
        case .map: return "map"
        }
    }
}
