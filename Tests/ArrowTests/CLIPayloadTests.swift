@testable import Arrow
import Foundation
import TestSupport
import Testing

/// Decodes the IPC payloads the real CloudQuery CLI 6.21.1 sent to a destination
/// (`shared/testdata/cli-6.21.1`, described in its README.md and dest-double.txt).
@Suite(.requires(.sharedData)) struct CLIPayloadSharedDataTests {
    static func payload(_ name: String) throws -> ArrowStream {
        let url = try TestEnvironment.sharedDirectory()
            .appendingPathComponent("testdata/cli-6.21.1").appendingPathComponent(name)
        return try ArrowIPC.readStream(TestEnvironment.bytes(of: url))
    }

    static let itemColumns = [
        "_cq_sync_time", "_cq_source_name", "_cq_id", "_cq_parent_id", "id", "name", "int8", "int16", "int32",
        "uint8", "uint64", "float32", "price", "active", "created_at", "day", "blob", "large_text", "tags",
        "scores", "props", "labels", "uuid_col", "json_col", "ip", "mac", "amount", "duration",
    ]

    /// 2026-11-23T00:34:32.172344Z, the sync time of the recorded run, in microseconds.
    static let syncTimeMicros: Int64 = 1_795_394_072_172_344
    static let daysTo2024 = 19723  // 2024-01-01

    @Test func everyPayloadDecodes() throws {
        let directory = try TestEnvironment.sharedDirectory().appendingPathComponent("testdata/cli-6.21.1")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".arrow") }.sorted()
        #expect(names.count == 8)
        for name in names {
            let stream = try Self.payload(name)
            #expect(stream.batches.count == (name.contains("migrate_table") ? 0 : 1), "\(name)")
            let table = name.contains("children") ? "harness_items_children" : "harness_items"
            #expect(stream.schema.tableName == table, "\(name)")
        }
    }

    @Test func migrateTableSchema() throws {
        let schema = try Self.payload("005-migrate_table-harness_items.arrow").schema
        #expect(schema.fields.map(\.name) == Self.itemColumns)
        #expect(schema.metadata == [
            "cq:table_name": "harness_items",
            "cq:table_description": "Rows of many column types",
            "cq:table_title": "Harness Items",
            "cq:extension:constraint_name": "",
            "cq:table_permissions_needed": "null",
            "cq:table_sensitive_columns": "null",
        ])
        #expect(schema.orderedMetadata.first?.key == "cq:table_name")

        func field(_ name: String) throws -> Field {
            guard let field = schema.fields.first(where: { $0.name == name }) else {
                throw TestEnvironment.Missing(description: "no field \(name)")
            }
            return field
        }
        #expect(try field("_cq_sync_time").type == .timestamp(.microsecond, timeZone: "UTC"))
        #expect(try field("_cq_sync_time").metadata.isEmpty)
        #expect(try field("_cq_source_name").type == .utf8)
        let cqID = try field("_cq_id")
        #expect(cqID.type == .fixedSizeBinary(byteWidth: 16))
        #expect(cqID.nullable == false)
        #expect(cqID.extensionName == "uuid")
        #expect(cqID.extensionMetadata == "uuid-serialized")
        #expect(cqID.metadata["cq:extension:unique"] == "true")
        #expect(try field("_cq_parent_id").nullable == true)
        #expect(try field("id").type == .int64)
        #expect(try field("id").nullable == false)
        #expect(try field("id").metadata["cq:extension:primary_key"] == "true")
        #expect(try field("int8").type == .int8)
        #expect(try field("uint64").type == .uint64)
        #expect(try field("float32").type == .float32)
        #expect(try field("price").type == .float64)
        #expect(try field("active").type == .bool)
        #expect(try field("day").type == .date32)
        #expect(try field("blob").type == .binary)
        #expect(try field("large_text").type == .largeUtf8)
        let tags = try field("tags")
        #expect(tags.type == .list)
        #expect(tags.children.map(\.type) == [.utf8])
        #expect(try field("scores").children.first?.type == .int64)
        let props = try field("props")
        #expect(props.type == .struct)
        #expect(props.children.map(\.name) == ["k", "v"])
        #expect(props.children.map(\.type) == [.utf8, .int64])
        let labels = try field("labels")
        #expect(labels.type == .map(keysSorted: false))
        #expect(labels.children[0].children.map(\.name) == ["key", "value"])
        #expect(labels.children[0].children[0].nullable == false)
        let json = try field("json_col")
        #expect(json.type == .binary)
        #expect(json.extensionName == "json")
        #expect(json.metadata["cq:extension:type_schema"] == #"{"a":"int64","b":"utf8"}"#)
        #expect(try field("ip").extensionName == "inet")
        #expect(try field("mac").extensionName == "mac")
        #expect(try field("uuid_col").extensionName == "uuid")
        #expect(try field("amount").type == .decimal(precision: 10, scale: 2, bitWidth: 128))
        #expect(try field("duration").type == .duration(.millisecond))
        #expect(try field("name").extensionName == nil)
    }

    @Test func childTableSchema() throws {
        let schema = try Self.payload("006-migrate_table-harness_items_children.arrow").schema
        #expect(schema.fields.map(\.name)
            == ["_cq_sync_time", "_cq_source_name", "_cq_id", "_cq_parent_id", "item_id", "seq", "note"])
        #expect(schema.metadata["cq:table_depends_on"] == "harness_items")
        #expect(schema.fields[5].type == .int32)
        #expect(schema.fields[5].nullable == false)
    }

    @Test(arguments: [
        ("007-insert-harness_items.arrow", [1, 2]),
        ("009-insert-harness_items.arrow", [3, 4]),
        ("011-insert-harness_items.arrow", [5]),
    ])
    func itemRows(file: String, ids: [Int]) throws {
        let stream = try Self.payload(file)
        let batch = try #require(stream.batches.first)
        #expect(batch.length == ids.count)
        #expect(batch.schema.fields.map(\.name) == Self.itemColumns)
        #expect(batch.bufferByteSize > 0 && batch.bufferByteSize < 13_000)
        func column(_ name: String) throws -> ArrowArray { try #require(batch.column(named: name)) }

        for (row, n) in ids.enumerated() {
            let n64 = Int64(n)
            #expect(try column("_cq_sync_time").int64(at: row) == Self.syncTimeMicros)
            #expect(try column("_cq_source_name").string(at: row) == "harness-source")
            #expect(try column("_cq_parent_id").isNull(row))
            #expect(try column("_cq_id").bytes(at: row).count == 16)
            #expect(try column("id").int64(at: row) == n64)
            if n == 4 {
                #expect(try column("name").isNull(row))
            } else {
                #expect(try column("name").string(at: row) == "item-\(n)")
            }
            #expect(try column("int8").int8(at: row) == Int8(n % 2 == 1 ? -n : n))
            #expect(try column("int16").int16(at: row) == Int16(100 * n))
            #expect(try column("int32").int32(at: row) == Int32(100_000 * n))
            #expect(try column("uint8").uint8(at: row) == UInt8(n))
            #expect(try column("uint64").uint64(at: row) == 9_223_372_036_854_775_808 + UInt64(n))
            #expect(try column("float32").float32(at: row) == Float(n) * 0.25)
            #expect(try column("price").float64(at: row) == Double(n) * 1.5)
            #expect(try column("active").bool(at: row) == (n % 2 == 0))
            let createdDay = Int64(Self.daysTo2024 + 1 + n)
            #expect(try column("created_at").int64(at: row)
                == createdDay * 86_400_000_000 + (3 * 3600 + 4 * 60 + 5) * 1_000_000 + 123_456)
            #expect(try column("day").int32(at: row) == Int32(Self.daysTo2024 + n))
            #expect(Array(try column("blob").bytes(at: row)) == [UInt8(n), 0x00, 0xff])
            #expect(try column("large_text").string(at: row) == String(repeating: "x", count: n))

            let tags = try column("tags")
            let tagRange = tags.listRange(at: row)
            #expect(tagRange.map { tags.children[0].string(at: $0) } == ["t\(n)", "common"])
            let scores = try column("scores")
            #expect(scores.listRange(at: row).map { scores.children[0].int64(at: $0) } == (0..<n64).map { $0 })
            let props = try column("props")
            #expect(props.children[0].string(at: row) == "k\(n)")
            #expect(props.children[1].int64(at: row) == n64)
            let labels = try column("labels")
            let entries = labels.children[0]
            let pairs = labels.listRange(at: row).map { (entries.children[0].string(at: $0), entries.children[1].string(at: $0)) }
            #expect(pairs.map(\.0) == ["env", "n"])
            #expect(pairs.map(\.1) == ["test", "\(n)"])

            #expect(Array(try column("uuid_col").bytes(at: row)) == [UInt8](repeating: 0, count: 15) + [UInt8(n)])
            #expect(try column("json_col").string(at: row)
                == #"{"a": \#(n), "b": "s\#(n)", "nested": [1, {"x": null}]}"#)
            #expect(try column("ip").string(at: row) == (n % 2 == 1 ? "192.168.\(n).0/24" : "2001:db8::\(n)/128"))
            #expect(Array(try column("mac").bytes(at: row)) == [0x00, 0x1a, 0x2b, 0x3c, 0x4d, UInt8(n)])
            let amount = try column("amount").bytes(at: row)
            #expect(amount.count == 16)
            #expect(amount.loadUnaligned(as: Int64.self) == 101 * n64)
            #expect(amount.loadUnaligned(fromByteOffset: 8, as: Int64.self) == 0)
            #expect(try column("duration").int64(at: row) == 1000 * n64)
        }
    }

    @Test func firstCQIDIsTheRecordedUUID() throws {
        let batch = try #require(try Self.payload("007-insert-harness_items.arrow").batches.first)
        let id = try #require(batch.column(named: "_cq_id"))
        let hex = id.bytes(at: 0).map { String(format: "%02x", $0) }.joined()
        #expect(hex == "93c72e87554651f399b8187a8a095d72")
    }

    @Test(arguments: [
        ("008-insert-harness_items_children.arrow", [1, 2]),
        ("010-insert-harness_items_children.arrow", [3, 4]),
        ("012-insert-harness_items_children.arrow", [5]),
    ])
    func childRows(file: String, items: [Int]) throws {
        let batch = try #require(try Self.payload(file).batches.first)
        #expect(batch.length == items.count * 2)
        let itemID = try #require(batch.column(named: "item_id"))
        let seq = try #require(batch.column(named: "seq"))
        let note = try #require(batch.column(named: "note"))
        let parent = try #require(batch.column(named: "_cq_parent_id"))
        #expect(parent.nullCount == 0)
        var row = 0
        for item in items {
            for s in 1...2 {
                #expect(itemID.int64(at: row) == Int64(item))
                #expect(seq.int32(at: row) == Int32(s))
                #expect(note.string(at: row) == "child \(s) of \(item)")
                #expect(parent.bytes(at: row).count == 16)
                row += 1
            }
        }
    }
}
