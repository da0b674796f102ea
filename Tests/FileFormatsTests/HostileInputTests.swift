@testable import Arrow
import Foundation
import Testing
import TestSupport

@testable import FileFormats

/// Inputs a source, a user's files or a client can send that used to crash or hang the plugin
/// (issue 11): each now gets a result or a clear error, on a thread with a small stack.
@Suite struct HostileInputTests {
    static func nested(_ depth: Int, inner: String = "1") -> String {
        String(repeating: "[", count: depth) + inner + String(repeating: "]", count: depth)
    }

    static let jsonField = Field(name: "j", type: .binary, metadata: [("ARROW:extension:name", "json")])

    /// One json-column row through the JSON Lines encoder (the Write path).
    static func writeJSONColumn(_ text: String) throws -> String {
        let builder = ArrowArrayBuilder(field: jsonField)
        try Array(text.utf8).withUnsafeBytes { try builder.append(bytes: $0) }
        let batch = RecordBatch(schema: Schema(fields: [jsonField]), length: 1, columns: [builder.finish()])
        let sink = BufferSink()
        var encoder = JSONLinesEncoder()
        try encoder.begin(into: sink)
        try encoder.write(batch, into: sink)
        try encoder.finish(into: sink)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    @Test("Write: a json value nesting 10 000 levels is written, deeper is Go's \"exceeded max depth\", no recursion")
    func deepJSONOnTheWritePath() throws {
        let deepest = Self.nested(10_000)
        #expect(try onSmallStack { try Self.writeJSONColumn(deepest) } == "{\"j\":\(deepest)}\n")
        for depth in [10_001, 1_000_000] {
            let text = Self.nested(depth)
            #expect { try onSmallStack { try Self.writeJSONColumn(text) } } throws: {
                "\($0)".contains("column \"j\"") && "\($0)".contains("exceeded max depth")
            }
        }
        // Objects count as levels too, and whitespace still goes.
        let objects = String(repeating: "{\"a\": ", count: 10_001) + "1" + String(repeating: "}", count: 10_001)
        #expect { try onSmallStack { try Self.writeJSONColumn(objects) } } throws: { "\($0)".contains("exceeded max depth") }
        let fine = String(repeating: "{ \"a\" : [ ", count: 5_000) + "1" + String(repeating: " ] }", count: 5_000)
        #expect(try onSmallStack { try Self.writeJSONColumn(fine) }
                    == "{\"j\":" + String(repeating: "{\"a\":[", count: 5_000) + "1" + String(repeating: "]}", count: 5_000) + "}\n")
    }

    @Test("Read: json cells and unknown keys nesting deeper than 10 000 levels are an error, not a stack overflow")
    func deepJSONOnTheReadPath() throws {
        let schema = Schema(fields: [Field(name: "id", type: .int64), Self.jsonField])
        // 9 999 arrays around an object: 10 000 levels in the cell, the most it may hold.
        let ok = "{\"id\":1,\"j\":\(Self.nested(9_999, inner: "{\"b\":2,\"a\":1}"))}\n"
        let batches = try onSmallStack { try DecoderComparison.decode(JSONLinesObjectDecoder(), ok, schema: schema) }
        #expect(batches.first?.columns[1].string(at: 0) == Self.nested(9_999, inner: "{\"a\":1,\"b\":2}"))
        for line in ["{\"id\":1,\"j\":\(Self.nested(10_001))}", "{\"id\":1,\"other\":\(Self.nested(100_000))}",
                     "{\"j\":" + String(repeating: "{\"k\":", count: 10_001) + "1" + String(repeating: "}", count: 10_001) + "}"] {
            let message = try onSmallStack { DecoderComparison.errorText(JSONLinesObjectDecoder(), line, schema: schema) }
            #expect(message?.contains("exceeded max depth") == true, "got \(message ?? "no error")")
        }
        // The CSV reader's json cells go through the same code.
        let csv = "id,j\n1,\"\(Self.nested(20_000))\"\n"
        let message = try onSmallStack {
            DecoderComparison.errorText(CSVObjectDecoder(delimiter: UInt8(ascii: ","), header: true), csv, schema: schema)
        }
        #expect(message?.contains("exceeded max depth") == true, "got \(message ?? "no error")")
    }

    @Test("decimal precision outside Arrow's range, or a scale beyond it, is refused when the schema is decoded")
    func decimalLimitsAtSchemaDecode() throws {
        func decode(_ type: ArrowType) throws -> Schema {
            let schema = Schema(fields: [Field(name: "amount", type: type)], metadata: [("cq:table_name", "payments")])
            return try ArrowIPC.readStream(IPCStreamWriter.stream(schema: schema, batches: [])).schema
        }
        for (type, problem) in [
            (ArrowType.decimal(precision: 39, scale: 20_000, bitWidth: 128), "decimal128 precision 39 is outside 1…38"),
            (.decimal(precision: 0, scale: 0, bitWidth: 128), "decimal128 precision 0 is outside 1…38"),
            (.decimal(precision: 77, scale: 2, bitWidth: 256), "decimal256 precision 77 is outside 1…76"),
            (.decimal(precision: 10, scale: 10, bitWidth: 32), "decimal32 precision 10 is outside 1…9"),
            (.decimal(precision: 38, scale: Int(Int32.max), bitWidth: 128), "decimal128(38, 2147483647) scale is outside -38…38"),
            (.decimal(precision: 76, scale: -77, bitWidth: 256), "decimal256(76, -77) scale is outside -76…76"),
        ] {
            #expect { try decode(type) } throws: {
                "\($0)".contains("table 'payments': field 'amount' has an invalid type: \(problem)")
            }
        }
        for type in [ArrowType.decimal(precision: 38, scale: 38, bitWidth: 128), .decimal(precision: 76, scale: -76, bitWidth: 256),
                     .decimal(precision: 4, scale: -2, bitWidth: 128), .decimal(precision: 9, scale: 2, bitWidth: 32)] {
            #expect(try decode(type).fields[0].type == type)
        }
    }

    @Test("Go duration text: sums past 2^63 are invalid, 2^63 + 2^63 wraps to 0 as Go's uint64 does, no trap")
    func durationOverflow() {
        func parse(_ text: String) -> Int64? { Array(text.utf8).withUnsafeBytes { GoTextParsing.parseGoDuration($0) } }
        #expect(parse("9223372036854775808ns9223372036854775808ns") == 0)
        #expect(parse("-9223372036854775808ns") == Int64.min)
        #expect(parse("9223372036854775807ns1ns") == nil)
        #expect(parse("2562047h47m16.854775807s") == Int64.max)
        #expect(parse("2562047h47m16.854775808s") == nil)
        #expect(parse("9223372036854775808ns1ns") == nil)
        #expect(parse("99999999999999999999h") == nil)
    }

    @Test("Parquet: a column chunk declaring more values than the memory budget holds is refused before any page expands")
    func parquetValueCountIsBounded() throws {
        let field = Field(name: "n", type: .int64)
        let builder = ArrowArrayBuilder(field: field)
        for k in 0..<1000 { if k % 3 == 0 { builder.appendNull() } else { try builder.append(Int64(k)) } }
        let schema = Schema(fields: [field])
        let batch = RecordBatch(schema: schema, length: 1000, columns: [builder.finish()])
        let sink = BufferSink()
        var encoder = try ParquetEncoder(schema: schema)
        try encoder.begin(into: sink)
        try encoder.write(batch, into: sink)
        try encoder.finish(into: sink)
        func read(budget: Int) throws -> Int {
            var rows = 0
            try sink.bytes.withUnsafeBytes {
                try ParquetObjectDecoder(memoryBudgetBytes: budget).decode($0, schema: schema, maxRows: 1024) { rows += $0.length }
            }
            return rows
        }
        #expect(try read(budget: 1 << 20) == 1000)
        #expect { try read(budget: 4000) } throws: {
            "\($0)".contains("declares 1000 values; decoding them needs more than the memory budget of 4000 bytes")
        }
    }
    @Test("Read: fixed widths no batch can hold are refused naming the column; wide ones get smaller batches, never exhausted memory")
    func fixedRowWidthIsBounded() throws {
        // What FuzzJSONLinesRead found: a fixed_size_binary of ~2^30 bytes, filled on every null.
        let huge = Schema(fields: [
            Field(name: "id", type: .int64),
            Field(name: "blob", type: .fixedSizeBinary(byteWidth: 1 << 30)),
        ])
        let nullsOfList = Schema(fields: [
            Field(name: "v", type: .fixedSizeList(listSize: 1 << 27), children: [Field(name: "item", type: .null)]),
        ])
        let json = Array("{\"id\":1}\n".utf8)
        let csv = Array("id,blob\n1,\n".utf8)
        for schema in [huge, nullsOfList] {
            let column = schema.fields.last!.name
            #expect {
                try json.withUnsafeBytes { try JSONLinesObjectDecoder().decode($0, schema: schema, maxRows: 1024) { _ in } }
            } throws: { "\($0)".contains("column \"\(column)\"") && "\($0)".contains("MiB a batch of rows may hold") }
        }
        #expect {
            try csv.withUnsafeBytes { try CSVObjectDecoder(delimiter: UInt8(ascii: ","), header: true).decode($0, schema: huge, maxRows: 1024) { _ in } }
        } throws: { "\($0)".contains("column \"blob\" of type") }

        // 1 MiB per row: batches of 64 rows instead of 1 024, every row read.
        let wide = Schema(fields: [Field(name: "id", type: .int64), Field(name: "blob", type: .fixedSizeBinary(byteWidth: 1 << 20))])
        #expect(try RecordBatchBuilder(schema: wide).rowsPerBatch(atMost: 1024) == 63)
        #expect(try RecordBatchBuilder(schema: Schema(fields: [Field(name: "id", type: .int64)])).rowsPerBatch(atMost: 1024) == 1024)
        let lines = Array(repeating: "{\"id\":1}\n", count: 200).joined()
        var batches: [Int] = []
        try Array(lines.utf8).withUnsafeBytes {
            try JSONLinesObjectDecoder().decode($0, schema: wide, maxRows: 1024) { batches.append($0.length) }
        }
        #expect(batches == [63, 63, 63, 11])
    }
}
