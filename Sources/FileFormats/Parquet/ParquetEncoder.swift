import Arrow

/// The `parquet` format: a streaming Parquet writer producing what the Go plugin's
/// cloudquery/filetypes + arrow-go pqarrow writer produces (filetypes `parquet/write.go`
/// `WriteHeader`/`WriteContent`, arrow-go `parquet/pqarrow` `FileWriter`): the same schema mapping (strings for extension, duration, interval and large types),
/// DataPage V1, dictionary encoding with PLAIN fallback, statistics, the table's schema
/// metadata as key-value metadata. Unlike the Go plugin it does not hold the whole object:
/// row groups leave for the sink as soon as they reach `maxRowGroupLength` rows or
/// `maxRowGroupBytes` of encoded data (see `ParquetWriterOptions`).
///
/// The schema is fixed when the encoder is made, so an object with no rows (`begin` then
/// `finish`) is still a valid file with the full schema and no row groups. Every batch must
/// have that schema. Arrow buffers are not retained after `write` returns.
///
/// After any error the object is incomplete: further calls fail and the caller must discard
/// (abort) the object.
public struct ParquetEncoder: ObjectEncoder {
    private let writer: ParquetFileWriter

    /// Fails when the schema has something Parquet cannot store (a struct without fields, a
    /// non-nullable null column) or the options are invalid (e.g. `maxRowGroupLength` 0).
    public init(schema: Schema, options: ParquetWriterOptions = ParquetWriterOptions()) throws {
        writer = try ParquetFileWriter(schema: schema, options: options)
    }

    var options: ParquetWriterOptions { writer.options }

    /// Encoded bytes held for the row group being built (bounded by `maxRowGroupBytes`, plus
    /// at most one slice of rows).
    var bufferedByteCount: Int { writer.bufferedBytes }
    /// What the memory budget charges: the row group's buffers by the memory they occupy.
    public var bufferedBytes: Int { writer.heldBytes }

    /// Writes the `PAR1` magic.
    public mutating func begin(into sink: ByteSink) throws {
        try writer.begin(into: sink)
    }

    public mutating func write(_ batch: RecordBatch, into sink: ByteSink) throws {
        try writer.write(batch, into: sink)
    }

    /// Ends the row group being built (if it has rows) and writes it to the sink.
    public mutating func flushBuffered(into sink: ByteSink) throws {
        try writer.flushBuffered(into: sink)
    }

    /// Writes the last row group, the footer (FileMetaData) and the closing magic.
    public mutating func finish(into sink: ByteSink) throws {
        try writer.finish(into: sink)
    }
}
