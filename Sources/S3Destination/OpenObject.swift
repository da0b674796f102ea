import Arrow
import FileFormats
import Foundation

/// One object being written: a batch of one table, encoded as its rows arrive (so the process
/// holds encoded bytes, not the Arrow payloads they came from).
struct OpenObject {
    let table: String
    let key: String
    var encoder: any ObjectEncoder
    let sink: BufferSink
    var rows: Int64 = 0
    /// Arrow buffer bytes added so far (what `batch_size_bytes` counts, as in Go).
    var arrowBytes: Int64 = 0

    init(table: String, key: String, encoder: any ObjectEncoder) throws {
        self.table = table
        self.key = key
        self.encoder = encoder
        self.sink = BufferSink()
        try self.encoder.begin(into: sink)
    }

    mutating func append(_ batch: RecordBatch, arrowBytes: Int64) throws {
        try encoder.write(batch, into: sink)
        rows += Int64(batch.length)
        self.arrowBytes += arrowBytes
    }

    /// Finishes the encoding and hands over the object's bytes.
    mutating func finish() throws -> [UInt8] {
        try encoder.finish(into: sink)
        return sink.bytes
    }
}
