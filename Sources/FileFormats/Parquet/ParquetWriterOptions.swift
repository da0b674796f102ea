/// How a `ParquetEncoder` writes its object.
///
/// The defaults reproduce the Go plugin's writer properties (arrow-go `pqarrow` defaults plus the
/// plugin's spec defaults): Snappy, format 2.6, dictionary encoding with a 1 MiB dictionary
/// limit, 1 MiB data pages (V1), statistics on, and arrow-go's `created_by`.
public struct ParquetWriterOptions: Sendable, Equatable {
    /// Column-chunk compression codec. The Go plugin always uses Snappy; the other codecs are
    /// this plugin's `format_spec.compression` extension.
    public enum Compression: String, Sendable, CaseIterable {
        case none
        case snappy
        case gzip
        case zstd
    }

    /// Parquet format version of the file (`format_spec.version`; `v2Latest` is 2.6).
    public enum FormatVersion: String, Sendable, CaseIterable {
        case v1_0 = "1.0"
        case v2_4 = "2.4"
        case v2_6 = "2.6"
    }

    /// Repetition of the schema root (`format_spec.root_repetition`).
    public enum RootRepetition: String, Sendable, CaseIterable {
        /// No `repetition_type` on the root element, as the Parquet spec describes the root.
        case undefined
        case required
        case optional
        case repeated
    }

    /// arrow-go `v18.7.0`, the version the Go plugin pins, writes `parquet-go version 18.7.0`.
    public static let goPluginCreatedBy = "parquet-go version 18.7.0"

    public var version: FormatVersion
    /// What goes in the root element's `repetition_type`. Note: arrow-go ≥ 18.6.0 (so the Go
    /// plugin v7.10.x) never writes it, whatever `root_repetition` says — map every spec value
    /// to `.undefined` to produce the same footer as the Go plugin.
    public var rootRepetition: RootRepetition
    /// A row group is closed when it holds this many rows. Must be positive.
    public var maxRowGroupLength: Int64
    /// A row group is also closed once its encoded (compressed) pages and dictionaries reach
    /// about this many bytes, so memory stays bounded however long the object grows. Positive.
    public var maxRowGroupBytes: Int
    public var compression: Compression
    /// Target size of a data page's values before compression.
    public var dataPageSize: Int
    /// Dictionary encoding is abandoned for the rest of a column chunk (falling back to PLAIN)
    /// once the dictionary's plain encoding reaches this many bytes.
    public var dictionaryPageSizeLimit: Int
    public var dictionaryEnabled: Bool
    /// min/max statistics longer than this are left out (arrow-go's `DefaultMaxStatsSize`).
    public var maxStatisticsSize: Int
    public var createdBy: String
    /// Threads that encode the columns of one batch at once (1: on the caller's thread only).
    /// Each extra thread holds one more page scratch (about two data pages) while the object is
    /// open. The bytes written do not depend on it.
    public var encodingThreads: Int

    public init(
        version: FormatVersion = .v2_6,
        rootRepetition: RootRepetition = .undefined,
        maxRowGroupLength: Int64 = 128 * 1024 * 1024,
        maxRowGroupBytes: Int = 128 * 1024 * 1024,
        compression: Compression = .snappy,
        dataPageSize: Int = 1024 * 1024,
        dictionaryPageSizeLimit: Int = 1024 * 1024,
        dictionaryEnabled: Bool = true,
        maxStatisticsSize: Int = 4096,
        createdBy: String = ParquetWriterOptions.goPluginCreatedBy,
        encodingThreads: Int? = nil
    ) {
        self.version = version
        self.rootRepetition = rootRepetition
        self.maxRowGroupLength = maxRowGroupLength
        self.maxRowGroupBytes = maxRowGroupBytes
        self.compression = compression
        self.dataPageSize = dataPageSize
        self.dictionaryPageSizeLimit = dictionaryPageSizeLimit
        self.dictionaryEnabled = dictionaryEnabled
        self.maxStatisticsSize = maxStatisticsSize
        self.createdBy = createdBy
        self.encodingThreads = encodingThreads ?? EncodingThreads.defaultCount
    }

    func validate() throws {
        guard maxRowGroupLength > 0 else {
            throw ParquetEncodingError(
                "max_row_group_length must be positive (got \(maxRowGroupLength)); 0 would never close a row group")
        }
        guard maxRowGroupBytes > 0 else {
            throw ParquetEncodingError("the Parquet row group byte bound must be positive (got \(maxRowGroupBytes))")
        }
        guard dataPageSize > 0, dictionaryPageSizeLimit > 0, maxStatisticsSize >= 0 else {
            throw ParquetEncodingError("Parquet page and dictionary sizes must be positive")
        }
        guard encodingThreads > 0 else {
            throw ParquetEncodingError("Parquet encoding threads must be at least 1 (got \(encodingThreads))")
        }
    }
}

/// Why a Parquet object cannot be written (unsupported schema, data that breaks the declared
/// schema, a codec failure). The message names the column and what to change.
struct ParquetEncodingError: Error, CustomStringConvertible, Sendable, Equatable {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { "parquet: \(message)" }
}
