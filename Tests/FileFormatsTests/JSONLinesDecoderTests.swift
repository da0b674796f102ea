@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// `JSONLinesObjectDecoder`: what our `JSONLinesEncoder` (byte-identical to the Go plugin)
/// writes must read back to the same values, and bad input must give a clear error.
@Suite struct JSONLinesDecoderTests {
    static func encode(_ stream: ArrowStream) throws -> [UInt8] { try JSONLinesEncoding.encode(stream).bytes }

    static func encode(batches: [RecordBatch]) throws -> [UInt8] {
        let sink = JSONLinesRecordingSink()
        var encoder = JSONLinesEncoder()
        for batch in batches { try encoder.write(batch, into: sink) }
        try encoder.finish(into: sink)
        return sink.bytes
    }

    @Test(.requires(.python)) func goTestTableRoundTrips() throws {
        // plugin-sdk's TestTable (231 columns, every CloudQuery type and nesting), as rebuilt
        // from the Go CSV fixture.
        let stream = try CSVGoFixturePythonTests.input.get()
        let bytes = try Self.encode(stream)
        let batches = try DecoderComparison.expectRoundTrip(
            JSONLinesObjectDecoder(), bytes, expected: stream.batches, schema: stream.schema, label: "TestTable")
        #expect(batches.count == 1 && batches.first?.length == 2)
        // One row per batch when asked.
        let single = try DecoderComparison.expectRoundTrip(
            JSONLinesObjectDecoder(), bytes, expected: stream.batches, schema: stream.schema, maxRows: 1, label: "TestTable maxRows 1")
        #expect(single.count == 2)
    }

    @Test(.requires(.python), arguments: ["strings", "integers", "float64", "float32", "float16", "times", "timestamps", "durations",
                      "decimals", "negative_scale", "binaries", "nested", "multi", "key_order", "html_keys",
                      "float16_list_nan"])
    func pyarrowInputsRoundTrip(_ name: String) throws {
        let stream = try JSONLinesInputs.stream(name)
        try DecoderComparison.expectRoundTrip(
            JSONLinesObjectDecoder(), try Self.encode(stream), expected: stream.batches, schema: stream.schema,
            maxRows: 2, label: name)
    }

    @Test(.requires(.sharedData)) func cliPayloadRoundTrips() throws {
        for name in ["007-insert-harness_items.arrow", "009-insert-harness_items.arrow", "012-insert-harness_items_children.arrow"] {
            let stream = try JSONLinesCLIPayloadSharedDataTests.stream(name)
            let batches = try DecoderComparison.expectRoundTrip(
                JSONLinesObjectDecoder(), try Self.encode(stream), expected: stream.batches, schema: stream.schema, label: name)
            if name.hasPrefix("007") {
                // The json column is stored as Go re-marshals it: compact, keys sorted.
                let column = try #require(batches.first?.column(named: "json_col"))
                #expect(column.string(at: 0) == #"{"a":1,"b":"s1","nested":[1,{"x":null}]}"#)
            }
        }
    }

    static let schema = Schema(fields: [
        Field(name: "id", type: .int64),
        Field(name: "name", type: .utf8),
        Field(name: "tags", type: .list, children: [Field(name: "item", type: .int32)]),
        Field(name: "big", type: .uint64),
    ])

    @Test func missingKeysAreNullAndUnknownKeysIgnored() throws {
        let text = """
        {"id":1,"extra":{"deep":[1,2,{"x":"y"}]},"name":null}
        {}
        {"tags":[1,null,3],"big":18446744073709551615,"id":"9223372036854775807"}\r
        {"id":1e3,"name":"caf\\u00e9 \\ud83d\\ude00"}
        """
        let batches = try DecoderComparison.decode(JSONLinesObjectDecoder(), text, schema: Self.schema)
        let batch = try #require(batches.first)
        #expect(batches.count == 1 && batch.length == 4)
        let id = batch.columns[0], name = batch.columns[1], tags = batch.columns[2], big = batch.columns[3]
        #expect(id.int64(at: 0) == 1 && id.isNull(1) && id.int64(at: 2) == Int64.max && id.int64(at: 3) == 1000)
        #expect(name.isNull(0) && name.isNull(1) && name.isNull(2) && name.string(at: 3) == "café 😀")
        #expect(tags.isNull(0) && tags.listRange(at: 2).count == 3 && tags.children[0].isNull(tags.listRange(at: 2).lowerBound + 1))
        #expect(big.uint64(at: 2) == UInt64.max && big.isNull(0))
    }

