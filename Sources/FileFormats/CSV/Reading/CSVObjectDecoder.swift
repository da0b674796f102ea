import Arrow

/// Reads the `csv` format (as our `CSVEncoder` and the Go plugin write it) back into record
/// batches, following cloudquery/filetypes `csv/read.go`: records split like Go's
/// `encoding/csv` (`CSVRecordReader`), cells converted like arrow-go (`CSVCellReader`); an
/// empty cell is null, so an empty string reads back as null (the writer cannot tell them
/// apart either).
///
/// With `header`, the first record must name the schema's columns in order. Where Go would
/// silently stop at the first malformed record (wrong field count, bad quoting: its reader
/// loop ignores that error), this reader reports it. An empty object has no rows.
public struct CSVObjectDecoder: ObjectDecoder, Sendable {
    let delimiter: UInt8
    let header: Bool

    /// - Parameters:
    ///   - delimiter: the field separator the object was written with (e.g. `,` or `\t`).
    ///   - header: the object starts with a header line (`skip_header: false`).
    public init(delimiter: UInt8, header: Bool) {
        self.delimiter = delimiter
        self.header = header
    }

    public func decode(_ object: UnsafeRawBufferPointer, schema: Schema, maxRows: Int,
                       emit: (RecordBatch) throws -> Void) throws {
        guard delimiter != 0, delimiter != UInt8(ascii: "\""), delimiter != 0x0d, delimiter != 0x0a, delimiter < 0x80 else {
            throw ObjectDecodingError(format: "csv", line: 0, column: nil, reason:
                "invalid delimiter byte 0x\(String(delimiter, radix: 16)): use one ASCII character other than "
                + "a double quote, carriage return, line feed or NUL")
        }
        let batch = RecordBatchBuilder(schema: schema)
        let batchRows = try batch.rowsPerBatch(atMost: maxRows)
        let scratch = ByteScratch()
        let cells = batch.columns.map { CSVCellReader(builder: $0, scratch: scratch) }
        let columnCount = schema.fields.count
        var records = CSVRecordReader(object, delimiter: delimiter)
        var needHeader = header
        while true {
            do {
                guard try records.next() else { break }
            } catch let error as CSVRecordReader.SyntaxError {
                throw ObjectDecodingError(format: "csv", line: error.line, column: nil, reason: error.reason)
            }
            let line = records.recordLine
            guard records.fields.count == columnCount else {
                throw ObjectDecodingError(format: "csv", line: line, column: nil, reason:
                    "wrong number of fields: the table has \(columnCount) columns but this "
                    + "\(needHeader ? "header" : "record") has \(records.fields.count) "
                    + "(check the delimiter and the header setting)")
            }
            if needHeader {
                needHeader = false
                try checkHeader(records, schema: schema, line: line)
                continue
            }
            try records.buffer.withUnsafeBytes { buffer in
                for (index, range) in records.fields.enumerated() {
                    do {
                        try cells[index].read(UnsafeRawBufferPointer(rebasing: buffer[range]))
                    } catch let error as ValueError {
                        throw ObjectDecodingError(format: "csv", line: line, column: error.path, reason: error.reason)
                    }
                }
            }
            if batch.count >= batchRows {
                try emit(try batch.finish())
            }
        }
        if batch.count > 0 {
            try emit(try batch.finish())
        }
    }

    private func checkHeader(_ records: CSVRecordReader, schema: Schema, line: Int) throws {
        try records.buffer.withUnsafeBytes { buffer in
            for (index, range) in records.fields.enumerated() {
                let name = schema.fields[index].name
                let found = UnsafeRawBufferPointer(rebasing: buffer[range])
                guard found.elementsEqual(name.utf8) else {
                    throw ObjectDecodingError(format: "csv", line: line, column: name, reason:
                        "the header names column \(index + 1) \(ObjectDecodingError.excerpt(found)) but the table's "
                        + "column \(index + 1) is \"\(name)\" (is the object from another table, or written without a header?)")
                }
            }
        }
    }
}
