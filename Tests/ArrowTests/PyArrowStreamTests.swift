@testable import Arrow
import Foundation
import TestSupport
import Testing

/// Every stream pyarrow wrote decodes to exactly the values pyarrow reads back.
@Suite(.requires(.python)) struct PyArrowStreamPythonTests {
    /// Compares all batches of `name` with the script's dump; returns the decoded stream.
    @discardableResult
    static func assertMatches(_ name: String) throws -> ArrowStream {
        let stream = try PyArrowStreams.stream(name)
        let expected = try PyArrowStreams.expected(name)
        #expect(stream.schema.fields.map(\.name) == expected["fields"] as? [String], "\(name)")
        let batches = try #require(expected["batches"] as? [[String: Any]])
        #expect(stream.batches.count == batches.count, "\(name)")
        for (b, (batch, want)) in zip(stream.batches, batches).enumerated() {
            #expect(batch.length == want["rows"] as? Int, "\(name) batch \(b)")
            #expect(batch.bufferByteSize == want["bufferBytes"] as? Int, "\(name) batch \(b)")
            #expect(batch.columns.map(\.nullCount) == want["nullCounts"] as? [Int], "\(name) batch \(b)")
            let columns = try #require(want["columns"] as? [[Any]])
            for (k, field) in batch.schema.fields.enumerated() {
                let mine = try CanonicalValues.json(CanonicalValues.column(batch.columns[k], field: field))
                let theirs = try CanonicalValues.json(columns[k])
                #expect(mine == theirs, "\(name) batch \(b) column \(field.name) (\(field.type))")
            }
        }
        return stream
    }

    @Test(arguments: ["primitives", "nested", "sliced_primitives", "sliced_nested", "multi_batch", "metadata"])
    func decodesLikePyArrow(name: String) throws {
        try Self.assertMatches(name)
    }

    @Test func everyPrimitiveTypeIsCovered() throws {
        let types = try PyArrowStreams.stream("primitives").schema.fields.map(\.type)
        #expect(types.contains(.null))
        #expect(types.contains(.float16))
        #expect(types.contains(.fixedSizeBinary(byteWidth: 3)))
        #expect(types.contains(.timestamp(.nanosecond, timeZone: "+05:30")))
        #expect(types.contains(.timestamp(.second, timeZone: "")))
        #expect(types.contains(.time32(.second)) && types.contains(.time64(.nanosecond)))
        #expect(types.contains(.duration(.microsecond)))
        #expect(types.contains(.interval(.monthDayNano)))
        #expect(types.contains(.decimal(precision: 76, scale: 20, bitWidth: 256)))
    }

    @Test func multipleBatchesIncludingAnEmptyOne() throws {
        let stream = try Self.assertMatches("multi_batch")
        #expect(stream.batches.map(\.length) == [3, 0, 5, 1])
        #expect(stream.rowCount == 9)
    }

    @Test func schemaOnlyStream() throws {
        let stream = try PyArrowStreams.stream("schema_only")
        #expect(stream.batches.isEmpty)
        #expect(stream.schema.fields.map(\.type) == [.int64, .utf8])
    }

    @Test func legacyFramingAndMetadataV4() throws {
        let bytes = try TestEnvironment.bytes(of: PyArrowStreams.directory.get().appendingPathComponent("legacy_v4.arrow"))
        #expect(Array(bytes.prefix(4)) != [0xff, 0xff, 0xff, 0xff], "expected the pre-1.0 framing")
        try Self.assertMatches("legacy_v4")
    }

    @Test func schemaAndFieldMetadata() throws {
        let schema = try Self.assertMatches("metadata").schema
        #expect(schema.tableName == "meta_table")
        #expect(schema.metadata["cq:table_title"] == "Ünïcode ✓")
        #expect(schema.metadata["empty"] == "")
        #expect(schema.fields[0].extensionName == "uuid")
        #expect(schema.fields[0].extensionMetadata == "uuid-serialized")
        #expect(schema.fields[0].metadata["cq:extension:unique"] == "true")
        #expect(schema.fields[0].nullable == false)
        #expect(schema.fields[1].extensionName == "json")
        #expect(schema.fields[2].extensionName == nil)
        #expect(schema.fields[2].children[0].extensionName == "inet")
    }

    @Test func yearMonthAndDayTimeIntervals() throws {
        let stream = try PyArrowStreams.stream("intervals")
        #expect(stream.schema.fields.map(\.type) == [.interval(.yearMonth), .interval(.dayTime)])
        let batch = try #require(stream.batches.first)
        let months = batch.columns[0]
        #expect((0..<4).map { months.isNull($0) ? nil : months.monthInterval(at: $0) } == [1, nil, -30, 0])
        let dayTime = batch.columns[1]
        #expect(dayTime.dayTimeInterval(at: 0) == (days: 1, milliseconds: 2))
        #expect(dayTime.dayTimeInterval(at: 1) == (days: 3, milliseconds: 0))
        #expect(dayTime.isNull(2))
        #expect(dayTime.dayTimeInterval(at: 3) == (days: -5, milliseconds: -4))
    }

    @Test(arguments: [
        ("unsupported_dict_col", "dict_col", "dictionary-encoded"),
        ("unsupported_union_col", "union_col", "union"),
        ("unsupported_ree_col", "ree_col", "run_end_encoded"),
        ("unsupported_view_col", "view_col", "utf8_view"),
        ("unsupported_listview_col", "listview_col", "list_view"),
        ("compressed", "", "ZSTD"),
    ])
    func unsupportedFeaturesAreNamed(file: String, field: String, feature: String) throws {
        do {
            _ = try PyArrowStreams.stream(file)
            Issue.record("\(file) decoded although it uses \(feature)")
        } catch let error as ArrowError {
            #expect(error.kind == .unsupported)
            #expect(error.message.contains(feature), "\(error)")
            #expect(error.message.contains("'\(field)'") || field.isEmpty, "\(error)")
        }
    }
}
