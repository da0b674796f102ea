import Arrow

/// The rows of a text format (CSV, JSON Lines) on their way to the sink: one line per row, each
/// ended by `\n`, gathered in a reusable buffer that is handed to the sink whenever it passes
/// `flushThreshold` bytes and at the end of each batch, so memory stays bounded for any batch
/// size. A `ValueRenderingError` from a row gets the row's number and nothing of the failed
/// batch that is still buffered reaches the sink.
struct TextRows {
    let flushThreshold: Int
    private var buffer: [UInt8] = []

    init(flushThreshold: Int) {
        self.flushThreshold = max(flushThreshold, 1)
    }

    /// Starts a batch: `prefix` writes what precedes its rows (the CSV header).
    mutating func beginBatch(_ prefix: (inout [UInt8]) -> Void = { _ in }) {
        if buffer.capacity < flushThreshold + 4096 { buffer.reserveCapacity(flushThreshold + 4096) }
        buffer.removeAll(keepingCapacity: true)
        prefix(&buffer)
    }

    /// Writes rows `0..<count`, each appended by `row`, then hands the rest to the sink.
    mutating func write(rows count: Int, into sink: ByteSink, _ row: (Int, inout [UInt8]) throws -> Void) throws {
        for index in 0..<count {
            do {
                try row(index, &buffer)
            } catch var error as ValueRenderingError {
                error.row = index
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

    mutating func flush(into sink: ByteSink) throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try sink.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}

extension Field {
    /// Same names and types, extension names included, all the way down: batches of one text
    /// object must agree on this (CSV's header names the columns; the JSON plan is per schema).
    static func sameShape(_ a: [Field], _ b: [Field]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in
            x.name == y.name && x.type == y.type && x.extensionName == y.extensionName
                && sameShape(x.children, y.children)
        }
    }
}
