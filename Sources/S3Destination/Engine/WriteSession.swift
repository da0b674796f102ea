import Arrow
import FileFormats
import Foundation
import Logging

/// The one owner of a Write stream's state: open objects (one per table, or per table and
/// partition when `path` has row variables — `PartitionRouter`), their encoders and
/// buffers, the uploads in flight and the memory they hold. `WriteLoop` hands it one event at a
/// time and it never awaits, so no two things ever change that state at once.
///
/// Objects close exactly when the Go plugin's streaming batch writer closes them
/// (cloudquery/plugin-sdk `writers/streamingbatchwriter`): on `batch_size` rows, on
/// `batch_size_bytes` Arrow bytes (records are sliced to fit), on `batch_timeout`, when the message
/// kind changes, and at the end of the stream. Beyond Go, all of it shares one memory budget:
/// when open objects outgrow it their bytes spill to disk (never an early, smaller object), and
/// the stream is read on only once memory is back under the budget.
final class WriteSession {
    struct Settings: Sendable {
        var limits: BatchLimits
        /// nil: no timeout (no_rotate, or batch_timeout 0).
        var timeout: Duration?
        var contentType: String
        var partSize: Int
        var writeEmptyObjects: Bool
        var memoryBudget: Int
        var maxRequestsInFlight: Int
        /// `partition`: the escaped values of the path's row variables (empty without them).
        var objectKey: @Sendable (_ table: String, _ partition: [String], _ time: Date) -> String
        var makeEncoder: @Sendable (_ schema: Schema) throws -> any ObjectEncoder
        /// Columns named by row variables (`{{.column}}`) in `path`; empty: one object per table.
        var partitionColumns: [String] = []
        /// `max_open_partitions`: open objects per table with row variables.
        var maxOpenPartitions: Int = Int(DestinationSpec.defaultMaxOpenPartitions)
    }

    private let settings: Settings
    private let logger: Logger
    private let scheduler: RequestScheduler
    /// Finished request bodies, kept as the buffers of later parts while the stream is read.
    private let partBuffers: PartBufferPool
    private var open: [ObjectSlot: OpenObject] = [:]
    private var router: PartitionRouter
    private var recency: PartitionRecency
    /// Every object not settled yet (open, or closed and still uploading), by serial number.
    private var uploads: [Int: ObjectUpload] = [:]
    private var nextSerial = 0
    /// Per object slot: when its batch_timeout ticker fires next (reset when a batch closes by a limit or flush).
    private var nextTick: [ObjectSlot: ContinuousClock.Instant] = [:]
    /// write_empty_objects_for_empty_tables: the empty object's key, reused (overwritten) by the first batch
    /// of its slot (with row variables: the partition whose values are all null).
    private var emptyObjectKeys: [ObjectSlot: String] = [:]
    private var lastKind: WriteMessage.Kind?
    private var failure = WriteStreamFailure()
    /// A failure of the stream itself (bad message, the client went away): reported as it is.
    private var streamError: (any Error)?
    private(set) var totals = WriteTotals()
    /// The most memory held at once (checked before each message is read): for tests and the log.
    private(set) var mostMemoryUsed = 0

    init(settings: Settings, store: any ObjectStore, events: AsyncStream<WriteEvent>.Continuation, logger: Logger) {
        self.settings = settings
        self.logger = logger
        router = PartitionRouter(columns: settings.partitionColumns)
        recency = PartitionRecency(limit: settings.maxOpenPartitions)
        scheduler = RequestScheduler(maxInFlight: settings.maxRequestsInFlight, store: store, events: events)
        partBuffers = PartBufferPool(keptBytes: settings.memoryBudget / 8)
    }

    var hasFailed: Bool { streamError != nil || !failure.objects.isEmpty }
    /// Nothing queued or in flight: after the end of the stream (or a failure), the work is done.
    var isIdle: Bool { scheduler.isIdle }

    // MARK: events

