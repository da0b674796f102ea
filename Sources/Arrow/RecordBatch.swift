/// Equal-length columns of one schema.
public struct RecordBatch: Sendable {
    public let schema: Schema
    /// Number of rows.
    public let length: Int
    /// One array per schema field, in schema order.
    public let columns: [ArrowArray]
    /// Sum of the Arrow buffer sizes of all columns (validity bitmaps of columns without nulls
    /// excluded), like arrow-go's `util.TotalRecordSize`; the figure `batch_size_bytes` is
    /// measured with. Like Go, a slice reports the size of the buffers it shares with its
    /// parent, so pro-rate by rows when cutting a batch.
    public let bufferByteSize: Int

    public init(schema: Schema, length: Int, columns: [ArrowArray]) {
        precondition(columns.count == schema.fields.count, "one column per schema field")
        self.schema = schema
        self.length = length
        self.columns = columns
        self.bufferByteSize = columns.reduce(0) { $0 + $1.bufferByteSize }
    }

    /// The batch as one struct array whose members are the columns (arrow-go's
    /// `RecordToStructArray`): a row is then element `i`. No nulls; shares the column arrays.
    public var structArray: ArrowArray {
        // A struct has no buffers of its own besides validity; any valid pointer will do.
        let owner = columns.first?.owner ?? Self.empty
        return ArrowArray(
            type: .struct, layout: .struct, length: length, offset: 0, nullCount: 0, validity: nil,
            values: owner.base, data: owner.base, width: 0,
            children: columns, bufferByteSize: bufferByteSize, owner: owner)
    }

    /// Owner for the struct view of a batch without columns.
    private static let empty = ArrowBytes(copying: UnsafeRawBufferPointer(start: nil, count: 0))

    /// The column of the first field called `name`.
    func column(named name: String) -> ArrowArray? {
        schema.fieldIndex(named: name).map { columns[$0] }
    }

    /// Rows `[offset, offset + length)`, sharing this batch's buffers (no copy).
    public func slice(offset: Int, length count: Int) -> RecordBatch {
        precondition(offset >= 0 && count >= 0 && offset <= length - count,
                     "slice \(offset)..<\(offset + count) out of range 0..<\(length)")
        return RecordBatch(
            schema: schema, length: count,
            columns: columns.map { $0.slice(offset: offset, length: count) })
    }
}
