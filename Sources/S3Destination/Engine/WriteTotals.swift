import Logging

/// What a Write stream wrote: the totals logged at its end and the objects the sync manifest lists.
struct WriteTotals {
    var objects = 0
    var rows: Int64 = 0
    var bytes: Int64 = 0
    var parts = 0
    /// Objects whose bytes went to a spill file (memory pressure).
    var spilledObjects = 0
    /// Objects closed before their batch was full because their table reached `max_open_partitions`.
    var partitionsClosedEarly = 0
    /// Every object written, in completion order.
    private(set) var written: [ManifestEntry] = []

    mutating func record(_ upload: ObjectUpload, logger: Logger) {
        objects += 1
        rows += upload.rows
        bytes += Int64(upload.bytes)
        parts += upload.partsUploaded
        written.append(ManifestEntry(
            key: upload.key, table: upload.table, rows: upload.rows, bytes: upload.bytes, crc32: upload.crc32))
        let elapsed = ContinuousClock.now - upload.opened
        logger.info("object written", metadata: [
            "table": "\(upload.table)", "key": "\(upload.key)", "rows": "\(upload.rows)", "bytes": "\(upload.bytes)",
            "parts": "\(upload.partsUploaded)",
            "ms": "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)",
        ])
    }
}
