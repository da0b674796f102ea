import Arrow
import FileFormats
import Foundation
import Logging

/// One Write stream: routes inserts to one open object per table and closes objects exactly when
/// the Go plugin's streaming batch writer would (reference s3-destination.md §4.2):
/// on `batch_size` rows, on `batch_size_bytes` Arrow bytes (records are sliced to fit), on
/// `batch_timeout`, when the message kind changes, and at the end of the stream. Beyond Go, all
/// buffered bytes share one memory budget; when open objects alone exhaust it, the largest is
/// closed early rather than letting memory grow.
actor WriteSession {
    struct Settings: Sendable {
        var limits: BatchLimits
        /// nil: no timeout (no_rotate, or batch_timeout 0).
        var timeout: Duration?
        var contentType: String
        var partSize: Int
        var writeEmptyObjects: Bool
        var objectKey: @Sendable (_ table: String, _ time: Date) -> String
        var makeEncoder: @Sendable (_ schema: Schema) throws -> any ObjectEncoder
    }

    private let settings: Settings
    private let store: ObjectStore
    private let budget: MemoryBudget
    private let tracker: UploadTracker
    private let logger: Logger
    private var open: [String: OpenObject] = [:]
    /// Per table: when its batch_timeout ticker fires next (reset when a batch closes by a limit or flush).
    private var nextTick: [String: ContinuousClock.Instant] = [:]
    /// write_empty_objects_for_empty_tables: the empty object's key, reused (overwritten) by the first batch.
    private var emptyObjectKeys: [String: String] = [:]
    private var lastKind: WriteMessage.Kind?
    private var notImplemented: [String] = []

    init(settings: Settings, store: ObjectStore, budget: MemoryBudget, tracker: UploadTracker, logger: Logger) {
        self.settings = settings
        self.store = store
        self.budget = budget
        self.tracker = tracker
        self.logger = logger
    }

    func handle(_ message: WriteMessage) async throws {
        try await tracker.checkFailure()
        if let lastKind, lastKind != message.kind { try await flushAll() }
        lastKind = message.kind
        switch message {
        case .migrateTable(let bytes, _):
            if settings.writeEmptyObjects { try await writeEmptyObject(bytes) }
        case .insert(let bytes):
            try await relieveMemoryPressure()
            try await insert(bytes)
        case .deleteStale(let table, _, _):
            // As the Go plugin: drained, then the stream fails (S3 objects are append-only).
            notImplemented.append("handler failed on \(table): DeleteStale: not implemented")
        case .deleteRecord(let table):
            notImplemented.append("handler failed on \(table): DeleteRecords: not implemented")
        }
    }

    /// End of the stream: closes every object and returns once all are in S3.
    func finish() async throws {
        try await flushAll()
        try await tracker.drain()
        if !notImplemented.isEmpty {
            throw PluginError(.internal, "write failed: " + notImplemented.joined(separator: "; "))
        }
    }

    /// The stream failed: stops every open object (aborting multipart uploads) so nothing is left behind.
    func abandonAll() async {
        let objects = open.values
        open = [:]
        for object in objects {
            await budget.release(object.chargedEncoderBytes)
            await object.upload.abandon()
        }
        try? await tracker.drain()
    }

    /// The batch_timeout ticker: closes each table's object whose tick is due and has rows.
    func tick(now: ContinuousClock.Instant = .now) async throws {
        guard let timeout = settings.timeout else { return }
        for (table, due) in nextTick where due <= now {
            var next = due
            while next <= now { next = next.advanced(by: timeout) }
            nextTick[table] = next
            if let object = open[table], object.rows > 0 {
                try await close(table)
            }
        }
    }

    private func insert(_ bytes: [UInt8]) async throws {
        let (stream, table) = try Self.decode(bytes, failure: "failed to create record")
        for batch in stream.batches where batch.length > 0 {
            try await add(batch, to: table, schema: stream.schema)
        }
    }

    /// An IPC message of the Write stream and the table it names (the Go SDK's wording on failure).
    private static func decode(_ bytes: [UInt8], failure: String) throws -> (ArrowStream, table: String) {
        let stream: ArrowStream
        do {
            stream = try ArrowIPC.readStream(bytes)
        } catch {
            throw PluginError(.invalidArgument, "\(failure): \(error)")
        }
        guard let table = stream.schema.tableName else {
            throw PluginError(.invalidArgument, "table name not found in metadata (cq:table_name)")
        }
        return (stream, table)
    }

    /// Adds a record to the table's open object, slicing it where a row or byte cap falls.
    private func add(_ batch: RecordBatch, to table: String, schema: Schema) async throws {
        let limits = settings.limits
        // As Go: each row counts the record's Arrow size divided by its rows.
        let bytesPerRow = Int64(batch.bufferByteSize) / Int64(max(1, batch.length))
        var offset = 0
        while offset < batch.length {
            if open[table] == nil { try openObject(table, schema: schema) }
            let current = open[table]!
            let fit = limits.rowsThatFit(
                available: batch.length - offset, bytesPerRow: bytesPerRow,
                currentRows: current.rows, currentBytes: current.arrowBytes)
            if fit == 0 {
                try await close(table, resetTicker: true)
                continue
            }
            let part = (offset == 0 && fit == batch.length) ? batch : batch.slice(offset: offset, length: fit)
            try await guarding(current) {
                let charged = try self.open[table]!.append(part, arrowBytes: bytesPerRow * Int64(fit))
                await self.budget.add(charged)
                try await current.upload.sendFullParts()
            }
            offset += fit
            let updated = open[table]!
            if limits.isFull(rows: updated.rows, bytes: updated.arrowBytes) {
                try await close(table, resetTicker: true)
            }
        }
    }

    private func openObject(_ table: String, schema: Schema) throws {
        let key = emptyObjectKeys.removeValue(forKey: table) ?? settings.objectKey(table, Date())
        let upload = ObjectUpload(
            table: table, key: key, contentType: settings.contentType, store: store, budget: budget,
            partSize: settings.partSize)
        do {
            open[table] = try OpenObject(table: table, encoder: try settings.makeEncoder(schema), upload: upload)
        } catch {
            throw failure(table: table, key: key, error)
        }
        if nextTick[table] == nil, let timeout = settings.timeout {
            nextTick[table] = .now.advanced(by: timeout)
        }
    }

    private func close(_ table: String, resetTicker: Bool = false) async throws {
        guard var object = open.removeValue(forKey: table) else { return }
        if resetTicker, let timeout = settings.timeout { nextTick[table] = .now.advanced(by: timeout) }
        try await guarding(object) {
            await self.budget.add(try object.finishEncoding())
        }
        // The encoder goes away with the object: what it still held (buffers it keeps between
        // pages, counted by capacity) is free now.
        await budget.release(object.chargedEncoderBytes)
        await tracker.track(table: table, key: object.key, rows: object.rows, object.upload.finish())
    }

    /// A zero-row object with the table's full schema (write_empty_objects_for_empty_tables).
    private func writeEmptyObject(_ schemaIPC: [UInt8]) async throws {
        let (stream, table) = try Self.decode(schemaIPC, failure: "failed to create schema from bytes")
        try openObject(table, schema: stream.schema)
        emptyObjectKeys[table] = open[table]!.key
        try await close(table)
    }

    /// Runs `body` on an object's data; on failure abandons the object and names table and key.
    private func guarding(_ object: OpenObject, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            open[object.table] = nil
            await budget.release(object.chargedEncoderBytes)
            await object.upload.abandon()
            throw failure(table: object.table, key: object.key, error)
        }
    }

    private func failure(table: String, key: String, _ error: Error) -> PluginError {
        if let error = error as? PluginError, error.message.hasPrefix("write failed:") { return error }
        return PluginError(.internal, "write failed: table \"\(table)\": object \"\(key)\": \(error)")
    }

    /// Waits while the memory budget is spent; when open objects alone spend it, closes the largest.
    private func relieveMemoryPressure() async throws {
        while true {
            let openBytes = open.values.reduce(0) { $0 + $1.heldBytes }
            switch await budget.relieve(openBytes: openBytes) {
            case .none:
                return
            case .waited:
                try await tracker.checkFailure()
            case .nothingInFlight:
                guard let largest = open.max(by: { $0.value.heldBytes < $1.value.heldBytes }) else {
                    return
                }
                logger.warning("memory budget reached: closing an object early", metadata: [
                    "table": "\(largest.key)", "key": "\(largest.value.key)", "rows": "\(largest.value.rows)",
                    "buffered_bytes": "\(largest.value.heldBytes)",
                ])
                try await close(largest.key, resetTicker: true)
            }
        }
    }

    private func flushAll() async throws {
        for table in open.keys.sorted() {
            try await close(table, resetTicker: true)
        }
    }
}
