@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// pyarrow's CSV reader parses what we write, and the values it reads equal what pyarrow
/// decodes from the same Arrow input: quoting (line breaks, quotes, leading spaces inside
/// fields) round-trips through an independent reader, `%g` floats, RFC 3339 timestamps and
/// dates parse back to the same values, nested cells are valid JSON of the same values.
@Suite(.requires(.python)) struct CSVPythonReadBackTests {
    static let cases: [(name: String, delimiter: Character)] = [
        ("texts", ","), ("texts", "\t"), ("integers", ","), ("float64", ","), ("float32", ";"), ("dates", ","),
        ("timestamps", ","), ("durations", ","), ("nested", ","), ("extensions", ","), ("decimals", "|"), ("multi", ","),
    ]

    @Test func pyarrowReadsBackEveryValue() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("csv-readback-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var arguments: [String] = []
        for (index, (name, delimiter)) in Self.cases.enumerated() {
            let input = try CSVInputs.directory.get().appendingPathComponent("\(name).arrow")
            let stream = try ArrowIPC.readStream([UInt8](try Data(contentsOf: input)))
            let csv = directory.appendingPathComponent("\(index)-\(name).csv")
            try Data(CSVEncoding.encode(stream, delimiter: delimiter).bytes).write(to: csv)
            arguments += [input.path, csv.path, String(delimiter)]
        }
        let (_, output) = try JSONLinesTestEnvironment.runPython(Self.script, arguments: arguments, in: directory)
        let checked = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(checked > 250, "python checked \(checked) values")
    }

    static let script = #"""
    # argv: (arrow input, our csv, delimiter) triples. Reads each CSV with pyarrow.csv, typed
    # from the Arrow schema where pyarrow's CSV reader can parse the type, as strings otherwise,
    # and compares every value with pyarrow's own decoding of the Arrow input. (A null in a
    # one-column table is an empty line, as in Go, so empty lines must not be skipped.)
    import datetime, decimal, ipaddress, json, math, sys, uuid
    import pyarrow as pa, pyarrow.csv as pc, pyarrow.ipc as ipc

    checked = 0
    args = sys.argv[1:]
    for k in range(0, len(args), 3):
        arrow_path, csv_path, delimiter = args[k:k + 3]
        table = ipc.open_stream(open(arrow_path, "rb").read()).read_all()
        types = {}
        for f in table.schema:
            t = f.type
            if (pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_boolean(t) or pa.types.is_date32(t)
                    or pa.types.is_timestamp(t)):
                types[f.name] = pa.timestamp("ns", "UTC") if pa.types.is_timestamp(t) else t
            elif pa.types.is_date64(t):
                types[f.name] = pa.date32()
            else:
                types[f.name] = pa.string()
        got = pc.read_csv(csv_path,
                          parse_options=pc.ParseOptions(delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False),
                          convert_options=pc.ConvertOptions(column_types=types, null_values=[""], strings_can_be_null=False,
                                                            quoted_strings_can_be_null=False))
        assert got.num_rows == table.num_rows and got.column_names == table.column_names, (csv_path, got.column_names)
        for f in table.schema:
            want_values, got_values = table.column(f.name).to_pylist(), got.column(f.name).to_pylist()
            if pa.types.is_date64(f.type):
                want_values = table.column(f.name).cast(pa.int64()).to_pylist()  # the milliseconds
            if pa.types.is_duration(f.type):  # the raw count (pandas turns INT64_MIN ns into NaT)
                want_values = table.column(f.name).cast(pa.int64()).to_pylist()
            if pa.types.is_timestamp(f.type):  # compare instants in nanoseconds
                want_values = table.column(f.name).cast(pa.timestamp("ns", f.type.tz)).cast(pa.int64()).to_pylist()
                got_values = got.column(f.name).cast(pa.int64()).to_pylist()
            ext = (f.metadata or {}).get(b"ARROW:extension:name")
            for row, (want, value) in enumerate(zip(want_values, got_values)):
                checked += 1
                where = f"{csv_path} column {f.name} row {row}"
                t = f.type
                if want is None:
                    assert value in (None, ""), (where, value)
                elif ext == b"uuid":
                    assert value == str(uuid.UUID(bytes=want)), (where, value)
                elif ext == b"json":
                    assert value == want.decode(), (where, value)
                elif ext == b"mac":
                    assert value == ":".join(f"{b:02x}" for b in (want or bytes(6))), (where, value)
                elif ext == b"inet":
                    assert value == ipaddress.ip_interface(want.decode()).with_prefixlen, (where, value)
                elif pa.types.is_date64(t):
                    # Go divides the milliseconds by a day truncating toward zero (pyarrow floors).
                    days = abs(want) // 86400000 * (1 if want >= 0 else -1)
                    assert value == datetime.date(1970, 1, 1) + datetime.timedelta(days=days), (where, value)
                elif pa.types.is_decimal(t):
                    assert decimal.Decimal(value) == want, (where, value, want)
                elif pa.types.is_floating(t):
                    assert (math.isnan(want) and math.isnan(value)) or value == want, (where, value, want)
                elif pa.types.is_duration(t):
                    assert value == f"{want}{t.unit}", (where, value)
                elif pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t):
                    items = json.loads(value)
                    assert len(items) == len(want), (where, value)
                    for a, b in zip(items, want):
                        if isinstance(b, datetime.datetime):
                            assert a == b.strftime("%Y-%m-%dT%H:%M:%SZ"), (where, a)
                        else:
                            assert a == b, (where, a, b)
                elif pa.types.is_map(t):
                    assert [(e["key"], e["value"]) for e in json.loads(value)] == list(want), (where, value)
                elif pa.types.is_struct(t):
                    obj = json.loads(value)
                    assert set(obj) == set(want), (where, value)
                    for key, b in want.items():
                        if isinstance(b, datetime.timedelta):
                            assert obj[key] == f"{int(b.total_seconds())}s", (where, obj[key])
                        elif isinstance(b, datetime.time):
                            assert obj[key] in (b.isoformat(), b.isoformat().rstrip("0").rstrip(".")), (where, obj[key])
                        else:
                            assert obj[key] == b, (where, obj[key], b)
                else:
                    assert value == want, (where, value, want)
    print(checked)
    """#
}
