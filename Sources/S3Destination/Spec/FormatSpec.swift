import FileFormats

/// `format` plus its validated `format_spec`, defaults applied.
enum FormatSpec: Sendable, Equatable {
    case csv(CSVSpec)
    case json
    case parquet(ParquetSpec)

    var outputFormat: OutputFormat {
        switch self {
        case .csv: return .csv
        case .json: return .json
        case .parquet: return .parquet
        }
    }
}

/// `format_spec` for CSV.
struct CSVSpec: Sendable, Equatable {
    /// Exactly one byte after validation (Go checks `len(delimiter) == 1`), default ",".
    var delimiter: String
    /// When false (default) a header row is written first.
    var skipHeader: Bool

    init(delimiter: String = ",", skipHeader: Bool = false) {
        self.delimiter = delimiter
        self.skipHeader = skipHeader
    }

    /// The delimiter as the encoder uses it (Go: `[]rune(delimiter)[0]`).
    var delimiterScalar: Unicode.Scalar {
        delimiter.unicodeScalars.first ?? ","
    }

    /// The single delimiter byte (validation guarantees one ASCII byte).
    var delimiterByte: UInt8 {
        delimiter.utf8.first ?? UInt8(ascii: ",")
    }
}

/// Parquet format version as `format_spec.version` names it: filetypes' names, which include
/// `v2Latest` (arrow-go `V2_LATEST`, 2.6). Kept apart from `ParquetWriterOptions.FormatVersion`
/// (the version written in the file) because the name the user chose is part of the spec: Go's
/// error text lists these names, and `v2Latest` and `v2.6` are different values of it.
enum ParquetVersion: String, Sendable, CaseIterable {
    case v1_0 = "v1.0"
    case v2_4 = "v2.4"
    case v2_6 = "v2.6"
    case v2Latest

    /// The version the file says it follows.
    var formatVersion: ParquetWriterOptions.FormatVersion {
        switch self {
        case .v1_0: return .v1_0
        case .v2_4: return .v2_4
        case .v2_6, .v2Latest: return .v2_6
        }
    }
}

/// `format_spec` for Parquet.
struct ParquetSpec: Sendable, Equatable {
    static let defaultMaxRowGroupLength: Int64 = 128 * 1024 * 1024

    var version: ParquetVersion
    var rootRepetition: ParquetWriterOptions.RootRepetition
    /// Positive (default 134217728): 0, which Go accepts and then hangs on, is refused.
    var maxRowGroupLength: Int64
    /// `format_spec.compression`, beyond the Go plugin, which always uses Snappy.
    var compression: ParquetWriterOptions.Compression

    init(
        version: ParquetVersion = .v2Latest,
        rootRepetition: ParquetWriterOptions.RootRepetition = .repeated,
        maxRowGroupLength: Int64 = ParquetSpec.defaultMaxRowGroupLength,
        compression: ParquetWriterOptions.Compression = .snappy
    ) {
        self.version = version
        self.rootRepetition = rootRepetition
        self.maxRowGroupLength = maxRowGroupLength
        self.compression = compression
    }
}
