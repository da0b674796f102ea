import Arrow
import FileFormats

/// Which encoder writes each format, with the spec's compression and Athena settings around it.
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
}
