import Arrow
import FileFormats
import Foundation

/// One object being written: a batch of one table, encoded as its rows arrive (so the process
/// holds encoded bytes, not the Arrow payloads they came from), its bytes leaving through `upload`.
struct OpenObject {
    let table: String
    var encoder: any ObjectEncoder
    let upload: ObjectUpload
    var rows: Int64 = 0
    /// Arrow buffer bytes added so far (what `batch_size_bytes` counts, as in Go).
    var arrowBytes: Int64 = 0
    /// Encoded bytes already charged to the memory budget.
    var chargedBytes = 0

    var key: String { upload.key }

    init(table: String, encoder: any ObjectEncoder, upload: ObjectUpload) throws {
        self.table = table
        self.encoder = encoder
        self.upload = upload
        try self.encoder.begin(into: upload.buffer)
    }

    /// Encodes `batch`; returns the newly buffered bytes, to charge to the memory budget.
    mutating func append(_ batch: RecordBatch, arrowBytes: Int64) throws -> Int {
        try encoder.write(batch, into: upload.buffer)
        rows += Int64(batch.length)
        self.arrowBytes += arrowBytes
        return takeUncharged()
    }

    /// Writes the encoding's trailer; returns the newly buffered bytes.
    mutating func finishEncoding() throws -> Int {
        try encoder.finish(into: upload.buffer)
        return takeUncharged()
    }

    private mutating func takeUncharged() -> Int {
        let new = upload.buffer.totalWritten - chargedBytes
        chargedBytes = upload.buffer.totalWritten
        return new
    }
}
