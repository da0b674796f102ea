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
        // The user's choice is honoured (arrow-go ≥ 18.6 always writes the root without a
        // repetition, which `undefined` gives; the Go plugin's default `repeated` is kept).
        switch spec.rootRepetition {
        case .undefined: options.rootRepetition = .undefined
        case .required: options.rootRepetition = .required
        case .optional: options.rootRepetition = .optional
        case .repeated: options.rootRepetition = .repeated
        }
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
