@testable import Arrow
@testable import FileFormats
import Foundation
import Testing

@testable import S3Destination

/// Row variables (`{{.column}}`): Hive's escaping, the router's split of a record by partition,
/// the checks at MigrateTable, and the write engine routing rows to one object per partition with
/// at most `max_open_partitions` open per table (least recently written closed first).
@Suite struct PartitionRoutingTests {
    // MARK: escaping

    /// apache/hive FileUtils `charToEscape`: 0x01–0x1F (0x00 too: `c < ' '`), `"` `#` `%` `'` `*`
    /// `/` `:` `=` `?` `\` 0x7F `{` `[` `]` `^`.
    static let hiveEscaped: Set<UInt8> = Set((0..<0x20).map(UInt8.init))
        .union([0x22, 0x23, 0x25, 0x27, 0x2A, 0x2F, 0x3A, 0x3D, 0x3F, 0x5C, 0x7F, 0x7B, 0x5B, 0x5D, 0x5E])

    @Test func escapesExactlyHivesCharacterSet() {
        for byte in UInt8(0)...UInt8(0x7F) {
            let escaped = HivePathEscaping.escape([UInt8(ascii: "a"), byte])
            if Self.hiveEscaped.contains(byte) {
                #expect(escaped == "a%" + String(format: "%02X", byte), "byte \(byte)")
            } else if byte != UInt8(ascii: ".") {
                #expect(escaped == "a" + String(decoding: [byte], as: UTF8.self), "byte \(byte)")
            }
        }
    }

    @Test func defaultPartitionUTF8AndDots() {
        #expect(HivePathEscaping.escape(nil) == "__HIVE_DEFAULT_PARTITION__")
        #expect(HivePathEscaping.escape([]) == "__HIVE_DEFAULT_PARTITION__")
        #expect(HivePathEscaping.escape(Array("us-east-1".utf8)) == "us-east-1")
        #expect(HivePathEscaping.escape(Array("a/b=c".utf8)) == "a%2Fb%3Dc")
        #expect(HivePathEscaping.escape(Array("Zürich 東京".utf8)) == "Zürich 東京")
        #expect(HivePathEscaping.escape(Array("it's \"x\"\n".utf8)) == "it%27s %22x%22%0A")
        #expect(HivePathEscaping.escape(Array(".".utf8)) == "%2E")
        #expect(HivePathEscaping.escape(Array("..".utf8)) == "%2E%2E")
        #expect(HivePathEscaping.escape(Array("...".utf8)) == "...")
        #expect(HivePathEscaping.escape(Array("v1.2".utf8)) == "v1.2")
    }

    // MARK: path templates

    @Test func rowVariablesAreParsedAndRendered() throws {
        let template = PathTemplate(
            template: "aws/{{TABLE}}/account_id={{.account_id}}/region={{.region}}/{{.account_id}}-{{UUID}}.{{FORMAT}}",
            format: .parquet, compression: .none)
        #expect(template.rowVariables == ["account_id", "region"])
        let key = template.renderKey(
            table: "t", uuid: "u", time: Date(timeIntervalSince1970: 0), syncID: "s", partitionValues: ["123", "a%2Fb"])
        #expect(key == "aws/t/account_id=123/region=a%2Fb/123-u.parquet")
        #expect(PathTemplate(template: "{{TABLE}}/{{UUID}}", format: .json, compression: .none).rowVariables.isEmpty)
    }