    @Test func emptyObjectHasNoBatches() throws {
        #expect(try DecoderComparison.decode(JSONLinesObjectDecoder(), "", schema: Self.schema).isEmpty)
    }

    @Test func batchesHoldAtMostMaxRows() throws {
        let text = (1...5).map { "{\"id\":\($0)}\n" }.joined()
        let batches = try DecoderComparison.decode(JSONLinesObjectDecoder(), text, schema: Self.schema, maxRows: 2)
        #expect(batches.map(\.length) == [2, 2, 1])
        #expect(batches.last?.columns[0].int64(at: 0) == 5)
    }

    @Test(arguments: [
        ("{\"id\":1}\n{\"id\":\"abc\"}\n", "json line 2, column \"id\": expected an integer in range, found \"abc\""),
        ("{\"id\":1.5}", "json line 1, column \"id\": expected an integer in range, found \"1.5\""),
        ("{\"id\":1,\"id\":2}", "json line 1: key \"id\" is given twice"),
        ("{\"id\":1", "json line 1: unexpected end of JSON input"),
        ("{\"id\":1}\n\n{\"id\":2}\n", "json line 2: empty line"),
        ("[1,2]", "json line 1: a row must be a JSON object"),
        ("{\"id\":1} x", "json line 1: invalid character 'x'"),
        ("{\"name\":5}", "json line 1, column \"name\": expected a string, found the number 5"),
        ("{\"tags\":[1,\"x\"]}", "json line 1, column \"tags.item\": expected an integer in range, found \"x\""),
        ("{\"tags\":[1,2,]}", "json line 1, column \"tags.item\": invalid character ']'"),
        ("{\"big\":-1}", "json line 1, column \"big\": expected an integer in range, found \"-1\""),
        ("{\"name\":\"a\u{01}b\"}", "json line 1, column \"name\": invalid character byte 0x1"),
    ])
    func malformedInputIsAClearError(_ text: String, _ expected: String) {
        let message = DecoderComparison.errorText(JSONLinesObjectDecoder(), text, schema: Self.schema)
        #expect(message?.hasPrefix(expected) == true, "got \(message ?? "no error")")
    }

    @Test func tooLongLineIsAnError() {
        let line = "{\"name\":\"" + String(repeating: "x", count: JSONLinesObjectDecoder.maxLineBytes) + "\"}\n"
        let message = DecoderComparison.errorText(JSONLinesObjectDecoder(), "{\"id\":1}\n" + line, schema: Self.schema)
        #expect(message?.hasPrefix("json line 2: the line is") == true, "got \(message ?? "no error")")
    }

    @Test func typedValuesFollowArrowGo() throws {
        let schema = Schema(fields: [
            Field(name: "ts", type: .timestamp(.microsecond, timeZone: "UTC")),
            Field(name: "d", type: .duration(.second)),
            Field(name: "t", type: .time32(.millisecond)),
            Field(name: "f", type: .float64),
            Field(name: "dec", type: .decimal(precision: 10, scale: 2, bitWidth: 128)),
            Field(name: "b", type: .bool),
        ])
        let text = #"{"ts":"2021-01-02T03:04:05.123456+01:00","d":"1h2m","t":"01:02:03.5","f":"NaN","dec":"-12.345","b":"T"}"#
        let batch = try #require(try DecoderComparison.decode(JSONLinesObjectDecoder(), text, schema: schema).first)
        // 03:04:05.123456 at +01:00 is 02:04:05.123456 UTC.
        #expect(batch.columns[0].int64(at: 0) == 1_609_553_045_123_456)
        #expect(batch.columns[1].int64(at: 0) == 3720)
        #expect(batch.columns[2].int32(at: 0) == 3_723_500)
        #expect(batch.columns[3].float64(at: 0).isNaN)
        // -12.345 at scale 2 rounds half away from zero: -1235.
        #expect(Array(batch.columns[4].bytes(at: 0)).prefix(8) == [0x2d, 0xfb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])
        #expect(batch.columns[5].bool(at: 0) == true)
        // More precision than the unit holds is an error, as in arrow-go.
        let message = DecoderComparison.errorText(JSONLinesObjectDecoder(), #"{"t":"01:02:03.5001"}"#, schema: schema)
        #expect(message?.hasPrefix("json line 1, column \"t\": expected a time of day") == true, "got \(message ?? "none")")
    }

    /// Go's `time.Parse("2006-01-02")` needs a four-digit year: dates from 0000 to 9999 read
    /// back, year 10000 (which the writer prints as `10000-01-01`) cannot, in Go either.
    @Test(.requires(.python)) func datesReadBackWithinFourDigitYears() throws {
        let stream = try JSONLinesInputs.stream("dates")
        let batch = try #require(stream.batches.first)
        #expect(batch.length == 7)
        let inRange = batch.slice(offset: 0, length: 6)
        let bytes = try Self.encode(batches: [inRange])
        try DecoderComparison.expectRoundTrip(
            JSONLinesObjectDecoder(), bytes, expected: [inRange], schema: stream.schema, label: "dates 0000-9999")
        let message = DecoderComparison.errorText(
            JSONLinesObjectDecoder(), String(decoding: try Self.encode(stream), as: UTF8.self), schema: stream.schema)
        #expect(message?.hasPrefix(#"json line 7, column "d32": expected a date like 2006-01-02, found "10000-01-01""#) == true,
                "got \(message ?? "no error")")
    }

