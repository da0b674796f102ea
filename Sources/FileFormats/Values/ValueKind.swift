import Arrow

/// What the values of one Arrow field are, the one classification every encoder and decoder
/// switches over: the Arrow type, with CloudQuery's extension types (plugin-sdk `types/uuid.go`,
/// `json.go`, `inet.go`, `mac.go`) told apart from their storage. Where the formats differ they
/// derive it from here (`valueStrIsJSON`, `isParquetText`) instead of classifying `field.type`
/// again.
enum ValueKind: Equatable, Sendable {
    case null, bool
    case signed(bits: Int), unsigned(bits: Int)
    case float16, float32, float64
    /// utf8 / large_utf8.
    case string(large: Bool)
    /// binary / large_binary.
    case binary(large: Bool)
    case fixedBinary(width: Int)
    case date32, date64
    /// time32 (s, ms) / time64 (us, ns); `bits` is the storage width.
    case time(TimeUnit, bits: Int)
    case timestamp(TimeUnit, zone: String)
    case duration(TimeUnit)
    case monthInterval, dayTimeInterval, monthDayNanoInterval
    case decimal(precision: Int, scale: Int, bitWidth: Int)
    /// list / large_list (one child, the element).
    case list
    case fixedSizeList(size: Int)
    /// One child, the `entries` struct of key and value.
    case map
    case structure
    case uuid, json, inet, mac

    /// The kind of a field as decoders see it: a known extension name on the wrong storage is
    /// read as its storage type.
    init(_ field: Field) {
        switch CloudQueryExtension.matching(field) {
        case .uuid: self = .uuid
        case .json: self = .json
        case .inet: self = .inet
        case .mac: self = .mac
        case nil: self = Self(storage: field.type)
        }
    }

    /// The kind of a field as encoders see it: a known extension name on the wrong storage is
    /// refused, and `refusal` turns the reason into the encoder's own error.
    init(checking field: Field, refusal: (String) -> Error) throws {
        if try CloudQueryExtension.checked(field, refusal: refusal) == nil {
            self = Self(storage: field.type)
        } else {
            self = Self(field)
        }
    }

    private init(storage type: ArrowType) {
        switch type {
        case .null: self = .null
        case .bool: self = .bool
        case .int8: self = .signed(bits: 8)
        case .int16: self = .signed(bits: 16)
        case .int32: self = .signed(bits: 32)
        case .int64: self = .signed(bits: 64)
        case .uint8: self = .unsigned(bits: 8)
        case .uint16: self = .unsigned(bits: 16)
        case .uint32: self = .unsigned(bits: 32)
        case .uint64: self = .unsigned(bits: 64)
        case .float16: self = .float16
        case .float32: self = .float32
        case .float64: self = .float64
        case .utf8: self = .string(large: false)
        case .largeUtf8: self = .string(large: true)
        case .binary: self = .binary(large: false)
        case .largeBinary: self = .binary(large: true)
        case .fixedSizeBinary(let width): self = .fixedBinary(width: width)
        case .date32: self = .date32
        case .date64: self = .date64
        case .time32(let unit): self = .time(unit, bits: 32)
        case .time64(let unit): self = .time(unit, bits: 64)
        case .timestamp(let unit, let zone): self = .timestamp(unit, zone: zone)
        case .duration(let unit): self = .duration(unit)
        case .interval(.yearMonth): self = .monthInterval
        case .interval(.dayTime): self = .dayTimeInterval
        case .interval(.monthDayNano): self = .monthDayNanoInterval
        case .decimal(let precision, let scale, let bitWidth): self = .decimal(precision: precision, scale: scale, bitWidth: bitWidth)
        case .list, .largeList: self = .list
        case .fixedSizeList(let size): self = .fixedSizeList(size: size)
        case .map: self = .map
        case .struct: self = .structure
        }
    }

    /// The kind of the storage under an extension (uuid: fixed_size_binary[16], the others:
    /// binary); any other kind is its own storage.
    var storage: ValueKind {
        switch self {
        case .uuid: return .fixedBinary(width: 16)
        case .json, .inet, .mac: return .binary(large: false)
        default: return self
        }
    }

    /// Whether arrow-go's `ValueStr` is the `json.Marshal` text of the value: lists, maps,
    /// structs and the day-time / month-day-nano intervals (whose `ValueStr` marshals the
    /// interval struct).
    var valueStrIsJSON: Bool {
        switch self {
        case .list, .fixedSizeList, .map, .structure, .dayTimeInterval, .monthDayNanoInterval: return true
        default: return false
        }
    }

    /// Whether the Go plugin turns the column into a string column before pqarrow sees it
    /// (cloudquery/filetypes `parquet/write.go` `transformDataType`): the extensions,
    /// large_utf8, large_binary, durations and intervals.
    var isParquetText: Bool {
        switch self {
        case .uuid, .json, .inet, .mac, .string(large: true), .binary(large: true), .duration,
             .monthInterval, .dayTimeInterval, .monthDayNanoInterval:
            return true
        default:
            return false
        }
    }
}

extension TimeUnit {
    /// Nanoseconds in one of this unit.
    var nanoseconds: Int64 { 1_000_000_000 / perSecond }
}
