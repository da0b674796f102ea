import Arrow

/// The `csv` format, byte-for-byte what the Go plugin writes (cloudquery/filetypes `csv` over
/// arrow-go's CSV writer over Go's `encoding/csv`: filetypes `csv/write.go` `WriteContent`, arrow-go
/// `arrow/csv/writer.go` `Writer.Write`):
/// - every cell is arrow-go's `ValueStr` (`CSVColumnPlan`), null is the empty field;
/// - fields are quoted by Go's rules (`CSVQuoting`), rows end with `\n`;
/// - with `header`, the column names form the first line. Like Go, the header is written by
///   the first `write` call (even for a batch of zero rows), so an object that never receives
///   a batch is empty.
///
/// Every batch of one object must have the schema of the first (the header names its
/// columns); a different one is an error, as in Go (`ErrMismatchFields`).
/// Rows go into a reusable buffer handed to the sink whenever it passes `flushThreshold`
/// bytes and at the end of each batch, so memory stays bounded for any batch size.
public struct CSVEncoder: ObjectEncoder {
    public let delimiter: UInt8
    public let header: Bool
    public let flushThreshold: Int

    private var buffer: [UInt8] = []
    private var schema: Schema?
    private var plans: [CSVColumnPlan] = []

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
        self.flushThreshold = max(flushThreshold, 1)
    }

    public mutating func begin(into sink: ByteSink) throws {}

    public mutating func write(_ batch: RecordBatch, into sink: ByteSink) throws {
        if buffer.capacity < flushThreshold + 4096 { buffer.reserveCapacity(flushThreshold + 4096) }
        buffer.removeAll(keepingCapacity: true)
        if let schema {
            guard Self.sameFields(schema.fields, batch.schema.fields) else {
                throw CSVEncoderError.schemaChanged(
                    expected: schema.fields.map(\.name), got: batch.schema.fields.map(\.name))
            }
        } else {
            plans = try batch.schema.fields.map { try CSVColumnPlan(field: $0) }
            schema = batch.schema
            if header { appendHeader(batch.schema) }
        }
        let columns = zip(plans, batch.columns).map { $0.bind($1) }
        for row in 0..<batch.length {
            for (index, column) in columns.enumerated() {
                if index > 0 { buffer.append(delimiter) }
                let start = buffer.count
                do {
                    try column.append(row, to: &buffer)
                } catch var error as ValueRenderingError {
                    error.row = row
                    buffer.removeAll(keepingCapacity: true)
                    throw error
                }
                CSVQuoting.quoteInPlaceIfNeeded(&buffer, from: start, delimiter: delimiter)
            }
            buffer.append(0x0a)
            if buffer.count >= flushThreshold {
                try flush(into: sink)
            }
        }
        try flush(into: sink)
        // Released between batches: with hundreds of objects open, a scratch buffer kept by each
        // would be memory the budget does not see.
        buffer = []
    }

    public mutating func finish(into sink: ByteSink) throws {
        try flush(into: sink)
    }

    private mutating func appendHeader(_ schema: Schema) {
        for (index, field) in schema.fields.enumerated() {
            if index > 0 { buffer.append(delimiter) }
            var name = field.name
            name.withUTF8 { CSVQuoting.appendField(UnsafeRawBufferPointer($0), delimiter: delimiter, to: &buffer) }
        }
        buffer.append(0x0a)
    }

    private mutating func flush(into sink: ByteSink) throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try sink.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Same names and types, extension names included, all the way down.
    private static func sameFields(_ a: [Field], _ b: [Field]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in
            x.name == y.name && x.type == y.type && x.extensionName == y.extensionName
                && sameFields(x.children, y.children)
        }
    }
}

/// Why a CSV object cannot be written.
public enum CSVEncoderError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The delimiter is not one ASCII byte that Go's `encoding/csv` accepts.
    case invalidDelimiter(UInt8)
    /// A batch's columns differ from those of the object's first batch.
    case schemaChanged(expected: [String], got: [String])

    public var description: String {
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
