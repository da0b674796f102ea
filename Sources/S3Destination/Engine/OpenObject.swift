import Arrow
import FileFormats

/// One object being written: a batch of one table, encoded as its rows arrive (so the process
/// holds encoded bytes, not the Arrow payloads they came from), whole parts leaving through its
/// `upload` while the rest waits in `buffer` (in memory, or spilled to disk).
struct OpenObject {
    let serial: Int
    let upload: ObjectUpload
    var encoder: any ObjectEncoder
    let buffer: ObjectBuffer
    var rows: Int64 = 0
    /// Arrow buffer bytes added so far (what `batch_size_bytes` counts, as in Go).
    var arrowBytes: Int64 = 0

    var table: String { upload.table }
    var key: String { upload.key }

    /// Memory this object holds now: its buffer and what its encoder keeps (a Parquet row group).
    var memoryBytes: Int { buffer.memoryBytes + encoder.bufferedBytes }

    init(serial: Int, upload: ObjectUpload, encoder: any ObjectEncoder, partSize: Int,
         partBuffers: PartBufferPool?) throws {
        self.serial = serial
        self.upload = upload
        self.encoder = encoder
        buffer = ObjectBuffer(partSize: partSize, pool: partBuffers)
        try self.encoder.begin(into: buffer)
    }

    mutating func append(_ batch: RecordBatch, arrowBytes: Int64) throws {
        try encoder.write(batch, into: buffer)
        rows += Int64(batch.length)
        self.arrowBytes += arrowBytes
    }

    /// Moves what this object holds in memory to disk: the encoder's buffered rows are written out
    /// (a Parquet row group ends early) and the buffer spills.
    mutating func moveToDisk() throws {
        try encoder.flushBuffered(into: buffer)
        try buffer.moveToDisk()
    }
}
