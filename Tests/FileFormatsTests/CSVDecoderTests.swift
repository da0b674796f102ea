@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// `CSVObjectDecoder`: what our `CSVEncoder` (byte-identical to the Go plugin) writes must read
/// back to what Go reads back, and bad input must give a clear error.
@Suite struct CSVDecoderTests {
    static func encode(_ batches: [RecordBatch], delimiter: UInt8 = UInt8(ascii: ","), header: Bool = true) throws -> [UInt8] {
        let sink = CSVRecordingSink()
        var encoder = try CSVEncoder(delimiter: delimiter, header: header)
        for batch in batches { try encoder.write(batch, into: sink) }
        try encoder.finish(into: sink)
        return sink.bytes
    }

    /// CSV's losses that Go shares: "" and null are one cell; nested numbers pass float64.
    static let csvLossy = DecoderComparison.Lossy(
        emptyTextIsNull: true, nestedIntegersThroughFloat64: true, crlfReadAsLF: true, emptyLinesSkipped: true)

    @Test(.requires(.python), arguments: [(UInt8(ascii: ","), true), (UInt8(ascii: ","), false), (UInt8(ascii: "\t"), true), (UInt8(ascii: ";"), false)])
    func goTestTableRoundTrips(_ delimiter: UInt8, _ header: Bool) throws {
        // plugin-sdk's TestTable (231 columns, every CloudQuery type and nesting).
        let stream = try CSVGoFixturePythonTests.input.get()
        let bytes = try Self.encode(stream.batches, delimiter: delimiter, header: header)
        let batches = try DecoderComparison.expectRoundTrip(
            CSVObjectDecoder(delimiter: delimiter, header: header), bytes, expected: stream.batches, schema: stream.schema,
            maxRows: 1, lossy: Self.csvLossy, label: "TestTable delimiter \(delimiter) header \(header)")
        #expect(batches.count == 2)
    }

    @Test(.requires(.python), arguments: ["integers", "float64", "float32", "float16", "texts", "odd_names", "dates", "times", "timestamps",
                      "durations", "binaries", "decimals", "inets", "nested", "multi", "big"])
    func pyarrowInputsRoundTrip(_ name: String) throws {
        let stream = try CSVInputs.stream(name)
        try DecoderComparison.expectRoundTrip(
            CSVObjectDecoder(delimiter: UInt8(ascii: ","), header: true), try Self.encode(stream.batches),
            expected: stream.batches, schema: stream.schema, maxRows: 3, lossy: Self.csvLossy, label: name)
    }

    @Test(.requires(.sharedData)) func cliPayloadRoundTrips() throws {
        for name in ["007-insert-harness_items.arrow", "009-insert-harness_items.arrow", "012-insert-harness_items_children.arrow"] {
            let stream = try CSVCLIPayloadSharedDataTests.stream(name)
            let batches = try DecoderComparison.expectRoundTrip(
                CSVObjectDecoder(delimiter: UInt8(ascii: ","), header: true), try Self.encode(stream.batches),
                expected: stream.batches, schema: stream.schema, lossy: Self.csvLossy, label: name)
            if name.hasPrefix("007") {
                // Go re-marshals the json cell: compact, keys sorted, numbers through float64.
                let column = try #require(batches.first?.column(named: "json_col"))
                #expect(column.string(at: 0) == #"{"a":1,"b":"s1","nested":[1,{"x":null}]}"#)
            }
        }
    }

    static let schema = Schema(fields: [
        Field(name: "id", type: .int64),
        Field(name: "note", type: .utf8),
        Field(name: "tags", type: .list, children: [Field(name: "item", type: .utf8)]),
    ])
    static let comma = CSVObjectDecoder(delimiter: UInt8(ascii: ","), header: true)

    @Test func quotedLineBreaksAndCRLF() throws {
        let text = "id,note,tags\r\n1,\"two\r\nlines, \"\"quoted\"\"\",\"[\"\"a\"\",null]\"\r\n\r\n2,,(null)\r\n3,x,\n"
        let batches = try DecoderComparison.decode(Self.comma, text, schema: Self.schema)
        let batch = try #require(batches.first)
        #expect(batch.length == 3)
        // Go's encoding/csv reads "\r\n" inside quotes as "\n".
        #expect(batch.columns[1].string(at: 0) == "two\nlines, \"quoted\"")
        #expect(batch.columns[1].isNull(1) && batch.columns[2].isNull(1) && batch.columns[2].isNull(2))
        let tags = batch.columns[2]
        #expect(tags.listRange(at: 0).count == 2 && tags.children[0].string(at: 0) == "a" && tags.children[0].isNull(1))
        #expect(batch.columns[0].int64(at: 2) == 3 && batch.columns[1].string(at: 2) == "x")
    }

    @Test func emptyObjectsHaveNoBatches() throws {
        #expect(try DecoderComparison.decode(Self.comma, "", schema: Self.schema).isEmpty)
        #expect(try DecoderComparison.decode(Self.comma, "id,note,tags\n", schema: Self.schema).isEmpty)
        #expect(try DecoderComparison.decode(CSVObjectDecoder(delimiter: 44, header: false), "", schema: Self.schema).isEmpty)
    }

