import Foundation
import Logging
import Testing
import TestSupport

@testable import S3Destination

/// An in-memory object store: what the write path hands to S3, for checking batching and keys.
final class RecordingStore: ObjectStore, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(key: String, body: [UInt8], contentType: String?)] = []
    var failKeysContaining: String?

    var objects: [(key: String, body: [UInt8], contentType: String?)] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func put(key: String, body: [UInt8], contentType: String?) async throws {
        if let fail = failKeysContaining, key.contains(fail) {
            throw StoreFailure(description: "PutObject s3://bucket/\(key) failed: 403 AccessDenied: denied")
        }
        lock.withLock { stored.append((key, body, contentType)) }
    }

    struct StoreFailure: Error, CustomStringConvertible { let description: String }
}

/// The write path (spec → batching → JSON Lines → store) fed with what CLI 6.21.1 really sent.
@Suite(.enabled(if: SharedTestData.directory != nil, Comment(rawValue: SharedTestData.missing)))
struct WritePathTests {
    static let credentials = ["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "example-secret"]

    func plugin(_ store: RecordingStore) -> DestinationPlugin {
        DestinationPlugin(logger: Logger(label: "test"), environment: Self.credentials, makeStore: { _, _, _ in store })
    }

    func spec(_ extra: String = "") -> [UInt8] {
        Array(#"{"bucket":"b","region":"us-east-1","path":"out/{{TABLE}}/{{UUID}}.{{FORMAT}}","format":"json","test_write":false\#(extra)}"#.utf8)
    }

    /// The golden Write messages, in arrival order (inserts and migrations; DeleteStale optional).
    func goldenMessages(includeDeleteStale: Bool) throws -> [WriteMessage] {
        try SharedTestData.cliPayloads().compactMap { name, bytes -> WriteMessage? in
            if name.hasSuffix(".arrow") && name.contains("-insert-") { return .insert(recordIPC: bytes) }
            if name.hasSuffix(".arrow") && name.contains("-migrate_table-") { return .migrateTable(schemaIPC: bytes, force: false) }
            if includeDeleteStale && name.hasSuffix(".pb") && name.contains("-delete_stale-") {
                let table = String(name.dropFirst(4).dropFirst("delete_stale-".count).dropLast(3))
                return .deleteStale(table: table, sourceName: "harness-source", syncTime: Date())
            }
            return nil
        }
    }

    /// Rows (JSON lines) of each object of `table`.
    func rowCounts(_ store: RecordingStore, table: String) -> [Int] {
        store.objects.filter { $0.key.hasPrefix("out/\(table)/") }.map { object in
            String(decoding: object.body, as: UTF8.self).split(separator: "\n").count
        }.sorted()
    }

    @Test func batchSizeSlicesRecordsIntoObjectsOfExactlyThatManyRows() async throws {
        let store = RecordingStore()
        let plugin = plugin(store)
        try await plugin.initialize(spec: spec(#","batch_size":3"#), noConnection: false, invocationID: "sync-1")
        try await plugin.write(AsyncStream.fromArray(try goldenMessages(includeDeleteStale: false)))
        // harness_items arrives as 2+2+1 rows, its children as 4+4+2: cut at 3 rows per object.
        #expect(rowCounts(store, table: "harness_items") == [2, 3])
        #expect(rowCounts(store, table: "harness_items_children") == [1, 3, 3, 3])
        for object in store.objects {
            #expect(object.contentType == "application/json")
            #expect(object.key.range(of: #"^out/harness_items(_children)?/[0-9a-f-]{36}\.json$"#, options: .regularExpression) != nil)
            for line in String(decoding: object.body, as: UTF8.self).split(separator: "\n") {
                let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(row["_cq_source_name"] as? String == "harness-source")
            }
        }
    }

    @Test func withDefaultsEachTableIsOneObjectPerStream() async throws {
        let store = RecordingStore()
        let plugin = plugin(store)
        try await plugin.initialize(spec: spec(), noConnection: false, invocationID: "sync-1")
        try await plugin.write(AsyncStream.fromArray(try goldenMessages(includeDeleteStale: false)))
        #expect(rowCounts(store, table: "harness_items") == [5])
        #expect(rowCounts(store, table: "harness_items_children") == [10])
    }

    @Test func deleteStaleFailsTheStreamAfterTheDataIsWrittenAsInGo() async throws {
        let store = RecordingStore()
        let plugin = plugin(store)
        try await plugin.initialize(spec: spec(), noConnection: false, invocationID: "sync-1")
        await #expect {
            try await plugin.write(AsyncStream.fromArray(try goldenMessages(includeDeleteStale: true)))
        } throws: { error in
            String(describing: error).contains("handler failed on harness_items: DeleteStale: not implemented")
        }
        #expect(store.objects.count == 2)  // the data before the DeleteStale messages is in S3
    }

    @Test func aFailedUploadFailsTheStreamNamingTableAndKey() async throws {
        let store = RecordingStore()
        store.failKeysContaining = "/harness_items_children/"
        let plugin = plugin(store)
        try await plugin.initialize(spec: spec(), noConnection: false, invocationID: "sync-1")
        await #expect {
            try await plugin.write(AsyncStream.fromArray(try goldenMessages(includeDeleteStale: false)))
        } throws: { error in
            let text = String(describing: error)
            return text.contains(#"table "harness_items_children""#) && text.contains("out/harness_items_children/")
                && text.contains("AccessDenied")
        }
    }

    @Test func writeBeforeInitIsRefused() async throws {
        let plugin = plugin(RecordingStore())
        await #expect(throws: PluginError.self) {
            try await plugin.write(AsyncStream<WriteMessage>.fromArray([]))
        }
    }
}

extension AsyncStream {
    static func fromArray(_ elements: [Element]) -> AsyncStream<Element> {
        AsyncStream { continuation in
            elements.forEach { continuation.yield($0) }
            continuation.finish()
        }
    }
}
