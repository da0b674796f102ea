/// Columns of one schema built side by side into a `RecordBatch`.
public struct RecordBatchBuilder {
    public let schema: Schema
    /// One per schema field.
    public let columns: [ArrowArrayBuilder]

    public init(schema: Schema) {
        self.schema = schema
        columns = schema.fields.map { ArrowArrayBuilder(field: $0) }
    }

    /// Rows appended (columns[0].count; 0 if there are no columns).
    public var count: Int { columns.first?.count ?? 0 }

    /// The batch built so far; every column starts over empty. Throws (and finishes nothing)
    /// when the columns differ in length.
    public func finish() throws -> RecordBatch {
        let rows = count
        if let uneven = columns.first(where: { $0.count != rows }) {
            throw ArrowError.invalidValue(
                "record batch columns differ in length: \"\(columns[0].field.name)\" has \(rows) values, "
                    + "\"\(uneven.field.name)\" has \(uneven.count); append one value to every column per row")
        }
        return RecordBatch(schema: schema, length: rows, columns: columns.map { $0.finish() })
    }
}
