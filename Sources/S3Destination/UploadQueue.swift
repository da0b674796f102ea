import Logging

/// Uploads finished objects concurrently, at most `limit` at a time: a caller waiting for a slot
/// stops reading the Write stream, which back-pressures the CLI instead of growing memory.
/// The first failure is kept and reported by `checkFailure()` and `drain()`.
actor UploadQueue {
    private let store: ObjectStore
    private let limit: Int
    private let logger: Logger
    private var inFlight = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []
    private var failures: [String] = []
    private(set) var objects = 0
    private(set) var rows: Int64 = 0
    private(set) var bytes: Int64 = 0

    init(store: ObjectStore, limit: Int, logger: Logger) {
        self.store = store
        self.limit = max(1, limit)
        self.logger = logger
    }

    /// Starts uploading (waits first while `limit` uploads are running).
    func submit(table: String, key: String, body: [UInt8], rows: Int64, contentType: String) async {
        while inFlight >= limit {
            await withCheckedContinuation { waiters.append($0) }
        }
        inFlight += 1
        Task { await self.upload(table: table, key: key, body: body, rows: rows, contentType: contentType) }
    }

    private func upload(table: String, key: String, body: [UInt8], rows: Int64, contentType: String) async {
        let started = ContinuousClock.now
        do {
            try await store.put(key: key, body: body, contentType: contentType)
            objects += 1
            self.rows += rows
            bytes += Int64(body.count)
            let ms = (ContinuousClock.now - started).components.seconds * 1000
                + (ContinuousClock.now - started).components.attoseconds / 1_000_000_000_000_000
            logger.info("object written", metadata: [
                "table": "\(table)", "key": "\(key)", "rows": "\(rows)", "bytes": "\(body.count)", "ms": "\(ms)",
            ])
        } catch {
            let message = "table \"\(table)\": object \"\(key)\": \(error)"
            logger.error("object upload failed", metadata: ["table": "\(table)", "key": "\(key)", "error": "\(error)"])
            failures.append(message)
        }
        inFlight -= 1
        if !waiters.isEmpty { waiters.removeFirst().resume() }
        if inFlight == 0 {
            let idle = idleWaiters
            idleWaiters = []
            idle.forEach { $0.resume() }
        }
    }

    /// Throws as soon as any upload has failed, so a sync stops instead of writing on.
    func checkFailure() throws {
        if let first = failures.first { throw PluginError(.internal, "write failed: \(first)") }
    }

    /// Waits for every upload, then throws all failures together.
    func drain() async throws {
        while inFlight > 0 {
            await withCheckedContinuation { idleWaiters.append($0) }
        }
        if !failures.isEmpty {
            throw PluginError(.internal, "write failed: " + failures.joined(separator: "; "))
        }
    }
}
