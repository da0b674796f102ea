/// `format` plus its validated `format_spec`, defaults applied.
public enum FormatSpec: Sendable, Equatable {
    case csv(CSVSpec)
    case json
    case parquet(ParquetSpec)

    public var outputFormat: OutputFormat {
        switch self {
        case .csv: return .csv
        case .json: return .json
        case .parquet: return .parquet
        }
    }
}

/// `format_spec` for CSV.
public struct CSVSpec: Sendable, Equatable {
    /// Exactly one byte after validation (Go checks `len(delimiter) == 1`), default ",".
    public var delimiter: String
    /// When false (default) a header row is written first.
    public var skipHeader: Bool

    public init(delimiter: String = ",", skipHeader: Bool = false) {
        self.delimiter = delimiter
        self.skipHeader = skipHeader
    }

    /// The delimiter as the encoder uses it (Go: `[]rune(delimiter)[0]`).
    public var delimiterScalar: Unicode.Scalar {
        delimiter.unicodeScalars.first ?? ","
    }

    /// The single delimiter byte (validation guarantees one ASCII byte).
    public var delimiterByte: UInt8 {
        delimiter.utf8.first ?? UInt8(ascii: ",")
    }
}

/// Parquet format version (`format_spec.version`).
public enum ParquetVersion: String, Sendable, CaseIterable {
    case v1_0 = "v1.0"
    case v2_4 = "v2.4"
    case v2_6 = "v2.6"
    /// arrow-go `V2_LATEST`, which is 2.6.
    case v2Latest
}

/// Parquet schema root repetition (`format_spec.root_repetition`). Snowflake needs `undefined`.
public enum ParquetRootRepetition: String, Sendable, CaseIterable {
    case undefined
    case required
    case optional
    case repeated
}

/// `format_spec` for Parquet.
public struct ParquetSpec: Sendable, Equatable {
    public static let defaultMaxRowGroupLength: Int64 = 128 * 1024 * 1024

    public var version: ParquetVersion
    public var rootRepetition: ParquetRootRepetition
    /// Positive (default 134217728): 0, which Go accepts and then hangs on, is refused.
    public var maxRowGroupLength: Int64
    public var compression: ParquetCompression

    public init(
        version: ParquetVersion = .v2Latest,
        rootRepetition: ParquetRootRepetition = .repeated,
        maxRowGroupLength: Int64 = ParquetSpec.defaultMaxRowGroupLength,
        compression: ParquetCompression = .snappy
    ) {
        self.version = version
        self.rootRepetition = rootRepetition
        self.maxRowGroupLength = maxRowGroupLength
        self.compression = compression
    }
}
