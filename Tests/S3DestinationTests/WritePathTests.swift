import Foundation
import Logging
@testable import S3Client
import Testing
import TestSupport

@testable import S3Destination

/// An in-memory object store: what the write path hands to S3, for checking batching, keys and
/// multipart assembly (parts concatenated in number order on Complete, as S3 does).
final class RecordingStore: ObjectStore, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(key: String, body: [UInt8], contentType: String?)] = []
    private var uploads: [String: (key: String, contentType: String?, parts: [Int: [UInt8]])] = [:]
    private(set) var aborted: [String] = []
    var failKeysContaining: String?
    var failPartNumber: Int?

    var objects: [(key: String, body: [UInt8], contentType: String?)] { lock.withLock { stored } }
    var openUploads: Int { lock.withLock { uploads.count } }

    func put(key: String, body: [UInt8], contentType: String?) async throws {
        try check(key)
        lock.withLock { stored.append((key, body, contentType)) }
    }

    func createMultipartUpload(key: String, contentType: String?) async throws -> String {
        try check(key)
        let id = UUID().uuidString
        lock.withLock { uploads[id] = (key, contentType, [:]) }
        return id
    }

    func uploadPart(key: String, uploadId: String, number: Int, body: [UInt8]) async throws -> UploadedPart {
        if number == failPartNumber {
            throw StoreFailure(description: "UploadPart s3://bucket/\(key) failed: 500 InternalError: part \(number)")
        }
        lock.withLock { uploads[uploadId]?.parts[number] = body }
        return UploadedPart(number: number, etag: "\"etag-\(number)\"")
    }

    func completeMultipartUpload(key: String, uploadId: String, parts: [UploadedPart]) async throws {
        lock.withLock {
            guard let upload = uploads.removeValue(forKey: uploadId) else { return }
            let body = parts.map(\.number).flatMap { upload.parts[$0] ?? [] }
            stored.append((key, body, upload.contentType))
        }
    }

    func abortMultipartUpload(key: String, uploadId: String) async throws {
        lock.withLock {
            uploads[uploadId] = nil
            aborted.append(key)
        }
    }

    func get(key: String, maxBytes: Int) async throws -> [UInt8]? {
        guard let body = lock.withLock({ stored.last(where: { $0.key == key })?.body }) else { return nil }
        if body.count > maxBytes {
            var tooLarge = S3TransportError(
                operation: "GetObject", bucket: "bucket", key: key, endpoint: "http://127.0.0.1:1", curlCode: 23,
                message: "response body larger than \(maxBytes) bytes")
            tooLarge.responseTooLarge = true
            throw tooLarge
        }
        return body
    }

    private func check(_ key: String) throws {
        if let fail = failKeysContaining, key.contains(fail) {
            throw StoreFailure(description: "PutObject s3://bucket/\(key) failed: 403 AccessDenied: denied")
        }
    }

    struct StoreFailure: Error, CustomStringConvertible { let description: String }
}

/// The write path (spec → batching → JSON Lines → store) fed with what CLI 6.21.1 really sent.
@Suite(.requires(.sharedData))
struct WritePathSharedDataTests {
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
            if name.hasSuffix(".arrow") && name.contains("-insert-") { return .insert(recordIPC: Data(bytes)) }
            if name.hasSuffix(".arrow") && name.contains("-migrate_table-") { return .migrateTable(schemaIPC: Data(bytes), force: false) }
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

extension AsyncStream where Element: Sendable {
    static func fromArray(_ elements: [Element]) -> AsyncStream<Element> {
        AsyncStream { continuation in
            elements.forEach { continuation.yield($0) }
            continuation.finish()
        }
    }
}

/// Multipart streaming and the memory budget, through the same write path.
@Suite(.requires(.sharedData))
struct UploadEngineSharedDataTests {
    let helper = WritePathSharedDataTests()

    func singleObjectBody(_ store: RecordingStore, table: String) -> [UInt8] {
        store.objects.filter { $0.key.hasPrefix("out/\(table)/") }.flatMap(\.body)
    }

    @Test func objectsAbovePartSizeAreAssembledFromPartsInOrder() async throws {
        // The same data once as single PutObjects and once through 1000-byte parts must be identical.
        let whole = RecordingStore()
        let p1 = helper.plugin(whole)
        try await p1.initialize(spec: helper.spec(), noConnection: false, invocationID: "s")
        try await p1.write(AsyncStream.fromArray(try helper.goldenMessages(includeDeleteStale: false)))
        let parted = RecordingStore()
        let p2 = helper.plugin(parted)
        try await p2.initialize(spec: helper.spec(#","part_size":1000"#), noConnection: false, invocationID: "s")
        try await p2.write(AsyncStream.fromArray(try helper.goldenMessages(includeDeleteStale: false)))
        for table in ["harness_items", "harness_items_children"] {
            let a = String(decoding: singleObjectBody(whole, table: table), as: UTF8.self)
            let b = String(decoding: singleObjectBody(parted, table: table), as: UTF8.self)
            // Same rows (the _cq_sync_time and order are identical; only the object key differs).
            #expect(a == b)
            #expect(b.utf8.count > 1000)
        }
        #expect(parted.openUploads == 0)
    }

    @Test func aFailedPartAbortsTheUploadAndFailsTheStream() async throws {
        let store = RecordingStore()
        store.failPartNumber = 2
        let plugin = helper.plugin(store)
        try await plugin.initialize(spec: helper.spec(#","part_size":1000"#), noConnection: false, invocationID: "s")
        await #expect {
            try await plugin.write(AsyncStream.fromArray(try helper.goldenMessages(includeDeleteStale: false)))
        } throws: { error in
            let text = String(describing: error)
            return text.contains("upload multipart failed, upload id:") && text.contains("part 2")
        }
        #expect(store.openUploads == 0)  // nothing left behind
        #expect(!store.aborted.isEmpty)
    }
}
