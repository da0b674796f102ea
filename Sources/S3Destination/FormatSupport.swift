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
            encoder = try ParquetSupport.makeEncoder(parquet, schema: schema)
        }
        if config.athena { encoder = AthenaEncoder(wrapping: encoder) }
        switch config.compression {
        case .none: break
        case .gzip: encoder = CompressedEncoder(encoder, compression: .gzip)
        case .zstd: encoder = CompressedEncoder(encoder, compression: .zstd)
        }
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
