@testable import Arrow
@testable import FileFormats
import Foundation
import Logging
import Testing
import TestSupport

@testable import S3Destination

/// `Read` (no_rotate tables) over the write path's own objects: CLI 6.21.1's payloads are written
/// in every format, then read back and compared value by value (through their JSON Lines
/// rendering, which prints every value exactly).
@Suite(.requires(.sharedData))
struct TableReadSharedDataTests {
    static let credentials = ["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "example-secret"]

    func plugin(_ store: RecordingStore) -> DestinationPlugin {
        DestinationPlugin(logger: Logger(label: "test"), environment: Self.credentials, makeStore: { _, _, _ in store })
    }

    func spec(_ extra: String) -> [UInt8] {
        Array(#"{"bucket":"b","region":"us-east-1","test_write":false\#(extra)}"#.utf8)
    }

    /// The CLI's messages: migrations (table → schema IPC) and every insert, in arrival order.
    func golden() throws -> (schemas: [String: [UInt8]], messages: [WriteMessage]) {
        var schemas: [String: [UInt8]] = [:]
        var messages: [WriteMessage] = []
        for (name, bytes) in try SharedTestData.cliPayloads() where name.hasSuffix(".arrow") {
            if name.contains("-migrate_table-") {
                schemas[try ArrowIPC.readStream(bytes).schema.tableName ?? ""] = bytes
                messages.append(.migrateTable(schemaIPC: Data(bytes), force: false))
            } else if name.contains("-insert-") {
                messages.append(.insert(recordIPC: Data(bytes)))
            }
        }
        return (schemas, messages)
    }

    /// JSON Lines of batches: the exact text of every value.
    func jsonLines(_ batches: [RecordBatch]) throws -> String {
        let sink = BufferSink()
        var encoder = JSONLinesEncoder()
        try encoder.begin(into: sink)
        for batch in batches { try encoder.write(batch, into: sink) }
        try encoder.finish(into: sink)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    func inserted(_ table: String, _ messages: [WriteMessage]) throws -> [RecordBatch] {
        try messages.flatMap { message -> [RecordBatch] in
            guard case .insert(let record) = message else { return [] }
            let stream = try ArrowIPC.readStream(record)
            return stream.schema.tableName == table ? stream.batches : []
        }
    }

    func read(_ plugin: DestinationPlugin, schemaIPC: [UInt8]) async throws -> [RecordBatch] {
        let collected = Collected()
        try await plugin.read(schemaIPC: schemaIPC) { bytes in collected.append(try ArrowIPC.readStream(bytes)) }
        return collected.streams.flatMap(\.batches)
    }

    @Test(arguments: [
        #""format":"json""#, #""format":"json","compression":"gzip""#, #""format":"json","compression":"zstd""#,
        #""format":"csv""#, #""format":"csv","format_spec":{"delimiter":"\t","skip_header":true}"#,
        #""format":"parquet""#, #""format":"parquet","format_spec":{"compression":"zstd","max_row_group_length":2}"#,
    ])
    func everyRowWrittenIsReadBackWithItsValues(format: String) async throws {
        let store = RecordingStore()
        let plugin = plugin(store)
        try await plugin.initialize(
            spec: spec(#","path":"state/{{TABLE}}.{{FORMAT}}","no_rotate":true,\#(format)"#),
            noConnection: false, invocationID: "sync-1")
        let (schemas, messages) = try golden()
        try await plugin.write(AsyncStream.fromArray(messages))
        #expect(schemas.count == 2)
        for (table, schemaIPC) in schemas {
            let expected = try jsonLines(inserted(table, messages))
            let batches = try await read(plugin, schemaIPC: schemaIPC)
            #expect(batches.reduce(0) { $0 + $1.length } == expected.split(separator: "\n").count)
            #expect(batches.allSatisfy { $0.length <= TableRead.batchRows && $0.schema.tableName == table })
            #expect(try jsonLines(batches) == expected, "table \(table), \(format)")
        }
    }

    @Test func aMissingObjectIsNoRowsAndDatePlaceholdersUseGosZeroTime() async throws {
        let store = RecordingStore()
        let plugin = plugin(store)
        try await plugin.initialize(
            spec: spec(#","path":"state/{{TABLE}}/{{YEAR}}-{{MONTH}}-{{DAY}}.{{FORMAT}}","no_rotate":true,"format":"json""#),
            noConnection: false, invocationID: "sync-1")
        let (schemas, messages) = try golden()
        try await plugin.write(AsyncStream.fromArray(messages))
        let schemaIPC = try #require(schemas["harness_items"])
        // Written under today's date, looked for under 0001-01-01 (as Go): nothing found, no error.
        #expect(try await read(plugin, schemaIPC: schemaIPC).isEmpty)
        let config = try DestinationConfig.load(
            spec: spec(#","path":"state/{{TABLE}}/{{YEAR}}-{{MONTH}}-{{DAY}}.{{FORMAT}}","no_rotate":true,"format":"json""#),
            invocationID: "sync-1")
        #expect(TableRead(config: config, store: store).key(table: "t") == "state/t/0001-01-01.json")
    }

    /// Go also refuses a path with `{{UUID}}`, but the spec already refuses that with
    /// `no_rotate`, and without `no_rotate` this check comes first.
    @Test func readWithoutNoRotateIsRefusedWithGosMessage() async throws {
        let plugin = plugin(RecordingStore())
        try await plugin.initialize(
            spec: spec(#","path":"out/{{TABLE}}/{{UUID}}.{{FORMAT}}","format":"json""#), noConnection: false, invocationID: "sync-1")
        let schemaIPC = try #require(try golden().schemas["harness_items"])
        await #expect {
            try await read(plugin, schemaIPC: schemaIPC)
        } throws: { error in
            (error as? PluginError)?.code == .unknown && String(describing: error)
                == #"failed to read records: reading is not supported when no_rotate is false. Table: "harness_items""#
        }
    }

    @Test func anObjectLargerThanTheMemoryBudgetFailsNamingTheFix() async throws {
        let store = RecordingStore()
        let plugin = plugin(store)
        let extra = #","path":"state/{{TABLE}}.{{FORMAT}}","no_rotate":true,"format":"json","memory_budget_bytes":16777216"#
        try await plugin.initialize(spec: spec(extra), noConnection: false, invocationID: "sync-1")
        try await store.put(key: "state/harness_items.json", body: [UInt8](repeating: 0x20, count: 16_777_217), contentType: nil)
        let schemaIPC = try #require(try golden().schemas["harness_items"])
        await #expect {
            try await read(plugin, schemaIPC: schemaIPC)
        } throws: { error in
            String(describing: error).contains("raise memory_budget_bytes above 16777216")
        }
    }

    @Test func aCorruptObjectFailsNamingItsKey() async throws {
        let store = RecordingStore()
        let plugin = plugin(store)
        try await plugin.initialize(
            spec: spec(#","path":"state/{{TABLE}}.{{FORMAT}}","no_rotate":true,"format":"json","compression":"gzip""#),
            noConnection: false, invocationID: "sync-1")
        try await store.put(key: "state/harness_items.json.gz", body: Array("not gzip".utf8), contentType: nil)
        let schemaIPC = try #require(try golden().schemas["harness_items"])
        await #expect {
            try await read(plugin, schemaIPC: schemaIPC)
        } throws: { error in
            String(describing: error).hasPrefix(#"failed to read records: object "state/harness_items.json.gz": "#)
        }
    }

    @Test func readBeforeInitIsAFailedPrecondition() async throws {
        let plugin = plugin(RecordingStore())
        await #expect {
            try await plugin.read(schemaIPC: []) { _ in }
        } throws: { error in
            (error as? PluginError)?.code == .failedPrecondition
        }
    }
}

/// Streams handed to `emit`, collected from a `@Sendable` closure.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [ArrowStream] = []
    var streams: [ArrowStream] { lock.withLock { items } }
    func append(_ stream: ArrowStream) { lock.withLock { items.append(stream) } }
}