    @Test func batchesHoldAtMostMaxRows() throws {
        let text = (1...5).map { "\($0);n\($0);\n" }.joined()
        let batches = try DecoderComparison.decode(CSVObjectDecoder(delimiter: UInt8(ascii: ";"), header: false), text,
                                                   schema: Self.schema, maxRows: 2)
        #expect(batches.map(\.length) == [2, 2, 1])
        #expect(batches.last?.columns[1].string(at: 0) == "n5")
    }

    @Test(arguments: [
        ("id,name,tags\n1,a,\n", "csv line 1, column \"note\": the header names column 2 \"name\""),
        ("id,note\n", "csv line 1: wrong number of fields: the table has 3 columns but this header has 2"),
        ("id,note,tags\n1,a,\n2,b\n", "csv line 3: wrong number of fields: the table has 3 columns but this record has 2"),
        ("id,note,tags\n1,a\"b,\n", "csv line 2: bare \" in non-quoted field"),
        ("id,note,tags\n1,\"a\"b,\n", "csv line 2: extraneous or missing \" in quoted-field"),
        ("id,note,tags\n1,\"a\n\nb,\n", "csv line 2: extraneous or missing \" in quoted-field"),
        ("id,note,tags\nx,a,\n", "csv line 2, column \"id\": expected an integer of 64 bits, found \"x\""),
        ("id,note,tags\n1,a,\n\n2,b,[1]\n", "csv line 4, column \"tags.item\": expected a string, found the number 1"),
        ("id,note,tags\n1,a,\"[\"\"x\"\"] y\"\n", "csv line 2, column \"tags\": unexpected text after the JSON value"),
    ])
    func malformedInputIsAClearError(_ text: String, _ expected: String) {
        let message = DecoderComparison.errorText(Self.comma, text, schema: Self.schema)
        #expect(message?.hasPrefix(expected) == true, "got \(message ?? "no error")")
    }

    /// Text that is not UTF-8 cannot go into a utf8 column (Go would store it unchecked).
    @Test(.requires(.python)) func invalidUTF8IsAClearError() throws {
        let stream = try CSVInputs.stream("invalid_utf8")
        var message: String?
        do {
            try Self.encode(stream.batches).withUnsafeBytes { raw in
                try Self.comma.decode(raw, schema: stream.schema, maxRows: 10) { _ in }
            }
        } catch {
            message = "\(error)"
        }
        #expect(message?.hasPrefix("csv line 2, column \"s\":") == true && message?.contains("UTF-8") == true,
                "got \(message ?? "no error")")
    }

    @Test func typedCellsFollowArrowGo() throws {
        let schema = Schema(fields: [
            Field(name: "f", type: .float32),
            Field(name: "d", type: .duration(.millisecond)),
            Field(name: "t", type: .time64(.microsecond)),
            Field(name: "m", type: .interval(.yearMonth)),
            Field(name: "dt", type: .interval(.dayTime)),
            Field(name: "u", type: .fixedSizeBinary(byteWidth: 16), metadata: [("ARROW:extension:name", "uuid")]),
            Field(name: "ip", type: .binary, metadata: [("ARROW:extension:name", "inet")]),
        ])
        let text = "+Inf,1.5s,12:34:56.000007,-3,\"{\"\"Days\"\":2,\"\"milliseconds\"\":5}\",{00000000-0000-0000-0000-0000000000AB},2001:DB8:0::1/64\n"
        let batch = try #require(try DecoderComparison.decode(CSVObjectDecoder(delimiter: 44, header: false), text, schema: schema).first)
        #expect(batch.columns[0].float32(at: 0) == .infinity)
        #expect(batch.columns[1].int64(at: 0) == 1500)
        #expect(batch.columns[2].int64(at: 0) == 45_296_000_007)
        #expect(batch.columns[3].monthInterval(at: 0) == -3)
        #expect(batch.columns[4].dayTimeInterval(at: 0) == (2, 5))
        #expect(Array(batch.columns[5].bytes(at: 0)) == [UInt8](repeating: 0, count: 15) + [0xab])
        #expect(batch.columns[6].string(at: 0) == "2001:db8::1/64")
        // A duration beyond ±292 years cannot pass Go's time.ParseDuration.
        let message = DecoderComparison.errorText(CSVObjectDecoder(delimiter: 44, header: false),
                                                  "1,9223372036854775807ms,,,,,\n", schema: schema)
        #expect(message?.hasPrefix("csv line 1, column \"d\": expected a duration") == true, "got \(message ?? "no error")")
    }

    /// Every prefix of a real object, and the object with each byte flipped, decodes or fails
    /// with an error: never a crash.
    @Test(.requires(.sharedData)) func damagedInputNeverCrashes() throws {
        let stream = try CSVCLIPayloadSharedDataTests.stream("007-insert-harness_items.arrow")
        let bytes = try Self.encode(stream.batches)
        var failures = 0
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            for variant in [Array(bytes[..<cut]), { var b = bytes; b[cut] ^= 0x22; return b }()] {
                do {
                    try variant.withUnsafeBytes { raw in
                        try Self.comma.decode(raw, schema: stream.schema, maxRows: 1) { _ in }
                    }
                } catch is ObjectDecodingError {
                    failures += 1
                }
            }
        }
        #expect(failures > 0)
    }
}
