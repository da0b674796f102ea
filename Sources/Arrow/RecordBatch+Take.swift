extension RecordBatch {
    /// The rows at `indices`, in that order, copied into new buffers (arrow-go `compute.Take` on
    /// every column): how a batch is split by the values of some of its columns. Nested values
    /// are copied whole. Throws for an index out of range.
    public func take(_ indices: [Int]) throws -> RecordBatch {
        guard !columns.isEmpty else {
            return RecordBatch(schema: schema, length: indices.count, columns: [])
        }
        let builder = RecordBatchBuilder(schema: schema)
        for (column, source) in zip(builder.columns, columns) {
            column.reserveCapacity(indices.count)
            for i in indices {
                try column.append(from: source, at: i)
            }
        }
        return try builder.finish()
    }
}
