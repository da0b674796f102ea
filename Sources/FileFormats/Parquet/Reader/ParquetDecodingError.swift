/// Why a Parquet object cannot be read back: malformed or truncated bytes, a feature this
/// reader does not implement, or a column that does not fit the requested schema. The message
/// names the row group and column where it applies.
struct ParquetDecodingError: Error, CustomStringConvertible, Sendable, Equatable {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { "parquet: \(message)" }
}
