import Arrow
import FileFormats
import Foundation
import Logging

/// One Write stream: routes inserts to one open object per table and closes objects exactly when
/// the Go plugin's streaming batch writer would (reference s3-destination.md §4.2):
/// on `batch_size` rows, on `batch_size_bytes` Arrow bytes (records are sliced to fit), on
/// `batch_timeout`, when the message kind changes, and at the end of the stream.
actor WriteSession {
    struct Settings: Sendable {
        var limits: BatchLimits
        /// nil: no timeout (no_rotate, or batch_timeout 0).
        var timeout: Duration?
        var contentType: String
        var objectKey: @Sendable (_ table: String, _ time: Date) -> String
        var makeEncoder: @Sendable (_ schema: Schema) throws -> any ObjectEncoder
    }

    private let settings: Settings
    private let uploads: UploadQueue
    private let logger: Logger
    private var open: [String: OpenObject] = [:]
    /// Per table: when its batch_timeout ticker fires next (reset when a batch closes by a limit or flush).
    private var nextTick: [String: ContinuousClock.Instant] = [:]
    private var lastKind: WriteMessage.Kind?
    private var notImplemented: [String] = []

    init(settings: Settings, uploads: UploadQueue, logger: Logger) {
        self.settings = settings
        self.uploads = uploads
        self.logger = logger
    }

    func handle(_ message: WriteMessage) async throws {
        try await uploads.checkFailure()
        if let lastKind, lastKind != message.kind { try await flushAll() }
        lastKind = message.kind
        switch message {
        case .migrateTable:
            break  // nothing to create in S3 (write_empty_objects_for_empty_tables comes with the upload engine)
        case .insert(let bytes):
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
        try await uploads.drain()
        if !notImplemented.isEmpty {
            throw PluginError(.internal, "write failed: " + notImplemented.joined(separator: "; "))
        }
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
        let stream: ArrowStream
        do {
            stream = try ArrowIPC.readStream(bytes)
        } catch {
            throw PluginError(.invalidArgument, "failed to create record: \(error)")
        }
        guard let table = stream.schema.metadata["cq:table_name"] else {
            throw PluginError(.invalidArgument, "table name not found in metadata (cq:table_name)")
        }
        for batch in stream.batches where batch.length > 0 {
            try await add(batch, to: table, schema: stream.schema)
        }
    }

    /// Adds a record to the table's open object, slicing it where a row or byte cap falls.
    private func add(_ batch: RecordBatch, to table: String, schema: Schema) async throws {
        let limits = settings.limits
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
            do {
                try open[table]!.append(part, arrowBytes: bytesPerRow * Int64(fit))
            } catch {
                open[table] = nil
                throw PluginError(.internal, "write failed: table \"\(table)\": object \"\(current.key)\": \(error)")
            }
            offset += fit
            let updated = open[table]!
            if limits.isFull(rows: updated.rows, bytes: updated.arrowBytes) {
                try await close(table, resetTicker: true)
            }
        }
    }

    private func openObject(_ table: String, schema: Schema) throws {
        let key = settings.objectKey(table, Date())
        let encoder: any ObjectEncoder
        do {
            encoder = try settings.makeEncoder(schema)
            open[table] = try OpenObject(table: table, key: key, encoder: encoder)
        } catch {
            throw PluginError(.internal, "write failed: table \"\(table)\": object \"\(key)\": \(error)")
        }
        if nextTick[table] == nil, let timeout = settings.timeout {
            nextTick[table] = .now.advanced(by: timeout)
        }
    }

    private func close(_ table: String, resetTicker: Bool = false) async throws {
        guard var object = open.removeValue(forKey: table) else { return }
        if resetTicker, let timeout = settings.timeout { nextTick[table] = .now.advanced(by: timeout) }
        let body: [UInt8]
        do {
            body = try object.finish()
        } catch {
            throw PluginError(.internal, "write failed: table \"\(table)\": object \"\(object.key)\": \(error)")
        }
        await uploads.submit(
            table: table, key: object.key, body: body, rows: object.rows, contentType: settings.contentType)
    }

    private func flushAll() async throws {
        for table in open.keys.sorted() {
            try await close(table, resetTicker: true)
        }
    }
}
