import Foundation

/// The S3 side of one open object: below `partSize` bytes it stays in memory and becomes one
/// PutObject; from `partSize` on it becomes a multipart upload whose parts leave while encoding
/// continues, at most `maxPartsInFlight` at a time, in order on Complete, aborted on any failure.
/// Used only from its `WriteSession` (actor-isolated there); part transfers run in tasks.
final class ObjectUpload {
    static let maxPartsInFlight = 5
    static let maxParts = 10_000

    let table: String
    let key: String
    let contentType: String
    let buffer: PartBuffer
    private let store: ObjectStore
    private let budget: MemoryBudget
    private let partSize: Int
    private var uploadId: String?
    private var parts: [Task<UploadedPart, Error>] = []
    private var bytesSent = 0

    init(table: String, key: String, contentType: String, store: ObjectStore, budget: MemoryBudget, partSize: Int) {
        self.table = table
        self.key = key
        self.contentType = contentType
        self.store = store
        self.budget = budget
        self.partSize = partSize
        self.buffer = PartBuffer(partSize: partSize)
    }

    /// Sends every whole part the buffer holds (waits while `maxPartsInFlight` are on their way).
    func sendFullParts() async throws {
        while buffer.count >= partSize {
            try await sendPart(buffer.takeFront(partSize))
        }
    }

    /// Hands the rest over; the returned closure finishes the object (PutObject or Complete).
    /// Runs in the background so the next object can start while this one completes.
    func finish() -> @Sendable () async throws -> ObjectOutcome {
        let store = self.store, budget = self.budget, key = self.key, contentType = self.contentType
        let rest = buffer.takeAll()
        let crc32 = buffer.crc32
        guard let uploadId else {
            return {
                defer { Task { await budget.release(rest.count) } }
                try await store.put(key: key, body: rest, contentType: contentType)
                return ObjectOutcome(bytes: rest.count, parts: 0, crc32: crc32)
            }
        }
        var partTasks = parts
        if !rest.isEmpty {
            partTasks.append(startPart(number: parts.count + 1, body: rest, uploadId: uploadId))
        }
        let total = bytesSent + rest.count
        return { [partTasks] in
            do {
                var uploaded: [UploadedPart] = []
                for task in partTasks { uploaded.append(try await task.value) }
                try await store.completeMultipartUpload(key: key, uploadId: uploadId, parts: uploaded)
                return ObjectOutcome(bytes: total, parts: uploaded.count, crc32: crc32)
            } catch {
                partTasks.forEach { $0.cancel() }
                throw await Self.abort(store: store, key: key, uploadId: uploadId, cause: error)
            }
        }
    }

    /// Stops a multipart upload that will not complete (the stream failed), leaving nothing behind.
    func abandon() async {
        parts.forEach { $0.cancel() }
        let held = buffer.takeAll().count
        await budget.release(held)
        guard let uploadId else { return }
        for task in parts { _ = try? await task.value }
        try? await store.abortMultipartUpload(key: key, uploadId: uploadId)
    }

    private func sendPart(_ body: [UInt8]) async throws {
        if uploadId == nil {
            uploadId = try await store.createMultipartUpload(key: key, contentType: contentType)
        }
        guard parts.count < Self.maxParts else {
            throw PluginError(.internal,
                "object \"\(key)\" would need more than \(Self.maxParts) parts of \(partSize) bytes (S3's limit): raise `part_size`")
        }
        // Keep at most maxPartsInFlight parts in flight: wait for the oldest unfinished one.
        let inFlight = parts.suffix(Self.maxPartsInFlight)
        if inFlight.count == Self.maxPartsInFlight, let oldest = inFlight.first {
            do {
                _ = try await oldest.value
            } catch {
                throw PluginError(.internal, "upload multipart failed, upload id: \(uploadId!), cause: \(error)")
            }
        }
        parts.append(startPart(number: parts.count + 1, body: body, uploadId: uploadId!))
        bytesSent += body.count
    }

    private func startPart(number: Int, body: [UInt8], uploadId: String) -> Task<UploadedPart, Error> {
        let store = self.store, budget = self.budget, key = self.key
        return Task {
            defer { Task { await budget.release(body.count) } }
            return try await store.uploadPart(key: key, uploadId: uploadId, number: number, body: body)
        }
    }

    private static func abort(store: ObjectStore, key: String, uploadId: String, cause: Error) async -> Error {
        do {
            try await store.abortMultipartUpload(key: key, uploadId: uploadId)
        } catch {
            return PluginError(.internal,
                "upload multipart failed, upload id: \(uploadId), cause: \(cause); AbortMultipartUpload also failed: \(error)")
        }
        return PluginError(.internal, "upload multipart failed, upload id: \(uploadId), cause: \(cause)")
    }
}
