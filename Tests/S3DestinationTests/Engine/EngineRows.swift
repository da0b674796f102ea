@testable import Arrow
import Foundation
import Logging

@testable import S3Destination

/// Write messages made here (no ../shared needed): tables of `id` (int64) and `payload` (utf8).
enum EngineRows {
    static func schema(_ table: String) -> Schema {
        Schema(
            fields: [Field(name: "id", type: .int64), Field(name: "payload", type: .utf8)],
            metadata: [("cq:table_name", table)])
    }

    static func migrate(_ table: String) -> WriteMessage {
        .migrateTable(schemaIPC: Data(IPCStreamWriter.stream(schema: schema(table), batches: [])), force: false)
    }

    /// One insert of rows `ids`, each with a payload of `padding` letters that differ from row to
    /// row (so neither a dictionary nor a compressor makes them small).
    static func insert(_ table: String, ids: Range<Int>, padding: Int = 32) throws -> WriteMessage {
        let builder = RecordBatchBuilder(schema: schema(table))
        var payload = [UInt8](repeating: 0, count: padding)
        for id in ids {
            var state = UInt64(truncatingIfNeeded: id) &* 0x9E37_79B9_7F4A_7C15 | 1
            for index in payload.indices {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                payload[index] = UInt8(ascii: "a") + UInt8((state >> 33) % 26)
            }
            try builder.columns[0].append(Int64(id))
            try payload.withUnsafeBytes { try builder.columns[1].append(bytes: $0) }
        }
        return .insert(recordIPC: Data(IPCStreamWriter.stream(schema: schema(table), batches: [try builder.finish()])))
    }

    /// The `id`s of every JSON line of the objects whose key contains `/<table>/`, in object order.
    static func ids(in objects: [EngineTestStore.Object], table: String) throws -> [Int] {
        try objects.filter { $0.key.contains("/\(table)/") }.flatMap { object in
            try String(decoding: object.body, as: UTF8.self).split(separator: "\n").map { line in
                let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return (row?["id"] as? NSNumber)?.intValue ?? -1
            }
        }
    }
}

/// A logger for the engine's tests: errors only (every object written is logged at info).
let quietLogger: Logger = {
    var logger = Logger(label: "test")
    logger.logLevel = .error
    return logger
}()

/// A message sequence that waits `pause` before each message: a source that streams slowly.
struct PacedMessages: AsyncSequence, Sendable {
    typealias Element = WriteMessage
    let messages: [WriteMessage]
    let pause: Duration

    struct AsyncIterator: AsyncIteratorProtocol {
        var remaining: ArraySlice<WriteMessage>
        let pause: Duration
        mutating func next() async throws -> WriteMessage? {
            guard let message = remaining.popFirst() else { return nil }
            if pause > .zero { try await Task.sleep(for: pause) }
            return message
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(remaining: messages[...], pause: pause) }
}
