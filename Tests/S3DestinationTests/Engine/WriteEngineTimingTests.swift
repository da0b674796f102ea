import Foundation
import Logging
import Testing

@testable import S3Destination

/// The write engine under the timing real syncs produce: a store that takes its time with every
/// request, a `batch_timeout` that comes due while parts are in flight, closes that fail.
@Suite struct WriteEngineTimingTests {
    static let credentials = ["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "example-secret"]

    static func plugin(_ store: EngineTestStore, spec extra: String) async throws -> DestinationPlugin {
        let plugin = DestinationPlugin(
            logger: quietLogger, environment: credentials, makeStore: { _, _, _ in store })
        let spec = #"{"bucket":"b","region":"us-east-1","path":"out/{{TABLE}}/{{UUID}}.{{FORMAT}}","format":"json","test_write":false\#(extra)}"#
        try await plugin.initialize(spec: Array(spec.utf8), noConnection: false, invocationID: "sync-1")
        return plugin
    }

    /// Two tables, inserts interleaved, `per` rows each.
    static func messages(tables: [String], inserts: Int, per: Int, padding: Int = 32) throws -> [WriteMessage] {
        var messages = tables.map(EngineRows.migrate)
        for round in 0..<inserts {
            for table in tables {
                messages.append(try EngineRows.insert(table, ids: (round * per)..<((round + 1) * per), padding: padding))
            }
        }
        return messages
    }

    @Test func aTimerDueWhilePartsAreInFlightClosesObjectsWithoutLosingARow() async throws {
        // The repro of a crash: batch_timeout fired while an append waited for a slow multipart upload.
        let store = EngineTestStore(delay: .milliseconds(15))
        let plugin = try await Self.plugin(store, spec: #","batch_timeout":"20ms","part_size":4096,"batch_size":1000000"#)
        let tables = ["slow_a", "slow_b"]
        try await plugin.write(PacedMessages(
            messages: try Self.messages(tables: tables, inserts: 30, per: 200), pause: .milliseconds(3)))
        for table in tables {
            let ids = try EngineRows.ids(in: store.objects, table: table)
            #expect(ids.sorted() == Array(0..<6000), "every row of \(table) exactly once")
            let objects = store.objects.filter { $0.key.contains("/\(table)/") }.count
            #expect(objects > 1, "the timer closed \(table)'s objects while the stream went on")
        }
        #expect(store.openUploads == 0)
        #expect(store.aborted.isEmpty)
    }

    @Test func aCloseByTheTimerThatFailsFailsTheStreamNamingTableAndKey() async throws {
        let store = EngineTestStore(delay: .milliseconds(5), failKeysContaining: "/doomed/")
        let plugin = try await Self.plugin(store, spec: #","batch_timeout":"10ms""#)
        await #expect {
            try await plugin.write(PacedMessages(
                messages: try Self.messages(tables: ["fine", "doomed"], inserts: 20, per: 10), pause: .milliseconds(3)))
        } throws: { error in
            let text = String(describing: error)
            return text.contains(#"table "doomed""#) && text.contains("out/doomed/") && text.contains("AccessDenied")
        }
        #expect(store.openUploads == 0)
    }

    @Test func aFailedPartAbortsTheUploadOnceItsPartsAreBack() async throws {
        let store = EngineTestStore(delay: .milliseconds(2), failPartNumber: 3)
        let plugin = try await Self.plugin(store, spec: #","part_size":2048"#)
        await #expect {
            try await plugin.write(PacedMessages(
                messages: try Self.messages(tables: ["parts"], inserts: 10, per: 100), pause: .zero))
        } throws: { error in
            let text = String(describing: error)
            return text.contains("upload multipart failed, upload id:") && text.contains("part 3")
                && text.contains(#"table "parts""#)
        }
        #expect(store.openUploads == 0, "nothing left behind")
        #expect(!store.aborted.isEmpty)
    }

    @Test func requestsInFlightNeverExceedTheEnginesSlots() async throws {
        let store = EngineTestStore(delay: .milliseconds(5))
        let plugin = try await Self.plugin(store, spec: #","part_size":1024"#)
        let tables = (0..<40).map { "t\($0)" }
        try await plugin.write(PacedMessages(messages: try Self.messages(tables: tables, inserts: 2, per: 50), pause: .zero))
        #expect(store.mostInFlight <= Int(DestinationSpec.defaultMaxConcurrentRequests))
        #expect(store.mostInFlight > 1, "requests did run concurrently")
        for table in tables {
            #expect(try EngineRows.ids(in: store.objects, table: table).sorted() == Array(0..<100))
        }
    }
}
