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
    /// Encoded bytes written to the upload buffer, all charged to the memory budget.
    var chargedBytes = 0
    /// Bytes the encoder holds (e.g. a Parquet row group being built), as last charged.
    var chargedEncoderBytes = 0

    /// What this object holds in memory right now (buffer not yet sent + encoder state).
    var heldBytes: Int { upload.buffer.count + encoder.bufferedBytes }

    var key: String { upload.key }

    init(table: String, encoder: any ObjectEncoder, upload: ObjectUpload) throws {
        self.table = table
        self.encoder = encoder
        self.upload = upload
        try self.encoder.begin(into: upload.buffer)
    }

    /// Encodes `batch`; returns the change in bytes held, to charge to the memory budget (negative
    /// when the encoder hands buffered data to the upload buffer in compressed form).
    mutating func append(_ batch: RecordBatch, arrowBytes: Int64) throws -> Int {
        try encoder.write(batch, into: upload.buffer)
        rows += Int64(batch.length)
        self.arrowBytes += arrowBytes
        return takeUncharged()
    }

    /// Writes the encoding's trailer; returns the change in bytes held.
    mutating func finishEncoding() throws -> Int {
        try encoder.finish(into: upload.buffer)
        return takeUncharged()
    }

    private mutating func takeUncharged() -> Int {
        let written = upload.buffer.totalWritten - chargedBytes
        chargedBytes = upload.buffer.totalWritten
        let encoderDelta = encoder.bufferedBytes - chargedEncoderBytes
        chargedEncoderBytes = encoder.bufferedBytes
        return written + encoderDelta
    }
}