    /// CloudQuery extension columns round trip, except MAC addresses Go's `net.ParseMAC`
    /// refuses (empty, or not 6/8/20 bytes): Go cannot read those back, and neither do we.
    @Test(.requires(.python), arguments: ["extensions", "extension_lists"])
    func extensionsRoundTripExceptUnparseableMACs(_ name: String) throws {
        let stream = try JSONLinesInputs.stream(name)
        let keep = stream.schema.fields.indices.filter { !stream.schema.fields[$0].name.hasPrefix("mac") }
        #expect(keep.count < stream.schema.fields.count && !keep.isEmpty)
        let schema = Schema(fields: keep.map { stream.schema.fields[$0] })
        let batches = stream.batches.map { batch in RecordBatch(schema: schema, length: batch.length, columns: keep.map { batch.columns[$0] }) }
        let bytes = try Self.encode(batches: batches)
        try DecoderComparison.expectRoundTrip(JSONLinesObjectDecoder(), bytes, expected: batches, schema: schema, label: name)
        let message = DecoderComparison.errorText(
            JSONLinesObjectDecoder(), String(decoding: try Self.encode(stream), as: UTF8.self), schema: stream.schema)
        #expect(message?.contains("expected a MAC address") == true, "got \(message ?? "no error")")
    }

    /// Invalid UTF-8 in a utf8 column is written with U+FFFD substitutes (as goccy does); the
    /// reader gives back exactly the string the written JSON holds.
    @Test(.requires(.python)) func invalidUTF8ReadsBackAsWritten() throws {
        let stream = try JSONLinesInputs.stream("invalid_utf8")
        let bytes = try Self.encode(stream)
        let batches = try DecoderComparison.decode(JSONLinesObjectDecoder(), String(decoding: bytes, as: UTF8.self), schema: stream.schema)
        let column = try #require(batches.first?.columns[0])
        let lines = bytes.split(separator: 0x0a)
        #expect(lines.count == column.length && column.length == 4)
        for (row, line) in lines.enumerated() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            #expect(object["s"] as? String == column.string(at: row))
            #expect(Array(column.bytes(at: row)) != Array(stream.batches[0].columns[0].bytes(at: row)))
        }
    }

    /// Every prefix of a real object, and the object with each byte flipped, decodes or fails
    /// with an error: never a crash.
    @Test(.requires(.sharedData)) func damagedInputNeverCrashes() throws {
        let stream = try JSONLinesCLIPayloadSharedDataTests.stream("007-insert-harness_items.arrow")
        let bytes = try Self.encode(stream)
        var failures = 0
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            for variant in [Array(bytes[..<cut]), { var b = bytes; b[cut] ^= 0x22; return b }()] {
                do {
                    try variant.withUnsafeBytes { raw in
                        try JSONLinesObjectDecoder().decode(raw, schema: stream.schema, maxRows: 1) { _ in }
                    }
                } catch is ObjectDecodingError {
                    failures += 1
                }
            }
        }
        #expect(failures > 0)
    }
}
