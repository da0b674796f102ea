import Arrow

/// The `json` format: JSON Lines, byte-for-byte what the Go plugin (cloudquery/filetypes
/// `json` writer) produces. One object per row followed by `\n`; keys sorted by their encoded
/// bytes (not column order); nulls kept as `null`; no HTML escaping at the top level; values
/// rendered as arrow-go's `GetOneForMarshal` gives them to goccy/go-json (see `JSONValuePlan`
/// and filetypes `json/write.go` `WriteContent`). No header, no footer.
///
/// Rows are encoded into a reusable buffer that is handed to the sink whenever it passes
/// `flushThreshold` bytes and at the end of each batch, so memory stays bounded for any batch
/// size. A value Go cannot encode (a float16 NaN, an invalid json value) fails the write with a
/// `ValueRenderingError` naming the column and row.
public struct JSONLinesEncoder: ObjectEncoder {
    public let flushThreshold: Int
    private var buffer: [UInt8] = []
    private var plan: (fields: [Field], plan: JSONValuePlan)?

    public init(flushThreshold: Int = 256 * 1024) {
        self.flushThreshold = max(flushThreshold, 1)
    }

    public mutating func begin(into sink: ByteSink) throws {}

    public mutating func write(_ batch: RecordBatch, into sink: ByteSink) throws {
        let rows = try plan(for: batch.schema).bind(rowsOf: batch)
        if buffer.capacity < flushThreshold + 4096 { buffer.reserveCapacity(flushThreshold + 4096) }
        buffer.removeAll(keepingCapacity: true)
        for row in 0..<batch.length {
            do {
                try rows.append(row, html: false, to: &buffer)
            } catch var error as ValueRenderingError {
                error.row = row
                buffer.removeAll(keepingCapacity: true)
                throw error
            }
            buffer.append(UInt8(ascii: "\n"))
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

    private mutating func flush(into sink: ByteSink) throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try sink.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Plans are rebuilt only when the schema's fields change (every batch of an object
    /// normally shares one schema).
    private mutating func plan(for schema: Schema) throws -> JSONValuePlan {
        if let cached = plan, Self.sameFields(cached.fields, schema.fields) { return cached.plan }
        let rowPlan = try JSONValuePlan(rowOf: schema)
        plan = (schema.fields, rowPlan)
        return rowPlan
    }

    private static func sameFields(_ a: [Field], _ b: [Field]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in
            x.name == y.name && x.type == y.type && x.extensionName == y.extensionName
                && sameFields(x.children, y.children)
        }
    }
}
