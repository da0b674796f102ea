import FileFormats

extension ParquetSpec {
    /// The Parquet writer's options for this `format_spec`.
    var writerOptions: ParquetWriterOptions {
        var options = ParquetWriterOptions()
        options.version = version.formatVersion
        // `root_repetition` is accepted and validated as the Go plugin does, but never written:
        // arrow-go ≥ 18.6 (the Go plugin pins 18.7) writes the root without a repetition whatever
        // the option says (apache/arrow-go#723, pqarrow `schema.go` `ToParquet`); a REPEATED root
        // makes fastparquet read struct columns as null and breaks Snowflake and Impala.
        options.rootRepetition = .undefined
        options.maxRowGroupLength = maxRowGroupLength
        options.compression = compression
        options.createdBy = "cq-dest-s3 version \(DestinationPlugin.version)"
        return options
    }
}
