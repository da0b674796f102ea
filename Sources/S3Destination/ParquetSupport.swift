import Arrow
import FileFormats

/// The Parquet encoder, configured from `format_spec`.
enum ParquetSupport {
    static func makeEncoder(_ spec: ParquetSpec, schema: Schema) throws -> any ObjectEncoder {
        var options = ParquetWriterOptions()
        switch spec.version {
        case .v1_0: options.version = .v1_0
        case .v2_4: options.version = .v2_4
        case .v2_6, .v2Latest: options.version = .v2_6
        }
        // `root_repetition` is accepted and validated as the Go plugin does, but never written:
        // arrow-go ≥ 18.6 (the Go plugin pins 18.7) writes the root without a repetition whatever
        // the option says (apache/arrow-go#723, pqarrow `schema.go` `ToParquet`); a REPEATED root
        // makes fastparquet read struct columns as null and breaks Snowflake and Impala.
        options.rootRepetition = .undefined
        options.maxRowGroupLength = spec.maxRowGroupLength
        switch spec.compression {
        case .snappy: options.compression = .snappy
        case .zstd: options.compression = .zstd
        case .gzip: options.compression = .gzip
        case .none: options.compression = .none
        }
        options.createdBy = "cq-dest-s3 version \(DestinationPlugin.version)"
        return try ParquetEncoder(schema: schema, options: options)
    }
}
