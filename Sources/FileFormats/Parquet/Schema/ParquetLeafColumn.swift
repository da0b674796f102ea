import Arrow

/// One step on the way from a top-level Arrow column down to a Parquet leaf: which Arrow array
/// the step reads, and what it adds to the definition and repetition levels.
struct ParquetLevelStep {
    enum Kind {
        /// A struct (or a map's entries): descend into `children[member]`, same element index.
        case member(Int)
        /// A list or map: descend into `children[0]` over `listRange(at:)`; `level` is the
        /// repetition level of its repeated group.
        case repeated(level: Int)
        /// The leaf: the value itself.
        case leaf
    }

    /// An optional Parquet node: a null here stops at the current definition level, a present
    /// value adds one.
    let nullable: Bool
    let kind: Kind
}

/// How an Arrow leaf value becomes the physical value of its Parquet column: the pqarrow
/// conversions (arrow-go `parquet/pqarrow/encode_arrow.go` `WriteArrowToColumn`: units rescaled, small integers widened, decimals resized) plus the
/// Go plugin's string conversions.
enum ParquetLeafValue {
    case null
    case boolean
    case int32(ParquetInt32Source)
    case int64(ParquetInt64Source)
    case float
    case double
    /// utf8 / binary: the bytes as they are.
    case bytes
    /// fixed_size_binary, float16: the raw bytes.
    case fixedBytes
    /// Arrow's little-endian two's complement of `sourceWidth` bytes → the big-endian low
    /// `targetWidth` bytes Parquet's DECIMAL on FIXED_LEN_BYTE_ARRAY wants.
    case decimal(sourceWidth: Int, targetWidth: Int)
    /// Written as a UTF-8 string rendered like arrow-go's `ValueStr` (the Go plugin's
    /// `transformToString`, see `ValueKind.isParquetText`).
    case rendered(ValueStrPlan)
}

enum ParquetInt32Source {
    case int8, int16, int32, uint8, uint16, uint32
    /// date64 milliseconds → days (Go's truncating division).
    case date64
    /// time32[s] → milliseconds.
    case time32Seconds
}

enum ParquetInt64Source {
    /// int64, uint64, time64, timestamp in a unit Parquet keeps.
    case int64
    /// timestamp[s] → milliseconds.
    case secondsToMillis
    /// timestamp[ns] → microseconds (format 1.0 and 2.4 have no nanoseconds).
    case nanosToMicros
}

/// The order min/max statistics are computed in, from the column's logical (else physical) type.
enum ParquetSortOrder {
    case signedInt32, unsignedInt32, signedInt64, unsignedInt64
    case float, double, float16, boolean
    /// Byte-wise unsigned comparison: strings, binary, fixed_size_binary.
    case unsignedBytes
    /// Big-endian two's complement: decimals.
    case signedBytes
    /// Nothing to order (a column of nulls).
    case none

    /// Whether the deprecated `min`/`max` statistics fields may be written too.
    var isSigned: Bool {
        switch self {
        case .signedInt32, .signedInt64, .float, .double, .float16, .boolean, .signedBytes: return true
        case .unsignedInt32, .unsignedInt64, .unsignedBytes, .none: return false
        }
    }
}

/// A Parquet leaf column: where it sits in the schema, its levels and how its values are made.
struct ParquetLeafColumn {
    /// `path_in_schema`: names from below the root down to the leaf.
    let path: [String]
    /// The top-level Arrow column (index in the schema / record batch) the leaf lives in.
    let columnIndex: Int
    /// From the top-level column down to the leaf; the last step is `.leaf`.
    let steps: [ParquetLevelStep]
    let maxDefinitionLevel: Int
    let maxRepetitionLevel: Int
    let physicalType: ParquetPhysicalType
    /// Bytes per value of FIXED_LEN_BYTE_ARRAY columns, else 0.
    let typeLength: Int
    let value: ParquetLeafValue
    let sortOrder: ParquetSortOrder
    /// The Arrow field of the leaf (before conversion), for renderers and messages.
    let arrowField: Field
    /// Dotted Arrow path, for error messages.
    let displayName: String

    /// Whether Parquet dictionary encoding applies (arrow-go never dictionary-encodes booleans).
    var supportsDictionary: Bool {
        switch physicalType {
        case .boolean: return false
        default:
            if case .null = value { return false }
            return true
        }
    }
}
