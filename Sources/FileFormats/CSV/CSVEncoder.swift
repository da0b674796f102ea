import Arrow

/// The `csv` format, byte-for-byte what the Go plugin writes (cloudquery/filetypes `csv` over
/// arrow-go's CSV writer over Go's `encoding/csv`: filetypes `csv/write.go` `WriteContent`, arrow-go
/// `arrow/csv/writer.go` `Writer.Write`):
/// - every cell is arrow-go's `ValueStr` (`ValueStrPlan`), null is the empty field;
/// - fields are quoted by Go's rules (`CSVQuoting`), rows end with `\n`;
/// - with `header`, the column names form the first line. Like Go, the header is written by
///   the first `write` call (even for a batch of zero rows), so an object that never receives
///   a batch is empty.
///
/// Every batch of one object must have the schema of the first (the header names its
/// columns); a different one is an error, as in Go (`ErrMismatchFields`).
/// Rows are buffered and flushed by `TextRows`.
public struct CSVEncoder: ObjectEncoder {
    let delimiter: UInt8
    let header: Bool

    private var rows: TextRows
    private var schema: Schema?
    private var plans: [ValueStrPlan] = []

    /// - Parameters:
    ///   - delimiter: the field separator, one ASCII byte other than NUL, `"`, `\r`, `\n` (the
    ///     characters Go's `encoding/csv` refuses).
    ///   - header: write the column names as the first line (`skip_header: false`).
    public init(delimiter: UInt8 = UInt8(ascii: ","), header: Bool = true, flushThreshold: Int = 256 * 1024) throws {
        guard delimiter != 0, delimiter != UInt8(ascii: "\""), delimiter != 0x0d, delimiter != 0x0a, delimiter < 0x80 else {
            throw CSVEncoderError.invalidDelimiter(delimiter)
        }
        self.delimiter = delimiter
        self.header = header
        self.rows = TextRows(flushThreshold: flushThreshold)
    }

    public mutating func begin(into sink: ByteSink) throws {}

    public mutating func write(_ batch: RecordBatch, into sink: ByteSink) throws {
        if let schema {
            guard Field.sameShape(schema.fields, batch.schema.fields) else {
                throw CSVEncoderError.schemaChanged(
                    expected: schema.fields.map(\.name), got: batch.schema.fields.map(\.name))
            }
            rows.beginBatch()
        } else {
            plans = try batch.schema.fields.map { try ValueStrPlan(field: $0) }
            schema = batch.schema
            rows.beginBatch { [header, delimiter] buffer in
                if header { Self.appendHeader(batch.schema, delimiter: delimiter, to: &buffer) }
            }
        }
        let columns = zip(plans, batch.columns).map { $0.bind($1) }
        let delimiter = delimiter
        try rows.write(rows: batch.length, into: sink) { row, buffer in
            for (index, column) in columns.enumerated() {
                if index > 0 { buffer.append(delimiter) }
                let start = buffer.count
                try column.append(row, to: &buffer)
                CSVQuoting.quoteInPlaceIfNeeded(&buffer, from: start, delimiter: delimiter)
            }
        }
    }

    public mutating func finish(into sink: ByteSink) throws {
        try rows.flush(into: sink)
    }

    private static func appendHeader(_ schema: Schema, delimiter: UInt8, to buffer: inout [UInt8]) {
        for (index, field) in schema.fields.enumerated() {
            if index > 0 { buffer.append(delimiter) }
            var name = field.name
            name.withUTF8 { CSVQuoting.appendField(UnsafeRawBufferPointer($0), delimiter: delimiter, to: &buffer) }
        }
        buffer.append(0x0a)
    }
}

/// Why a CSV object cannot be written.
enum CSVEncoderError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The delimiter is not one ASCII byte that Go's `encoding/csv` accepts.
    case invalidDelimiter(UInt8)
    /// A batch's columns differ from those of the object's first batch.
    case schemaChanged(expected: [String], got: [String])

    var description: String {
        switch self {
        case .invalidDelimiter(let byte):
            let shown = byte >= 0x20 && byte < 0x7f ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
            return "invalid CSV delimiter \(shown): use one ASCII character other than a double quote, "
                + "carriage return, line feed or NUL (e.g. \",\" or \"\\t\")"
        case .schemaChanged(let expected, let got):
            return "a CSV object's batches must share one schema: the header has columns \(expected) "
                + "but a later batch has \(got)"
        }
    }
}
