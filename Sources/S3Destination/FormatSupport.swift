import Arrow
import FileFormats

/// Which encoder writes (and which decoder reads) each format, with the spec's compression and Athena settings around it.
enum FormatSupport {
    static func makeEncoder(_ config: DestinationConfig, schema: Schema) throws -> any ObjectEncoder {
        var encoder: any ObjectEncoder
        switch config.format {
        case .json:
            encoder = JSONLinesEncoder()
        case .csv(let csv):
            encoder = try CSVEncoder(delimiter: csv.delimiterByte, header: !csv.skipHeader)
        case .parquet(let parquet):
            encoder = try ParquetEncoder(schema: schema, options: parquet.writerOptions)
        }
        if config.athena { encoder = AthenaEncoder(wrapping: encoder) }
        if config.compression != .none { encoder = CompressedEncoder(encoder, compression: config.compression) }
        return encoder
    }

    /// The reader of the spec's format, for `Read` (objects are decompressed before it runs).
    static func makeDecoder(_ config: DestinationConfig) -> any ObjectDecoder {
        switch config.format {
        case .json: return JSONLinesObjectDecoder()
        case .csv(let csv): return CSVObjectDecoder(delimiter: csv.delimiterByte, header: !csv.skipHeader)
        case .parquet: return ParquetObjectDecoder(memoryBudgetBytes: config.memoryBudgetBytes)
        }
    }
}
