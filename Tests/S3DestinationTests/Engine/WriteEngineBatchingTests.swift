@testable import FileFormats
import Foundation
import Logging
import Testing

@testable import S3Destination

/// Where objects are cut (Go's streaming batch writer), through the new engine.
@Suite struct WriteEngineBatchingTests {
    @Test func batchSizeBytesSlicesARecordWhereTheByteCapFalls() async throws {
        let store = EngineTestStore()
        // 1000 rows of ~140 Arrow bytes each (int64 + 128-byte string + offsets): a cap of
        // 28 000 bytes holds 200 rows, so one insert becomes 5 objects of 200 rows.
        let plugin = try await WriteEngineTimingTests.plugin(store, spec: #","batch_size_bytes":28000"#)
        let insert = try EngineRows.insert("sliced", ids: 0..<1000, padding: 128)
        try await plugin.write(PacedMessages(messages: [EngineRows.migrate("sliced"), insert], pause: .zero))
        let perObject = try store.objects.map { try EngineRows.ids(in: [$0], table: "sliced").count }
        #expect(perObject.reduce(0, +) == 1000)
        #expect(perObject.count > 1, "the byte cap cut the record")
        #expect(Set(perObject.dropLast()).count == 1, "every object but the last holds the same number of rows")
        #expect(try EngineRows.ids(in: store.objects, table: "sliced").sorted() == Array(0..<1000))
    }

    @Test func anEmptyTablesObjectIsOverwrittenByItsFirstBatch() async throws {
        // The empty object's PutObject is slow: the first batch's, for the same key, must still land last.
        let store = EngineTestStore(firstPutDelay: .milliseconds(200))
        let plugin = try await WriteEngineTimingTests.plugin(
            store, spec: #","format":"parquet","write_empty_objects_for_empty_tables":true"#)
        try await plugin.write(PacedMessages(
            messages: [EngineRows.migrate("empty"), EngineRows.migrate("full"), try EngineRows.insert("full", ids: 0..<10)],
            pause: .zero))
        let empty = store.objects.filter { $0.key.contains("/empty/") }
        #expect(try empty.map { try Self.parquetRows($0.body) } == [0], "an empty table still gets its (empty) object")
        let full = store.objects.filter { $0.key.contains("/full/") }
        // As Go: the first batch reuses the empty object's key, so the key ends up with the rows.
        #expect(full.count == 2)
        #expect(Set(full.map(\.key)).count == 1)
        #expect(try full.map { try Self.parquetRows($0.body) } == [0, 10])
    }

    static func parquetRows(_ body: [UInt8]) throws -> Int {
        var rows = 0
        try body.withUnsafeBytes { bytes in
            try ParquetObjectDecoder().decode(bytes, schema: EngineRows.schema("x"), maxRows: 1024) { rows += $0.length }
        }
        return rows
    }

    @Test func uploadsHoldingTheBudgetStopTheStreamUntilTheyFinish() async throws {
        // One table of ~60 MB JSON, 5 MiB parts, a 16 MiB budget and a store that takes 40 ms per
        // request: without backpressure the parts would pile up in memory.
        let store = EngineTestStore(delay: .milliseconds(40))
        let settings = WriteEngineMemoryTests.settings(budget: 16 << 20, partSize: 5 << 20) { _ in JSONLinesEncoder() }
        let messages = try (0..<30).map { try EngineRows.insert("big", ids: ($0 * 2000)..<(($0 + 1) * 2000), padding: 1000) }
        let session = try await WriteEngineMemoryTests.run([EngineRows.migrate("big")] + messages, store: store, settings: settings)
        #expect(try EngineRows.ids(in: store.objects, table: "big") == Array(0..<60000))
        #expect(store.objects.count == 1)
        #expect(session.mostMemoryUsed <= (16 << 20) + (5 << 20) + (3 << 20), "at most one part and one message over the budget")
    }
}