    func handle(_ message: WriteMessage) throws {
        if let lastKind, lastKind != message.kind { try flushAll() }
        lastKind = message.kind
        switch message {
        case .migrateTable(let bytes, _):
            if router.isActive {
                let (stream, table) = try Self.decode(bytes, failure: "failed to create schema from bytes")
                try router.check(stream.schema, table: table)
            }
            if settings.writeEmptyObjects { try writeEmptyObject(bytes) }
        case .insert(let record):
            let (stream, table) = try Self.decode(record, failure: "failed to create record")
            for batch in stream.batches where batch.length > 0 {
                for part in try router.split(batch, table: table) {
                    try add(part.batch, to: ObjectSlot(table: table, partition: part.values), schema: stream.schema)
                }
            }
        case .deleteStale(let table, _, _):
            // As the Go plugin: drained, then the stream fails (S3 objects are append-only).
            failure.other.append("handler failed on \(table): DeleteStale: not implemented")
        case .deleteRecord(let table):
            failure.other.append("handler failed on \(table): DeleteRecords: not implemented")
        }
    }

    /// The end of the stream: every object closes.
    func endOfStream() throws {
        try flushAll()
        partBuffers.close()
    }

    /// The batch_timeout ticker: closes each table's object whose tick is due and has rows.
    func tick(now: ContinuousClock.Instant = .now) throws {
        guard let timeout = settings.timeout else { return }
        for (slot, due) in nextTick where due <= now {
            var next = due
            while next <= now { next = next.advanced(by: timeout) }
            nextTick[slot] = next
            if let object = open[slot], object.rows > 0 {
                try close(slot)
            } else if router.isActive && open[slot] == nil {
                nextTick[slot] = nil  // a partition not written lately: forget it (values may be many)
            }
        }
    }

    /// An S3 request answered.
    func stored(job: Int, _ result: Result<StoreReply, any Error>) {
        guard let (serial, kind, body) = scheduler.finished(job: job) else { return }
        if let body { partBuffers.giveBack(body) }
        guard let upload = uploads[serial] else { return }
        let calls = upload.stored(result, kind: kind)
        enqueue(calls, for: serial)
        settleIfDone(serial)
    }

    /// The stream cannot go on: stops every object (aborting multipart uploads once their parts
    /// are back) so that nothing is left behind. `error` is reported unless objects failed first.
    func fail(_ error: any Error) {
        if let objectFailure = error as? ObjectWriteFailure {
            failure.objects.append(objectFailure)
        } else if streamError == nil && failure.objects.isEmpty {
            streamError = error
        }
        abandonAll()
    }

    /// An object failed: the stream stops reading and every other object stops too.
    func stop() {
        abandonAll()
    }

    /// Starts the requests that slots and memory allow.
    func startRequests() {
        let left = settings.memoryBudget - memoryUsed
        for (job, error) in scheduler.startReady(memoryLeft: left) {
            // A spilled body could not be read back: the object fails like a failed upload.
            guard let upload = uploads[job.object] else { continue }
            enqueue(upload.stored(.failure(error), kind: job.call.kind), for: job.object)
            settleIfDone(job.object)
        }
    }

    /// Keeps memory under the budget before the next message is read: open objects move their
    /// bytes to disk, largest first, until three quarters of the budget are free of them. Returns
    /// whether the next message may be read now (false: wait for uploads to give memory back).
    func relievePressure() throws -> Bool {
        let usedBefore = memoryUsed
        mostMemoryUsed = max(mostMemoryUsed, usedBefore)
        guard usedBefore > settings.memoryBudget else { return true }
        let target = settings.memoryBudget / 4 * 3
        // Kept part buffers go before any object's bytes move to disk.
        var used = usedBefore - partBuffers.empty()
        for slot in open.keys.sorted(by: { open[$0]!.memoryBytes > open[$1]!.memoryBytes }) where used > target {
            guard var object = open[slot], object.memoryBytes >= Self.smallestSpill else { break }
            let before = object.memoryBytes
            if !object.buffer.isSpilled { totals.spilledObjects += 1 }
            do {
                try object.moveToDisk()
                open[slot] = object
                try sendWholeParts(of: object)
            } catch {
                open[slot] = nil
                throw ObjectWriteFailure(table: slot.table, key: object.key, cause: "\(error)")
            }
            used -= before - (open[slot]?.memoryBytes ?? 0)
            logger.debug("memory budget reached: object moved to disk", metadata: [
                "table": "\(slot.table)", "key": "\(object.key)", "bytes": "\(before)",
            ])
        }
        if used > target && router.isActive { try closeLeastRecentlyWritten(while: target) }
        let usedAfter = memoryUsed
        FreedMemory.returnToSystem(afterFreeing: usedBefore - usedAfter)
        return usedAfter <= settings.memoryBudget || scheduler.inFlight == 0
    }

