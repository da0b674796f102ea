@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// Reads our JSON Lines back with Python's `json` module and checks every value against what
/// pyarrow decodes from the same Arrow stream (an independent reader of both formats).
@Suite(.requires(.python, .sharedData)) struct JSONLinesPythonReadBackTests {
    static let inputCases = [
        "strings", "integers", "float64", "float32", "dates", "times", "timestamps", "durations", "decimals",
        "binaries", "extensions", "extension_lists", "nested", "key_order", "multi",
    ]
    static let cliPayloads = [
        "007-insert-harness_items", "008-insert-harness_items_children", "009-insert-harness_items",
        "011-insert-harness_items",
    ]

    @Test func pythonReadsBackEveryValue() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jsonl-readback-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let inputs = try JSONLinesInputs.directory.get()
        let cli = try JSONLinesTestEnvironment.sharedDirectory().appendingPathComponent("testdata/cli-6.21.1")
        let sources = Self.inputCases.map { (inputs, $0) } + Self.cliPayloads.map { (cli, $0) }
        for (folder, name) in sources {
            let bytes = try Data(contentsOf: folder.appendingPathComponent("\(name).arrow"))
            try bytes.write(to: directory.appendingPathComponent("\(name).arrow"))
            let stream = try ArrowIPC.readStream([UInt8](bytes))
            try Data(JSONLinesEncoding.encode(stream).bytes).write(to: directory.appendingPathComponent("\(name).jsonl"))
        }
        let (_, output) = try JSONLinesTestEnvironment.runPython(
            Self.script, arguments: sources.map(\.1), in: directory)
        let checked = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(checked > 500, "python checked \(checked) values")
    }

    static let script = #"""
    # Reads <name>.arrow with pyarrow and <name>.jsonl (our encoder's output) with Python's json
    # module, and checks every value against what pyarrow decoded. Exits non-zero on a mismatch.
    import base64, decimal, json, math, re, sys, uuid
    import numpy as np
    import pyarrow as pa
    import pyarrow.ipc as ipc

    UNIT_NS = {"s": 10**9, "ms": 10**6, "us": 10**3, "ns": 1}
    checked = 0

    def fail(path, got, detail):
        raise AssertionError(f"{path}: {detail}; encoder wrote {got!r}")

    def civil(days):
        return str(np.datetime64(days, "D"))  # proleptic Gregorian, any year

    def instant_ns(text):
        m = re.fullmatch(r"(-?\d{4,}-\d\d-\d\d)T(\d\d:\d\d:\d\d(?:\.\d+)?)(Z|[+-]\d\d:\d\d)", text)
        if not m: raise AssertionError(f"not RFC 3339: {text!r}")
        days = int(np.datetime64(m.group(1), "D").astype(np.int64))
        offset = 0 if m.group(3) == "Z" else (1 if m.group(3)[0] == "+" else -1) * (int(m.group(3)[1:3]) * 60 + int(m.group(3)[4:6])) * 60
        return days * 86400 * 10**9 + clock_ns(m.group(2)) - offset * 10**9

    def clock_ns(text):
        hms, _, frac = text.partition(".")
        h, m, s = (int(x) for x in hms.split(":"))
        return ((h * 60 + m) * 60 + s) * 10**9 + (int(frac.ljust(9, "0")) if frac else 0)

    def compare(field, s, got, path):
        global checked
        checked += 1
        t = field.type
        if not s.is_valid:
            if got is not None: fail(path, got, "expected null")
            return
        ext = (field.metadata or {}).get(b"ARROW:extension:name")
        if ext == b"uuid":
            ok = got == str(uuid.UUID(bytes=s.as_py()))
        elif ext == b"json":
            ok = got == json.loads(s.as_py())
        elif ext == b"inet":
            ok = got == s.as_py().decode()
        elif ext == b"mac":
            ok = got == ":".join(f"{b:02x}" for b in s.as_py())
        elif pa.types.is_boolean(t):
            ok = got is s.as_py()
        elif pa.types.is_integer(t):
            ok = type(got) is int and got == s.as_py()
        elif pa.types.is_floating(t):
            v = s.as_py()
            if math.isnan(v): ok = got == "NaN"
            elif math.isinf(v): ok = got == ("+Inf" if v > 0 else "-Inf")
            elif pa.types.is_float32(t): ok = isinstance(got, (int, float)) and np.float32(got) == np.float32(v)
            else: ok = isinstance(got, (int, float)) and float(got) == v
        elif pa.types.is_string(t) or pa.types.is_large_string(t):
            ok = got == s.as_py()
        elif pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_fixed_size_binary(t):
            ok = got == base64.b64encode(s.as_py()).decode()
        elif pa.types.is_date32(t):
            ok = got == civil(s.cast(pa.int32()).as_py())
        elif pa.types.is_date64(t):
            days = int(s.cast(pa.int64()).as_py() / 86400000)  # Go truncates toward zero
            ok = got == civil(days)
        elif pa.types.is_timestamp(t):
            raw = s.cast(pa.int64()).as_py()
            ok = instant_ns(got) == raw * UNIT_NS[t.unit]
            if t.tz in (None, "UTC"): ok = ok and got.endswith("Z")
        elif pa.types.is_time32(t) or pa.types.is_time64(t):
            raw = s.cast(pa.int32() if pa.types.is_time32(t) else pa.int64()).as_py()
            ok = clock_ns(got) == (raw * UNIT_NS[t.unit]) % (86400 * 10**9)
        elif pa.types.is_duration(t):
            ok = got == f"{s.cast(pa.int64()).as_py()}{t.unit}"
        elif pa.types.is_decimal(t):
            ok = decimal.Decimal(got) == s.as_py()
        elif t == pa.month_day_nano_interval():
            v = s.as_py()
            ok = got == {"months": v.months, "days": v.days, "nanoseconds": v.nanoseconds}
        elif pa.types.is_map(t):
            entries = s.values
            if not isinstance(got, list) or len(got) != len(entries): fail(path, got, "expected a list of entries")
            for j, entry in enumerate(got):
                if set(entry) != {"key", "value"}: fail(path, got, "entries need key and value")
                compare(t.key_field, entries[j]["key"], entry["key"], f"{path}[{j}].key")
                compare(t.item_field, entries[j]["value"], entry["value"], f"{path}[{j}].value")
            return
        elif pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t):
            values = s.values
            if not isinstance(got, list) or len(got) != len(values): fail(path, got, f"expected {len(values)} elements")
            for j in range(len(values)):
                compare(t.value_field, values[j], got[j], f"{path}[{j}]")
            return
        elif pa.types.is_struct(t):
            names = [t.field(k).name for k in range(t.num_fields)]
            if not isinstance(got, dict) or set(got) != set(names): fail(path, got, f"expected members {names}")
            for k in range(t.num_fields):
                compare(t.field(k), s[k], got[names[k]], f"{path}.{names[k]}")
            return
        else:
            fail(path, got, f"no check for type {t}")
        if not ok:
            fail(path, got, f"pyarrow value {s.as_py()!r} of type {t}")

    for name in sys.argv[1:]:
        table = ipc.open_stream(open(f"{name}.arrow", "rb").read()).read_all()
        with open(f"{name}.jsonl", encoding="utf-8") as lines:
            rows = [json.loads(line) for line in lines]
        assert len(rows) == table.num_rows, f"{name}: {len(rows)} lines for {table.num_rows} rows"
        for r, row in enumerate(rows):
            assert set(row) == set(table.schema.names), f"{name} row {r}: keys {sorted(row)}"
        for field, column in zip(table.schema, table.columns):
            column = column.combine_chunks()
            for r in range(len(column)):
                compare(field, column[r], rows[r][field.name], f"{name} row {r} {field.name}")
    print(checked)
    """#
}
