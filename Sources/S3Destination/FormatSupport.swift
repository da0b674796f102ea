import Arrow
import FileFormats

/// Which encoder writes each format.
enum FormatSupport {
    /// Formats whose encoders exist; the rest fail Init with a clear message rather than mid-sync.
    static func check(_ config: DestinationConfig) throws {
        switch config.outputFormat {
        case .json:
            if config.compression != .none {
                throw PluginError(.invalidArgument, "compression \"\(config.compression)\" is not implemented yet in cq-dest-s3; remove `compression` from the spec")
            }
        case .csv, .parquet:
            throw PluginError(.invalidArgument, "format \"\(config.outputFormat.rawValue)\" is not implemented yet in cq-dest-s3; use format: json")
        }
    }

    static func makeEncoder(_ config: DestinationConfig, schema: Schema) throws -> any ObjectEncoder {
        switch config.outputFormat {
        case .json:
            return JSONLinesEncoder()
        case .csv, .parquet:
            throw PluginError(.invalidArgument, "format \"\(config.outputFormat.rawValue)\" is not implemented yet")
        }
    }
}