    /// Many partitions, each too small to spill (an encoder's page scratch, a few rows): the least
    /// recently written objects close (and upload) until memory is under `target`, as the
    /// `max_open_partitions` limit closes them; a later row of the partition opens a new object.
    /// Closing frees only what the open objects hold: when queued and in-flight bodies alone
    /// spend `target`, waiting for uploads (backpressure) is the remedy, not smaller objects.
    private func closeLeastRecentlyWritten(while target: Int) throws {
        while memoryUsed > target, memoryUsed - openMemory < target, let slot = recency.leastRecentlyWritten() {
            try close(slot)
            nextTick[slot] = nil
            totals.partitionsClosedEarly += 1
        }
    }

    /// The stream's outcome once idle: throws what failed.
    func outcome() throws {
        if let streamError { throw streamError }
        if !failure.isEmpty { throw failure.pluginError }
    }

    var mostRequestsInFlight: Int { scheduler.mostInFlight }
    /// Part buffers that were finished request bodies.
    var reusedPartBuffers: Int { partBuffers.reused }

    // MARK: batching

    /// Objects below this many bytes in memory are not worth a spill file.
    static let smallestSpill = 64 << 10

    /// Bytes held in memory by open objects.
    private var openMemory: Int { open.values.reduce(0) { $0 + $1.memoryBytes } }

    /// Bytes held in memory by open objects, parts waiting for their upload, request bodies, and
    /// finished bodies kept for later parts.
    var memoryUsed: Int {
        openMemory + uploads.values.reduce(0) { $0 + $1.waitingMemory }
            + scheduler.queuedMemory + scheduler.runningMemory + partBuffers.residentBytes
    }

    /// An IPC message of the Write stream and the table it names (the Go SDK's wording on failure).
    private static func decode(_ bytes: Data, failure: String) throws -> (ArrowStream, table: String) {
        try decode(bytes.withUnsafeBytes { ArrowBytes(copying: $0) }, failure: failure)
    }

    private static func decode(_ payload: ArrowBytes, failure: String) throws -> (ArrowStream, table: String) {
        let stream: ArrowStream
        do {
            stream = try ArrowIPC.readStream(payload)
        } catch {
            throw PluginError(.invalidArgument, "\(failure): \(error)")
        }
        guard let table = stream.schema.tableName else {
            throw PluginError(.invalidArgument, "table name not found in metadata (cq:table_name)")
        }
        return (stream, table)
    }

    /// Adds a record to the slot's open object, slicing it where a row or byte cap falls.
    private func add(_ batch: RecordBatch, to slot: ObjectSlot, schema: Schema) throws {
        let limits = settings.limits
        // As Go: each row counts the record's Arrow size divided by its rows.
        let bytesPerRow = Int64(batch.bufferByteSize) / Int64(max(1, batch.length))
        var offset = 0
        while offset < batch.length {
            if open[slot] == nil { try openObject(slot, schema: schema) }
            guard var object = open[slot] else { return }
            let fit = limits.rowsThatFit(
                available: batch.length - offset, bytesPerRow: bytesPerRow,
                currentRows: object.rows, currentBytes: object.arrowBytes)
            if fit == 0 {
                try close(slot, resetTicker: true)
                continue
            }
            let part = (offset == 0 && fit == batch.length) ? batch : batch.slice(offset: offset, length: fit)
            do {
                try object.append(part, arrowBytes: bytesPerRow * Int64(fit))
                open[slot] = object
                try sendWholeParts(of: object)
            } catch {
                open[slot] = nil
                throw ObjectWriteFailure(table: slot.table, key: object.key, cause: "\(error)")
            }
            if router.isActive { recency.touch(slot) }
            offset += fit
            if limits.isFull(rows: object.rows, bytes: object.arrowBytes) {
                try close(slot, resetTicker: true)
            }
        }
    }

    /// Hands every whole part the object's buffer holds to its upload.
    private func sendWholeParts(of object: OpenObject) throws {
        while let part = try object.buffer.takePart() {
            enqueue(try object.upload.addPart(.bytes(part)), for: object.serial)
        }
    }

