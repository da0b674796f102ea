import Foundation
import Logging

/// Everything a Write stream has sent or is sending to S3: the objects still completing in the
/// background, the first failure (so the stream stops at the next message instead of writing on),
/// and the totals logged at the end.
actor UploadTracker {
    struct Totals: Sendable {
        var objects = 0
        var rows: Int64 = 0
        var bytes: Int64 = 0
        var parts = 0
    }

    private let logger: Logger
    private var running: [UUID: Task<Void, Never>] = [:]
    private var failures: [String] = []
    private(set) var totals = Totals()
    /// Every object written, in completion order (the sync manifest lists them).
    private(set) var written: [ManifestEntry] = []

    init(logger: Logger) {
        self.logger = logger
    }

    /// Runs the completion of one object in the background and records its outcome.
    func track(table: String, key: String, rows: Int64, _ work: @escaping @Sendable () async throws -> ObjectOutcome) {
        let id = UUID()
        let started = ContinuousClock.now
        running[id] = Task {
            do {
                let outcome = try await work()
                self.succeeded(id, table: table, key: key, rows: rows, outcome: outcome, since: started)
            } catch {
                self.failed(id, table: table, key: key, error: error)
            }
        }
    }

    func record(failure error: Error, table: String, key: String) {
        failures.append("table \"\(table)\": object \"\(key)\": \(error)")
    }

    private func succeeded(_ id: UUID, table: String, key: String, rows: Int64, outcome: ObjectOutcome, since: ContinuousClock.Instant) {
        running[id] = nil
        totals.objects += 1
        totals.rows += rows
        totals.bytes += Int64(outcome.bytes)
        totals.parts += outcome.parts
        written.append(ManifestEntry(key: key, table: table, rows: rows, bytes: outcome.bytes, crc32: outcome.crc32))
        let elapsed = ContinuousClock.now - since
        logger.info("object written", metadata: [
            "table": "\(table)", "key": "\(key)", "rows": "\(rows)", "bytes": "\(outcome.bytes)",
            "parts": "\(outcome.parts)", "ms": "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)",
        ])
    }

    private func failed(_ id: UUID, table: String, key: String, error: Error) {
        running[id] = nil
        logger.error("object upload failed", metadata: ["table": "\(table)", "key": "\(key)", "error": "\(error)"])
        record(failure: error, table: table, key: key)
    }

    /// Throws as soon as any object has failed.
    func checkFailure() throws {
        if let first = failures.first { throw PluginError(.internal, "write failed: \(first)") }
    }

    /// Waits for every object, then throws all failures together.
    func drain() async throws {
        while let (_, task) = running.first {
            await task.value
        }
        if !failures.isEmpty {
            throw PluginError(.internal, "write failed: " + failures.joined(separator: "; "))
        }
    }
}

/// What one finished object amounted to.
struct ObjectOutcome: Sendable {
    var bytes: Int
    var parts: Int
    /// CRC32 of the whole object body.
    var crc32: UInt32
}