    func initMessage(_ path: String, _ extra: String = "") -> String? {
        let spec = #"{"bucket":"b","region":"r","format":"json","path":"\#(path)"\#(extra)}"#
        do {
            _ = try DestinationConfig.load(spec: Array(spec.utf8), invocationID: "sync")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func badRowVariablesFailInit() {
        #expect(initMessage("{{TABLE}}/a={{.a}}/{{UUID}}") == nil)
        #expect(initMessage("{{TABLE}}/a={{.a/{{UUID}}") == "`path` has a row variable \"{{.a/{{UUID}}\" whose name contains \"{{\": close it with }} first")
        #expect(initMessage("{{TABLE}}/{{UUID}}/a={{.acc") == "`path` has an unterminated row variable \"{{.acc\": write {{.column}}")
        #expect(initMessage("{{TABLE}}/a={{.}}/{{UUID}}") == "`path` has an empty row variable {{.}}: name a column, e.g. {{.account_id}}")
        #expect(initMessage("{{TABLE}}/a={{.a}}/x", #","no_rotate":true"#)?.hasPrefix("`no_rotate` cannot be used with row variables") == true)
    }

    // MARK: router

    static func schema(_ table: String, nested: Bool = false) -> Schema {
        var fields = [Field(name: "id", type: .int64), Field(name: "region", type: .utf8), Field(name: "n", type: .int32)]
        if nested {
            fields.append(Field(name: "props", type: .struct, children: [Field(name: "k", type: .utf8)]))
        }
        return Schema(fields: fields, metadata: [("cq:table_name", table)])
    }

    /// Rows `ids` of `table`: region = regions[id % regions.count] (nil = null), n = id % 7.
    static func batch(_ table: String, ids: [Int], regions: [String?]) throws -> RecordBatch {
        let builder = RecordBatchBuilder(schema: schema(table))
        for id in ids {
            try builder.columns[0].append(Int64(id))
            if let region = regions[id % regions.count] {
                try Array(region.utf8).withUnsafeBytes { try builder.columns[1].append(bytes: $0) }
            } else {
                builder.columns[1].appendNull()
            }
            try builder.columns[2].append(Int64(id % 7))
        }
        return try builder.finish()
    }

    @Test func splitsARecordByPartitionInOrderOfFirstRow() throws {
        var router = PartitionRouter(columns: ["region", "n"])
        let batch = try Self.batch("t", ids: Array(0..<14), regions: ["eu", "a/b", nil, ""])
        let parts = try router.split(batch, table: "t")
        var seen: [Int] = []
        for part in parts {
            let ids = (0..<part.batch.length).map { Int(part.batch.columns[0].int64(at: $0)) }
            for id in ids {
                let region = ["eu", "a%2Fb", "__HIVE_DEFAULT_PARTITION__", "__HIVE_DEFAULT_PARTITION__"][id % 4]
                #expect(part.values == [region, String(id % 7)], "row \(id)")
            }
            seen += ids
        }
        #expect(seen.sorted() == Array(0..<14))
        #expect(parts.first?.values == ["eu", "0"])
        #expect(Set(parts.map(\.values)).count == parts.count)
    }

    @Test func aRecordOfOnePartitionIsPassedOnWhole() throws {
        var router = PartitionRouter(columns: ["region"])
        let batch = try Self.batch("t", ids: Array(0..<5), regions: ["x"])
        let parts = try router.split(batch, table: "t")
        #expect(parts.count == 1)
        #expect(parts[0].batch.columns[0] === batch.columns[0])
        var inactive = PartitionRouter(columns: [])
        #expect(try inactive.split(batch, table: "t").first?.batch.columns[0] === batch.columns[0])
    }

    @Test func migrateTableChecksTheColumns() throws {
        var router = PartitionRouter(columns: ["account_id"])
        #expect(throws: (any Error).self) { try router.check(Self.schema("items"), table: "items") }
        do {
            try router.check(Self.schema("items"), table: "items")
        } catch {
            #expect("\(error)" == "table \"items\" has no column \"account_id\" for the row variable {{.account_id}} in `path`: add the column to the table or remove the variable")
        }
        var nested = PartitionRouter(columns: ["props"])
        do {
            try nested.check(Self.schema("items", nested: true), table: "items")
            Issue.record("a struct column was accepted as a partition column")
        } catch {
            #expect("\(error)".hasPrefix("table \"items\": column \"props\" is of nested type"))
        }
    }

    // MARK: write engine

    static func settings(limit: Int, rows: Int64 = 1_000_000) -> WriteSession.Settings {
        WriteSession.Settings(
            limits: BatchLimits(rows: rows, bytes: 1 << 40), timeout: nil, contentType: "application/json",
            partSize: 5 << 20, writeEmptyObjects: false, memoryBudget: 64 << 20, maxRequestsInFlight: 4,
            objectKey: { table, partition, _ in "out/\(table)/region=\(partition[0])/\(UUID().uuidString)" },
            makeEncoder: { _ in JSONLinesEncoder() }, partitionColumns: ["region"], maxOpenPartitions: limit)
    }

    static func insert(_ table: String, ids: Range<Int>, regions: [String?]) throws -> WriteMessage {
        .insert(recordIPC: Data(IPCStreamWriter.stream(schema: schema(table), batches: [try batch(table, ids: Array(ids), regions: regions)])))
    }

    static func rows(_ object: EngineTestStore.Object) throws -> [[String: Any]] {
        try String(decoding: object.body, as: UTF8.self).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func rowsGoToOneObjectPerPartitionAndTheLeastRecentlyWrittenClosesFirst() async throws {
        let regions: [String?] = ["r0", "r1", "r2", nil]
        let store = EngineTestStore()
        let messages = [WriteMessage.migrateTable(schemaIPC: Data(IPCStreamWriter.stream(schema: Self.schema("t"), batches: [])), force: false)]
            + (0..<6).map { try! Self.insert("t", ids: ($0 * 20)..<($0 * 20 + 20), regions: regions) }
        let session = try await WriteEngineMemoryTests.run(messages, store: store, settings: Self.settings(limit: 2))
        var ids: [Int] = []
        for object in store.objects {
            let rows = try Self.rows(object)
            let values = Set(rows.map { ($0["region"] as? String) ?? "__HIVE_DEFAULT_PARTITION__" })
            #expect(values.count == 1, "one partition per object: \(object.key)")
            #expect(object.key.contains("/region=\(values.first ?? "")/"), "\(object.key) holds \(values)")
            ids += rows.map { ($0["id"] as? NSNumber)?.intValue ?? -1 }
        }
        #expect(ids.sorted() == Array(0..<120), "every row exactly once")
        // 4 partitions, 2 open at a time, every record touching all 4: objects close early.
        #expect(session.totals.partitionsClosedEarly > 0)
        #expect(store.objects.count == session.totals.partitionsClosedEarly + 2)
        #expect(session.memoryUsed == 0)
    }

    @Test func partitionsTooSmallToSpillCloseLeastRecentlyWrittenFirstUnderMemoryPressure() async throws {
        // 500 partitions of a few rows each: none reaches the 64 KiB worth a spill file, so under a
        // 32 KiB budget the least recently written objects close instead; every row still lands once.
        let regions: [String?] = (0..<500).map { "r\($0)" }
        let store = EngineTestStore()
        var settings = Self.settings(limit: 1000)
        settings.memoryBudget = 32 << 10
        let messages = try (0..<10).map { try Self.insert("t", ids: ($0 * 200)..<($0 * 200 + 200), regions: regions) }
        let session = try await WriteEngineMemoryTests.run(messages, store: store, settings: settings)
        #expect(session.totals.partitionsClosedEarly > 0)
        var ids: [Int] = []
        for object in store.objects {
            let rows = try Self.rows(object)
            #expect(Set(rows.map { $0["region"] as? String ?? "" }).count == 1, "\(object.key)")
            ids += rows.map { ($0["id"] as? NSNumber)?.intValue ?? -1 }
        }
        #expect(ids.sorted() == Array(0..<2000))
        // Memory is checked before each message is read: at most one message over the budget.
        #expect(session.mostMemoryUsed <= settings.memoryBudget + 64 << 10, "\(session.mostMemoryUsed)")
        #expect(session.memoryUsed == 0)
    }

    @Test func batchSizeAppliesPerPartition() async throws {
        let store = EngineTestStore()
        let messages = [try Self.insert("t", ids: 0..<100, regions: ["a", "b"])]
        _ = try await WriteEngineMemoryTests.run(messages, store: store, settings: Self.settings(limit: 10, rows: 20))
        // 50 rows per partition, 20 per object: 20 + 20 + 10 for each.
        #expect(store.objects.map { try! Self.rows($0).count }.sorted() == [10, 10, 20, 20, 20, 20])
    }

    @Test func aMissingColumnFailsTheStreamNamingTableAndColumn() async throws {
        let store = EngineTestStore()
        var settings = Self.settings(limit: 4)
        settings.partitionColumns = ["account_id"]
        let messages = [WriteMessage.migrateTable(schemaIPC: Data(IPCStreamWriter.stream(schema: Self.schema("items"), batches: [])), force: false)]
        await #expect {
            _ = try await WriteEngineMemoryTests.run(messages, store: store, settings: settings)
        } throws: { "\($0)".contains("table \"items\" has no column \"account_id\"") }
        #expect(store.objects.isEmpty)
    }
}