    private func openObject(_ slot: ObjectSlot, schema: Schema) throws {
        if router.isActive, let oldest = recency.leastRecentlyWritten(beforeOpeningIn: slot.table) {
            // max_open_partitions: the least recently written object of the table makes room.
            try close(oldest)
            nextTick[oldest] = nil
            totals.partitionsClosedEarly += 1
        }
        if router.isActive && memoryUsed > settings.memoryBudget {
            // One Insert can fan out to hundreds of partitions, each with a new encoder: make room
            // now rather than after the message.
            try closeLeastRecentlyWritten(while: settings.memoryBudget / 4 * 3)
        }
        let table = slot.table
        let key = emptyObjectKeys.removeValue(forKey: slot) ?? settings.objectKey(table, slot.partition, Date())
        let upload = ObjectUpload(table: table, key: key, contentType: settings.contentType)
        let serial = nextSerial
        nextSerial += 1
        do {
            open[slot] = try OpenObject(
                serial: serial, upload: upload, encoder: try settings.makeEncoder(schema), partSize: settings.partSize,
                partBuffers: partBuffers)
        } catch {
            throw ObjectWriteFailure(table: table, key: key, cause: "\(error)")
        }
        uploads[serial] = upload
        if nextTick[slot] == nil, let timeout = settings.timeout {
            nextTick[slot] = .now.advanced(by: timeout)
        }
    }

    /// Finishes the slot's object: its trailer is encoded and its last bytes queued for S3.
    private func close(_ slot: ObjectSlot, resetTicker: Bool = false) throws {
        guard var object = open.removeValue(forKey: slot) else { return }
        if router.isActive { recency.remove(slot) }
        if resetTicker, let timeout = settings.timeout { nextTick[slot] = .now.advanced(by: timeout) }
        do {
            try object.encoder.finish(into: object.buffer)
            let buffer = object.buffer
            // What the encoder wrote last (a whole Parquet row group) may hold whole parts: as
            // Go's uploader, an object of part_size bytes or more is a multipart upload.
            try sendWholeParts(of: object)
            let calls = try object.upload.close(
                rest: buffer.takeRest(), rows: object.rows, bytes: buffer.totalWritten, crc32: buffer.crc32)
            enqueue(calls, for: object.serial)
        } catch {
            throw ObjectWriteFailure(table: slot.table, key: object.key, cause: "\(error)")
        }
    }

    /// A zero-row object with the table's full schema (write_empty_objects_for_empty_tables).
    private func writeEmptyObject(_ schemaIPC: Data) throws {
        let (stream, table) = try Self.decode(schemaIPC, failure: "failed to create schema from bytes")
        // With row variables it lands where the rows whose values are all null go.
        let slot = ObjectSlot(
            table: table, partition: router.columns.map { _ in HivePathEscaping.defaultPartition })
        try openObject(slot, schema: stream.schema)
        emptyObjectKeys[slot] = open[slot]?.key
        try close(slot)
    }

    private func flushAll() throws {
        for slot in open.keys.sorted() {
            try close(slot, resetTicker: true)
        }
    }

    // MARK: uploads

    private func enqueue(_ calls: [PendingCall], for serial: Int) {
        for call in calls { scheduler.enqueue(object: serial, call) }
    }

    private func settleIfDone(_ serial: Int) {
        guard let upload = uploads[serial], upload.isSettled else { return }
        uploads[serial] = nil
        if upload.isWritten {
            totals.record(upload, logger: logger)
        } else if let cause = upload.failure {
            failure.objects.append(ObjectWriteFailure(table: upload.table, key: upload.key, cause: cause))
            logger.error("object upload failed", metadata: [
                "table": "\(upload.table)", "key": "\(upload.key)", "error": "\(cause)",
            ])
        }
    }

    /// Every open object stops; queued requests are dropped and those in flight cancelled; each
    /// multipart upload is aborted once its parts are back.
    private func abandonAll() {
        partBuffers.close()
        for object in open.values {
            enqueue(object.upload.abandon(), for: object.serial)
        }
        open = [:]
        for (object, kind) in scheduler.cancelAll() {
            if let upload = uploads[object] {
                enqueue(upload.stored(.failure(CancellationError()), kind: kind), for: object)
            }
        }
        for (serial, upload) in uploads {
            enqueue(upload.abandon(), for: serial)
            settleIfDone(serial)
        }
    }
}
