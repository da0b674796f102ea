import Arrow

/// The `json` format: JSON Lines, byte-for-byte what the Go plugin (cloudquery/filetypes
/// `json` writer) produces. One object per row followed by `\n`; keys sorted by their encoded
/// bytes (not column order); nulls kept as `null`; no HTML escaping at the top level; values
/// rendered as arrow-go's `GetOneForMarshal` gives them to goccy/go-json (see `JSONValuePlan`
/// and filetypes `json/write.go` `WriteContent`). No header, no footer.
///
/// Rows are buffered and flushed by `TextRows`. A value Go cannot encode (a float16 NaN, an
/// invalid json value) fails the write with a `ValueRenderingError` naming the column and row.
public struct JSONLinesEncoder: ObjectEncoder {
    private var rows: TextRows
    private var plan: (fields: [Field], plan: JSONValuePlan)?

    public init(flushThreshold: Int = 256 * 1024) {
        self.rows = TextRows(flushThreshold: flushThreshold)
    }

    public mutating func begin(into sink: ByteSink) throws {}

    public mutating func write(_ batch: RecordBatch, into sink: ByteSink) throws {
        let values = try plan(for: batch.schema).bind(rowsOf: batch)
        rows.beginBatch()
        try rows.write(rows: batch.length, into: sink) { row, buffer in
            try values.append(row, html: false, to: &buffer)
        }
    }

    public mutating func finish(into sink: ByteSink) throws {
        try rows.flush(into: sink)
    }

    /// Plans are rebuilt only when the schema's fields change (every batch of an object
    /// normally shares one schema).
    private mutating func plan(for schema: Schema) throws -> JSONValuePlan {
        if let cached = plan, Field.sameShape(cached.fields, schema.fields) { return cached.plan }
        let rowPlan = try JSONValuePlan(rowOf: schema)
        plan = (schema.fields, rowPlan)
        return rowPlan
    }
}
