@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// `athena: true` on whole batches: only top-level json columns are rewritten (lists and
/// structs of json, and strings that look like JSON, are untouched, as in Go), in every
/// format, through `AthenaJSONSanitizer.sanitize(_:)` or the `AthenaEncoder` wrapper.
@Suite(.requires(.python)) struct AthenaEncoderPythonTests {
    static let directory: Result<URL, Error> = Result {
        try JSONLinesTestEnvironment.runPython(CSVInputs.pythonPrelude + script, arguments: ["."]).0
    }

    static func batch(_ name: String) throws -> RecordBatch {
        let url = try directory.get().appendingPathComponent("\(name).arrow")
        return try #require(try ArrowIPC.readStream([UInt8](try Data(contentsOf: url))).batches.first)
    }

    static let script = #"""
    jf = ext_field("j", pa.binary(), "json")
    values = [b'{"a.b": 1, "z": [{"c-d": "<&>"}]}', None, b"null", b' "plain" ', b'{"k": {"x y": null}}']
    item = ext_field("item", pa.binary(), "json")
    schema = pa.schema([pa.field("id", pa.int64()), jf, pa.field("s", pa.utf8()), pa.field("lj", pa.list_(item)),
                        pa.field("st", pa.struct([ext_field("j", pa.binary(), "json")]))])
    write("athena", pa.RecordBatch.from_arrays([
        pa.array(range(5), pa.int64()), pa.array(values, pa.binary()), pa.array(['{"a.b":1}'] * 5, pa.utf8()),
        pa.array([[b'{"a.b":1}']] * 5, pa.list_(item)),
        pa.StructArray.from_arrays([pa.array([b'{"a.b":1}'] * 5, pa.binary())], fields=[schema.field("st").type[0]])],
        schema=schema))
    write("athena_invalid", pa.RecordBatch.from_arrays([pa.array([b"{}", b"{'a': 1}"], pa.binary())], schema=pa.schema([jf])))
    write("athena_none", pa.RecordBatch.from_arrays(
        [pa.array([1, 2], pa.int64()), pa.array([b'{"a.b":1}', b"[]"], pa.binary()), pa.array(['{"a.b":1}', "[]"], pa.utf8())],
        schema=pa.schema([pa.field("i", pa.int64()), pa.field("b", pa.binary()), ext_field("js", pa.utf8(), "json")])))
    """#

    static func encode(_ batch: RecordBatch, with encoder: any ObjectEncoder) throws -> String {
        var athena = AthenaEncoder(wrapping: encoder)
        let sink = CSVRecordingSink()
        try athena.begin(into: sink)
        try athena.write(batch, into: sink)
        try athena.finish(into: sink)
        return sink.text
    }

    @Test func onlyTopLevelJSONColumnsChange() throws {
        let batch = try Self.batch("athena")
        let sanitized = try AthenaJSONSanitizer.sanitize(batch)
        let j = sanitized.columns[1]
        #expect(j.length == 5 && j.type == .binary)
        #expect(j.string(at: 0) == #"{"a_b":1,"z":[{"c_d":"<&>"}]}"#)
        #expect(j.isNull(1) && j.isNull(2), "null stays null; the JSON literal null becomes null")
        #expect(j.string(at: 3) == #""plain""#)
        #expect(j.string(at: 4) == #"{"k":{"x_y":null}}"#)
        for index in [0, 2, 3, 4] {
            #expect(sanitized.columns[index] === batch.columns[index], "column \(index) is shared, not rewritten")
        }
        #expect(sanitized.schema.fields[1].extensionName == "json")
    }

    @Test func csvThroughTheAthenaEncoder() throws {
        let text = try Self.encode(Self.batch("athena"), with: CSVEncoder(delimiter: UInt8(ascii: ","), header: true))
        #expect(text == #"""
            id,j,s,lj,st
            0,"{""a_b"":1,""z"":[{""c_d"":""<&>""}]}","{""a.b"":1}","[{""a.b"":1}]","{""j"":{""a.b"":1}}"
            1,,"{""a.b"":1}","[{""a.b"":1}]","{""j"":{""a.b"":1}}"
            2,,"{""a.b"":1}","[{""a.b"":1}]","{""j"":{""a.b"":1}}"
            3,"""plain""","{""a.b"":1}","[{""a.b"":1}]","{""j"":{""a.b"":1}}"
            4,"{""k"":{""x_y"":null}}","{""a.b"":1}","[{""a.b"":1}]","{""j"":{""a.b"":1}}"

            """#)
    }

    @Test func jsonLinesThroughTheAthenaEncoder() throws {
        let text = try Self.encode(Self.batch("athena"), with: JSONLinesEncoder())
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0] == #"{"id":0,"j":{"a_b":1,"z":[{"c_d":"<&>"}]},"lj":[{"a.b":1}],"s":"{\"a.b\":1}","st":{"j":{"a.b":1}}}"#)
        #expect(lines[2] == #"{"id":2,"j":null,"lj":[{"a.b":1}],"s":"{\"a.b\":1}","st":{"j":{"a.b":1}}}"#)
        #expect(lines[3].hasPrefix(#"{"id":3,"j":"plain","#))
    }

    @Test func slicedBatchesAreSanitisedFromTheirOffset() throws {
        let sliced = try Self.batch("athena").slice(offset: 2, length: 3)
        let j = try AthenaJSONSanitizer.sanitize(sliced).columns[1]
        #expect(j.length == 3 && j.isNull(0) && j.string(at: 1) == #""plain""# && j.string(at: 2) == #"{"k":{"x_y":null}}"#)
    }

    @Test func invalidJSONNamesColumnAndRow() throws {
        let error = try #require(throws: ValueRenderingError.self) {
            try AthenaJSONSanitizer.sanitize(Self.batch("athena_invalid"))
        }
        #expect(error.column == "j" && error.row == 1 && error.reason.contains("athena"))
    }

    /// Plain binary is not json, and neither is a json extension name on other storage (Go
    /// compares the whole type with CloudQuery's JSONType).
    @Test func batchesWithoutJSONColumnsPassThrough() throws {
        let batch = try Self.batch("athena_none")
        let result = try AthenaJSONSanitizer.sanitize(batch)
        #expect(zip(result.columns, batch.columns).allSatisfy { $0 === $1 })
    }
}
