@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// Parity with the Go plugin's own CSV fixture (`CSVGoFixture`): the input table is rebuilt
/// from the fixture's cells with pyarrow (each column typed from its name, as plugin-sdk's
/// `schema.TestTable` names them: `int8`, `uuid`, `timestamp_ms`, `string_int8_list_map`, …),
/// encoded by our CSV encoder, and compared byte for byte. The rebuilt input is independent of
/// the encoder: it parses the values (floats, RFC 3339, base64, JSON) back into Arrow, so
/// every rendering rule and every quoting decision has to reproduce Go's exact text. (The
/// same input encoded as JSON Lines also reproduces the filetypes JSON fixture, which shows
/// the rebuild is faithful.)
@Suite(.requires(.python)) struct CSVGoFixturePythonTests {
    static let input: Result<ArrowStream, Error> = Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("csv-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let fixture = directory.appendingPathComponent("fixture.csv")
        try Data(CSVGoFixture.withHeaders.utf8).write(to: fixture)
        let output = directory.appendingPathComponent("fixture.arrow")
        try JSONLinesTestEnvironment.runPython(
            CSVInputs.pythonPrelude + builder, arguments: [".", fixture.path, output.path], in: directory)
        return try ArrowIPC.readStream([UInt8](try Data(contentsOf: output)))
    }

    @Test func rebuiltInputHasTheTestTableShape() throws {
        let stream = try Self.input.get()
        #expect(stream.schema.fields.count == 231 && stream.rowCount == 2)
        #expect(stream.schema.fields.map(\.name) == CSVGoFixture.header.split(separator: ",").map(String.init))
    }

    @Test func withHeaderMatchesGoByteForByte() throws {
        let ours = try CSVEncoding.encode(Self.input.get()).text
        #expect(ours == CSVGoFixture.withHeaders)
        let a = Array(ours.utf8), b = Array(CSVGoFixture.withHeaders.utf8)
        let common = min(a.count, b.count)
        if let at = (0..<common).first(where: { a[$0] != b[$0] }) ?? (a.count == b.count ? nil : common) {
            // Show where the first difference is, with the field it falls in.
            let line = b[..<at].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).last ?? []
            let field = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).count
            let ourText = String(decoding: a[at..<min(at + 120, a.count)], as: UTF8.self)
            let goText = String(decoding: b[at..<min(at + 120, b.count)], as: UTF8.self)
            Issue.record("first difference at byte \(at) (near field \(field)): ours \(ourText) / go \(goText)")
        }
    }

    /// `skip_header: true` is the fixture without its first line (filetypes
    /// `TestWriteRead-default.csv`).
    @Test func skipHeaderMatchesGo() throws {
        let ours = try CSVEncoding.encode(Self.input.get(), header: false).text
        #expect(ours == CSVGoFixture.row1 + "\n" + CSVGoFixture.row2 + "\n")
    }

    /// A tab delimiter changes only separators and which cells need quotes; Python's csv
    /// module reads the same cells back from both.
    @Test func tabDelimiterHoldsTheSameCells() throws {
        let tab = try CSVEncoding.encode(Self.input.get(), delimiter: "\t").text
        #expect(tab.hasPrefix("id\tint8\tint16\t"))
        let script = """
        import csv, io, json, sys
        comma = list(csv.reader(io.StringIO(open(sys.argv[1], newline="").read())))
        tab = list(csv.reader(io.StringIO(open(sys.argv[2], newline="").read()), delimiter="\\t"))
        assert comma == tab, "cells differ"
        assert len(tab) == 3 and len(tab[0]) == 231, (len(tab), len(tab[0]))
        print(sum(len(r) for r in tab))
        """
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("csv-tab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(CSVGoFixture.withHeaders.utf8).write(to: directory.appendingPathComponent("comma.csv"))
        try Data(tab.utf8).write(to: directory.appendingPathComponent("tab.csv"))
        let (_, output) = try JSONLinesTestEnvironment.runPython(script, arguments: ["comma.csv", "tab.csv"], in: directory)
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "693")
    }

    /// Rebuilds plugin-sdk's TestTable input (2 rows) from the fixture text; argv: output
    /// directory, fixture path, output Arrow path.
    static let builder = #"""
    import base64, csv, datetime, re, uuid as uuidlib
    fixture_path, out_path = sys.argv[2], sys.argv[3]

    UNIT = {"s": 1, "ms": 10**3, "us": 10**6, "ns": 10**9}
    EPOCH = datetime.date(1970, 1, 1)
    def days(text): return (datetime.date.fromisoformat(text) - EPOCH).days
    def clock(text, per_second):
        hms, _, frac = text.partition(".")
        h, m, s = (int(x) for x in hms.split(":"))
        return ((h * 60 + m) * 60 + s) * per_second + (int(frac.ljust(9, "0")) * per_second // 10**9 if frac else 0)
    def instant(text, per_second):
        m = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d(?:\.\d+)?)Z", text)
        return days(m.group(1)) * 86400 * per_second + clock(m.group(2), per_second)
    def compact(value): return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()

    # name -> (arrow type, storage type, from CSV text, from JSON value, extension name)
    def base(name):
        ints = {"id": pa.int64(), "int8": pa.int8(), "int16": pa.int16(), "int32": pa.int32(), "int64": pa.int64(),
                "uint8": pa.uint8(), "uint16": pa.uint16(), "uint32": pa.uint32(), "uint64": pa.uint64()}
        if name in ints: return ints[name], ints[name], int, int, None
        if name in ("float32", "float64"):
            t = pa.float32() if name == "float32" else pa.float64()
            return t, t, float, float, None
        if name in ("binary", "large_binary"):
            t = pa.binary() if name == "binary" else pa.large_binary()
            return t, t, base64.b64decode, base64.b64decode, None
        if name in ("string", "large_string"):
            t = pa.utf8() if name == "string" else pa.large_utf8()
            return t, t, str, str, None
        if name == "boolean": return pa.bool_(), pa.bool_(), lambda t: t == "true", bool, None
        if name == "uuid":
            f = lambda t: uuidlib.UUID(t).bytes
            return pa.binary(16), pa.binary(16), f, f, "uuid"
        if name == "inet": return pa.binary(), pa.binary(), str.encode, str.encode, "inet"
        if name == "mac":
            f = lambda t: bytes.fromhex(t.replace(":", ""))
            return pa.binary(), pa.binary(), f, f, "mac"
        if name == "json": return pa.binary(), pa.binary(), str.encode, compact, "json"
        if name == "date32": return pa.date32(), pa.date32(), days, days, None
        if name == "date64":
            f = lambda t: days(t) * 86400000
            return pa.date64(), pa.date64(), f, f, None
        if name.startswith("duration_"):
            unit = name[len("duration_"):]
            f = lambda t: int(t[:-len(unit)])
            return pa.duration(unit), pa.duration(unit), f, f, None
        if name == "interval_month": return MONTH_INTERVAL, pa.int32(), int, lambda v: v["months"], None
        if name == "interval_day_time":
            f = lambda v: day_time(v["days"], v["milliseconds"])
            return DAY_TIME_INTERVAL, pa.int64(), lambda t: f(json.loads(t)), f, None
        if name == "interval_month_day_nano":
            f = lambda v: pa.MonthDayNano([v["months"], v["days"], v["nanoseconds"]])
            t = pa.month_day_nano_interval()
            return t, t, lambda text: f(json.loads(text)), f, None
        if name.startswith("time32_") or name.startswith("time64_"):
            unit = name[len("time32_"):]
            t = pa.time32(unit) if name.startswith("time32") else pa.time64(unit)
            f = lambda text: clock(text, UNIT[unit])
            return t, t, f, f, None
        if name.startswith("timestamp_"):
            unit = name[len("timestamp_"):]
            t = pa.timestamp(unit, "UTC")
            f = lambda text: instant(text, UNIT[unit])
            return t, t, f, f, None
        if name == "decimal128": return pa.decimal128(19, 10), pa.decimal128(19, 10), D, D, None
        raise KeyError(name)

    def field(name, arrow_type, ext):
        meta = {"ARROW:extension:name": ext, "ARROW:extension:metadata": ext + "-serialized"} if ext else None
        return pa.field(name, arrow_type, metadata=meta)

    STRUCT_MEMBERS = []
    def column(name):
        """(field, storage field, from CSV text, from JSON value)"""
        if name == "struct":
            members = [column(n) for n in STRUCT_MEMBERS]
            real = pa.struct([m[0] for m in members]); storage = pa.struct([m[1] for m in members])
            def from_json(v): return {m[0].name: (None if v[m[0].name] is None else m[3](v[m[0].name])) for m in members}
            return pa.field(name, real), pa.field(name, storage), lambda t: from_json(json.loads(t)), from_json
        if name.endswith("_map"):
            key_name, _, rest = name.partition("_")
            key = pa.utf8() if key_name == "string" else pa.int64()
            value = column(rest[:-len("_map")])
            def from_json(v): return [(e["key"], None if e["value"] is None else value[3](e["value"])) for e in v]
            real = pa.map_(key, pa.field("value", value[0].type, metadata=value[0].metadata))
            storage = pa.map_(key, pa.field("value", value[1].type))
            return pa.field(name, real), pa.field(name, storage), lambda t: from_json(json.loads(t)), from_json
        if name.endswith("_list"):
            item = column(name[:-len("_list")])
            def from_json(v): return [None if x is None else item[3](x) for x in v]
            real = pa.list_(pa.field("item", item[0].type, metadata=item[0].metadata))
            storage = pa.list_(pa.field("item", item[1].type))
            return pa.field(name, real), pa.field(name, storage), lambda t: from_json(json.loads(t)), from_json
        real, storage, from_text, from_json, ext = base(name)
        return field(name, real, ext), pa.field(name, storage), from_text, from_json

    with open(fixture_path, newline="") as f:
        rows = [r for r in csv.reader(f) if r]
    header, rows = rows[0], rows[1:]
    STRUCT_MEMBERS.extend(header[:header.index("struct")])
    columns = [column(n) for n in header]
    arrays = []
    for k, (real_field, storage_field, from_text, _) in enumerate(columns):
        values = [None if r[k] == "" else from_text(r[k]) for r in rows]
        arrays.append(pa.array(values, storage_field.type))
    storage_batch = pa.RecordBatch.from_arrays(arrays, schema=pa.schema([c[1] for c in columns]))
    real_schema = pa.schema([c[0] for c in columns])
    s = io.BytesIO(); w = ipc.new_stream(s, real_schema); w.close()
    open(out_path, "wb").write(messages(s.getvalue())[0] + messages(stream_bytes(storage_batch))[1] + EOS)
    print(len(header), "columns", len(rows), "rows")
    """#
}
