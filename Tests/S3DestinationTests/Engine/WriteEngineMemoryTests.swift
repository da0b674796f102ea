@testable import Arrow
@testable import FileFormats
import Foundation
import Logging
import Testing

@testable import S3Destination

/// The memory budget with many open objects: bytes move to disk instead of objects closing early,
/// memory stays under the budget, and the budget balances to zero when the stream ends.
@Suite struct WriteEngineMemoryTests {
    static let formats: [(name: String, make: @Sendable (Schema) throws -> any ObjectEncoder)] = [
        ("json", { _ in JSONLinesEncoder() }),
        ("csv", { _ in try CSVEncoder(delimiter: UInt8(ascii: ","), header: true) }),
        ("parquet", { schema in try ParquetEncoder(schema: schema) }),
        ("parquet, 2-row row groups",
         { schema in try ParquetEncoder(schema: schema, options: ParquetWriterOptions(maxRowGroupLength: 2)) }),
    ]

    static func settings(budget: Int, partSize: Int = 5 << 20, rows: Int64 = 1_000_000,
                         make: @escaping @Sendable (Schema) throws -> any ObjectEncoder) -> WriteSession.Settings {
        WriteSession.Settings(
            limits: BatchLimits(rows: rows, bytes: 1 << 40), timeout: nil, contentType: "application/octet-stream",
            partSize: partSize, writeEmptyObjects: false, memoryBudget: budget, maxRequestsInFlight: 8,
            objectKey: { table, _, _ in "out/\(table)/\(UUID().uuidString)" }, makeEncoder: make)
    }

    static func run(_ messages: [WriteMessage], store: EngineTestStore, settings: WriteSession.Settings) async throws -> WriteSession {
        try await WriteLoop.run(PacedMessages(messages: messages, pause: .zero), timeout: nil) { events in
            WriteSession(settings: settings, store: store, events: events, logger: quietLogger)
        }
    }

    @Test(arguments: 0..<formats.count)
    func theBudgetBalancesToZeroWhenTheStreamsObjectsAreWritten(format: Int) async throws {
        let store = EngineTestStore()
        let messages = try WriteEngineTimingTests.messages(tables: ["a", "b", "c"], inserts: 4, per: 300)
        let session = try await Self.run(
            messages, store: store, settings: Self.settings(budget: 64 << 20, partSize: 1000, rows: 500, make: Self.formats[format].make))
        #expect(session.memoryUsed == 0, "format \(Self.formats[format].name)")
        #expect(session.totals.rows == 3600)
        #expect(store.openUploads == 0)
    }

    @Test func openObjectsBeyondTheBudgetSpillToDiskInsteadOfClosingEarly() async throws {
        // 60 tables × ~700 KB of JSON against a 16 MiB budget: 42 MB cannot stay in memory.
        let store = EngineTestStore()
        let tables = (0..<60).map { "wide_\($0)" }
        let messages = try WriteEngineTimingTests.messages(tables: tables, inserts: 5, per: 1000, padding: 100)
        let budget = 16 << 20
        let session = try await Self.run(messages, store: store, settings: Self.settings(budget: budget) { _ in JSONLinesEncoder() })
        #expect(store.objects.count == tables.count, "one object per table, none cut short")
        for table in tables {
            #expect(try EngineRows.ids(in: store.objects, table: table) == Array(0..<5000))
        }
        #expect(session.totals.spilledObjects > 0)
        #expect(session.mostMemoryUsed <= budget + (2 << 20), "memory held stays within the budget (one message over)")
        #expect(session.memoryUsed == 0)
    }

    @Test func parquetRowGroupsEndEarlyUnderPressureAndTheFilesStayValid() async throws {
        let store = EngineTestStore()
        let tables = (0..<30).map { "pq_\($0)" }
        let messages = try WriteEngineTimingTests.messages(tables: tables, inserts: 3, per: 1000, padding: 300)
        let budget = 16 << 20
        let session = try await Self.run(messages, store: store, settings: Self.settings(budget: budget) { try ParquetEncoder(schema: $0) })
        #expect(store.objects.count == tables.count)
        #expect(session.totals.spilledObjects > 0)
        #expect(session.totals.rows == Int64(tables.count * 3000))
        for object in store.objects {
            var rows = 0
            try object.body.withUnsafeBytes { body in
                try ParquetObjectDecoder().decode(body, schema: EngineRows.schema("x"), maxRows: 4096) { rows += $0.length }
            }
            #expect(rows == 3000)
        }
    }

    @Test(arguments: 0..<formats.count)
    func finishedPartBodiesCarryLaterPartsAndEveryRowLandsOnce(format: Int) async throws {
        // One table of ~10 MB in 1 MiB parts, two objects: parts answered while the stream is read
        // come back as the buffers of the next ones.
        let store = EngineTestStore(delay: .milliseconds(1))
        let messages = try WriteEngineTimingTests.messages(tables: ["big"], inserts: 40, per: 1000, padding: 200)
        let session = try await Self.run(
            messages, store: store,
            settings: Self.settings(budget: 64 << 20, partSize: 1 << 20, rows: 20_000, make: Self.formats[format].make))
        #expect(session.reusedPartBuffers > 0, "format \(Self.formats[format].name)")
        #expect(store.objects.count == 2)
        #expect(session.totals.rows == 40_000)
        if Self.formats[format].name.hasPrefix("parquet") {
            for object in store.objects {
                var rows = 0
                try object.body.withUnsafeBytes { body in
                    try ParquetObjectDecoder().decode(body, schema: EngineRows.schema("big"), maxRows: 4096) { rows += $0.length }
                }
                #expect(rows == 20_000)
            }
        } else if Self.formats[format].name == "csv" {
            let ids = store.objects.flatMap { object in
                String(decoding: object.body, as: UTF8.self).split(separator: "\n").dropFirst().map { Int($0.prefix { $0 != "," }) ?? -1 }
            }
            #expect(ids.sorted() == Array(0..<40_000))
        } else {
            #expect(try EngineRows.ids(in: store.objects, table: "big").sorted() == Array(0..<40_000))
        }
        #expect(session.memoryUsed == 0, "kept buffers are freed when the stream ends")
    }

    @Test func reusedPartBuffersUnderASlowStoreAndATimerFiringMidUploadLoseNoRow() async throws {
        // Every request takes 15 ms and batch_timeout (20 ms) closes objects while their parts
        // are in flight: bodies come back, are reused by other objects' parts, and every row of
        // both tables lands exactly once.
        let store = EngineTestStore(delay: .milliseconds(15))
        let tables = ["slow_a", "slow_b"]
        let messages = try WriteEngineTimingTests.messages(tables: tables, inserts: 30, per: 1000, padding: 200)
        var settings = Self.settings(budget: 64 << 20, partSize: 1 << 20) { _ in JSONLinesEncoder() }
        settings.timeout = .milliseconds(20)
        let session = try await WriteLoop.run(PacedMessages(messages: messages, pause: .milliseconds(2)),
                                              timeout: settings.timeout) { events in
            WriteSession(settings: settings, store: store, events: events, logger: quietLogger)
        }
        #expect(session.reusedPartBuffers > 0)
        for table in tables {
            #expect(try EngineRows.ids(in: store.objects, table: table).sorted() == Array(0..<30_000),
                    "every row of \(table) exactly once")
            #expect(store.objects.filter { $0.key.contains("/\(table)/") }.count > 1, "the timer closed objects")
        }
        #expect(store.openUploads == 0 && store.aborted.isEmpty)
        #expect(session.memoryUsed == 0)
    }
}
