@testable import Arrow
import Foundation
import Testing
import TestSupport

/// Arrow streams for the Parquet tests, written by pyarrow once per test run: one
/// `<case>.arrow` per case (plus `<case>.storage.arrow` for month/day-time intervals, whose
/// values pyarrow cannot hand to Python). The expected Parquet contents are derived from the
/// same streams by `ParquetReadBack`, independently of the encoder.
enum ParquetInputs {
    static let directory: Result<URL, Error> = Result {
        let directory = try ParquetTestEnvironment.temporaryDirectory("parquet-inputs")
        try ParquetTestEnvironment.runPython(script, arguments: [directory.path], in: directory)
        return directory
    }

    static func url(_ name: String) throws -> URL {
        try directory.get().appendingPathComponent("\(name).arrow")
    }

    static func stream(_ name: String) throws -> ArrowStream {
        try ArrowIPC.readStream([UInt8](try Data(contentsOf: url(name))))
    }

    /// The storage twin of a case, when it has one.
    static func storageURL(_ name: String) throws -> URL? {
        let url = try directory.get().appendingPathComponent("\(name).storage.arrow")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static let script = #"""
    # Writes the Arrow IPC streams the Parquet encoder tests feed to the encoder: one <case>.arrow
    # per case, written by pyarrow. The expected Parquet contents are derived from these same
    # streams by the read-back script, not stored here.
    import base64, ctypes, decimal, io, struct, sys, uuid
    import pyarrow as pa
    import pyarrow.ipc as ipc

    out = sys.argv[1] if len(sys.argv) > 1 else "."
    D = decimal.Decimal

    def write(name, schema, batches):
        sink = io.BytesIO()
        w = ipc.new_stream(sink, schema)
        for b in batches: w.write_batch(b)
        w.close()
        open(f"{out}/{name}.arrow", "wb").write(sink.getvalue())

    def ext_field(name, ext, typ, nullable=True):
        return pa.field(name, typ, nullable=nullable,
                        metadata={"ARROW:extension:name": ext, "ARROW:extension:metadata": ext + "-serialized"})

    META = {"cq:table_name": "items", "cq:table_title": "Items", "b_key": "2", "a_key": "1", "cq:table_description": "ünïcode"}

    # --- month and day-time intervals: pyarrow cannot build them; splice the schema message of an
    # interval schema onto a batch of same-layout integer storage (as the Arrow reader tests do).
    \#(PyArrowIntervals.python)
    def spliced(name, schema, storage_batches):
        s1 = io.BytesIO(); w = ipc.new_stream(s1, schema); w.close()
        s2 = io.BytesIO(); w = ipc.new_stream(s2, storage_batches[0].schema)
        for b in storage_batches: w.write_batch(b)
        w.close()
        body = messages(s2.getvalue())[1:]
        # pyarrow cannot hand these arrays to Python; the read-back takes values from the storage twin.
        open(f"{out}/{name}.storage.arrow", "wb").write(s2.getvalue())
        open(f"{out}/{name}.arrow", "wb").write(messages(s1.getvalue())[0] + b"".join(body) + b"\xff\xff\xff\xff\x00\x00\x00\x00")
    def day_time(days, ms): return struct.unpack('<q', struct.pack('<ii', days, ms))[0]

    # --- every primitive type, nullable, with edge values
    N = 9
    def col(values, t): return pa.array(values, t)
    prim = {
        "bool": col([True, False, None, True, False, True, None, False, True], pa.bool_()),
        "int8": col([-128, 127, None, 0, -1, 1, 5, 5, 5], pa.int8()),
        "int16": col([-32768, 32767, 0, None, 7, -7, 1, 1, 2], pa.int16()),
        "int32": col([-2**31, 2**31 - 1, None, 0, 1, -1, 42, 42, 42], pa.int32()),
        "int64": col([-2**63, 2**63 - 1, 0, None, 2**53 + 1, -(2**53) - 1, 9, 9, 9], pa.int64()),
        "uint8": col([0, 255, None, 1, 2, 3, 4, 200, 128], pa.uint8()),
        "uint16": col([0, 65535, 1, None, 2, 3, 4, 40000, 32768], pa.uint16()),
        "uint32": col([0, 2**32 - 1, None, 1, 2, 3, 4, 2**31, 2**31 + 5], pa.uint32()),
        "uint64": col([0, 2**64 - 1, 2**63, None, 2**53 + 1, 1, 2, 3, 2**63 + 7], pa.uint64()),
        "float32": col([1.5, -0.0, None, float("inf"), float("nan"), 3.4028234663852886e38, 1e-45, 0.0, -2.5], pa.float32()),
        "float64": col([0.1, -0.0, None, float("-inf"), float("nan"), 1.7976931348623157e308, 5e-324, 0.0, 1e21], pa.float64()),
        "utf8": col(["", "héllo", None, "日本語", "a\"b\\c\n", "\u2028", "x" * 40, "héllo", "zz"], pa.utf8()),
        "large_utf8": col(["a", None, "", "ü", "zz", "q", "end", "a", "\U0001F389"], pa.large_utf8()),
        "binary": col([b"", b"\x00\xff", None, b"abc", b"\x01", b"\x02\x03", b"z" * 20, b"\xff", b"\x00"], pa.binary()),
        "large_binary": col([b"\x10", None, b"", b"\xfe\xff", b"k", b"lm", b"mno", b"\x00\x00", b"abcd"], pa.large_binary()),
        "fixed_size_binary": col([b"abc", b"\x00\x00\x00", None, b"xyz", b"123", b"\xff\xfe\xfd", b"qrs", b"abc", b"\x80\x00\x01"], pa.binary(3)),
        "date32": col([0, -1, None, 19723, -719162, 2932896, 1, 1, 0], pa.date32()),
        "date64": col([0, -86400000, None, 1704067200000, 86400000, -62135596800000, 1000, -1, -86400001], pa.date64()),
        "time32_s": col([0, 86399, None, 3600, 1, 59, 60, 60, 0], pa.time32("s")),
        "time32_ms": col([0, 86399999, None, 1, 1000, 500, 12, 12, 7], pa.time32("ms")),
        "time64_us": col([0, 86399999999, None, 1, 123456, 1000000, 7, 7, 8], pa.time64("us")),
        "time64_ns": col([0, 86399999999999, None, 1, 123456789, 1000, 7, 1999, 5], pa.time64("ns")),
        "float16": pa.array([0x3E00, 0x8000, None, 0x7C00, 0x7E00, 0x7BFF, 0x0001, 0x0000, 0xC000], pa.uint16()).view(pa.float16()),
        "dec_10_2": col([D("1.01"), D("-99999999.99"), None, D("0"), D("0.10"), D("12345678.90"), D("-0.01"), D("1.01"), D("5")], pa.decimal128(10, 2)),
        "dec_38_10": col([D("9999999999999999999999999999.9999999999"), D("-1"), None, D("742165505.7704392704"),
                          D("0.0000000001"), D("1E+20"), D("-9999999999999999999999999999.9999999999"), D("0"), D("-1")], pa.decimal128(38, 10)),
        "dec_5_0": col([D("99999"), D("-99999"), None, D("0"), D("1"), D("-1"), D("128"), D("-129"), D("255")], pa.decimal128(5, 0)),
        "dec256_76_20": col([D("1.5"), None, D("-" + "9" * 56 + "." + "9" * 20), D("9" * 56 + "." + "9" * 20), D("0"),
                             D("1E-20"), D("123456789012345678901234567890.12345678901234567890"), D("-1.5"), D("2")], pa.decimal256(76, 20)),
        "dec256_20_3": col([D("1.500"), None, D("-12345678901234567.890"), D("0"), D("1"), D("2"), D("3"), D("4"), D("5")], pa.decimal256(20, 3)),
        "null": pa.nulls(N),
    }
    prim_schema = pa.schema([pa.field(k, v.type) for k, v in prim.items()], metadata=META)
    prim_batch = pa.RecordBatch.from_arrays(list(prim.values()), schema=prim_schema)
    write("primitives", prim_schema, [prim_batch.slice(0, 4), prim_batch.slice(4)])

    # --- the same without nulls, declared non-nullable (Parquet `required`)
    def no_nulls(arr):
        vals = arr.to_pylist()
        fill = next(v for v in vals if v is not None)
        return pa.array([fill if v is None else v for v in vals], arr.type)
    req = {k: no_nulls(v) for k, v in prim.items() if k not in ("null", "float16")}
    req["float16"] = pa.array([0x3E00, 0x8000, 0x1, 0x7C00, 0x7E00, 0x7BFF, 0x0001, 0x0000, 0xC000], pa.uint16()).view(pa.float16())
    req_schema = pa.schema([pa.field(k, v.type, nullable=False) for k, v in req.items()])
    write("required", req_schema, [pa.RecordBatch.from_arrays(list(req.values()), schema=req_schema)])

    # --- timestamps in every unit, with and without a zone; negatives check truncation
    def ts(unit, tz):
        return pa.array([0, None, -1, 1_700_000_000, 86_399, -1001, 1999, 123456789, -123456789], pa.timestamp(unit, tz=tz))
    times = {}
    for unit in ("s", "ms", "us", "ns"):
        times[f"ts_{unit}"] = ts(unit, None)
        times[f"ts_{unit}_utc"] = ts(unit, "UTC")
        times[f"ts_{unit}_ny"] = ts(unit, "America/New_York")
    times["ts_ns_offset"] = ts("ns", "+05:30")
    times_batch = pa.RecordBatch.from_arrays(list(times.values()), names=list(times.keys()))
    write("timestamps", times_batch.schema, [times_batch])

    # --- types the Go plugin turns into strings
    ext_schema = pa.schema([
        ext_field("uuid", "uuid", pa.binary(16)), ext_field("json", "json", pa.binary()),
        ext_field("inet", "inet", pa.binary()), ext_field("mac", "mac", pa.binary()),
        ext_field("uuid_req", "uuid", pa.binary(16), nullable=False),
        pa.field("dur_s", pa.duration("s")), pa.field("dur_ms", pa.duration("ms")),
        pa.field("dur_us", pa.duration("us")), pa.field("dur_ns", pa.duration("ns")),
        pa.field("mdn", pa.month_day_nano_interval()),
    ])
    u = [uuid.UUID("23f9cd26-b422-5bd9-9849-f9b76986c476").bytes, None, bytes(16), bytes(range(16)), b"\xff" * 16]
    ext_batch = pa.RecordBatch.from_arrays([
        pa.array(u, pa.binary(16)),
        pa.array([b'{"test":["a","b",93274]}', b'{ "spaced" : [1, 2] }', None, b'"text"', b'null'], pa.binary()),
        pa.array([b"1.148.253.194/15", None, b"2001:DB8:0::1/64", b"::ffff:1.2.3.4/120", b""], pa.binary()),
        pa.array([b"\x00\x94\xfd\xc2\xfa\x2f", b"\xff\xff\xff\xff\xff\xff", None, b"\x01\x02\x03\x04\x05\x06\x07\x08", b""], pa.binary()),
        pa.array([bytes(range(16))] * 5, pa.binary(16)),
        pa.array([0, -5, None, 2**62, 9793274], pa.duration("s")),
        pa.array([1, None, -1, 0, 9793274], pa.duration("ms")),
        pa.array([None, 1, -1, 0, 9793274], pa.duration("us")),
        pa.array([7, 1, -1, None, 10**18], pa.duration("ns")),
        pa.array([pa.MonthDayNano([1, 2, 3]), None, pa.MonthDayNano([-1, -2, -3]), pa.MonthDayNano([0, 0, 2**62]),
                  pa.MonthDayNano([3274, 3274, 3274])], pa.month_day_nano_interval()),
    ], schema=ext_schema)
    write("strings", ext_schema, [ext_batch])

    iv_schema = pa.schema([pa.field("months", c_type("tiM")), pa.field("day_time", c_type("tiD")),
                           pa.field("months_list", pa.list_(c_type("tiM")))])
    spliced("intervals", iv_schema, [pa.RecordBatch.from_arrays([
        pa.array([1, None, -30, 0, 2147483647], pa.int32()),
        pa.array([day_time(3274, 3274), day_time(3, 0), None, day_time(-5, -4), day_time(0, 86399999)], pa.int64()),
        pa.array([[1, None], None, [], [12], [-1, -2]], pa.list_(pa.int32())),
    ], names=["months", "day_time", "months_list"])])

    # --- nested types
    point = pa.struct([pa.field("x", pa.int32()), pa.field("label", pa.utf8()),
                       pa.field("inner", pa.struct([pa.field("flag", pa.bool_()), pa.field("d", pa.duration("ms"))]))])
    req_point = pa.struct([pa.field("a", pa.int64(), nullable=False), pa.field("b", pa.utf8(), nullable=True)])
    nested = {
        "list_int64": pa.array([[1, 2, None], [], None, [3], [4, 5, 6, 7], [None], [8]], pa.list_(pa.int64())),
        "list_utf8": pa.array([["a", "b"], None, [], ["c"], [None, "d"], ["e"], ["f", "g", "h"]], pa.list_(pa.utf8())),
        "large_list_f64": pa.array([[1.5], [], None, [2.5, 3.5], [None], [0.0], [-1.0]], pa.large_list(pa.float64())),
        "fixed_list_i32": pa.array([[1, 2, 3], None, [4, None, 6], [7, 8, 9], [0, 0, 0], [1, 1, 1], [2, 2, 2]], pa.list_(pa.int32(), 3)),
        "struct": pa.array([{"x": 1, "label": "one", "inner": {"flag": True, "d": 5}}, None, {"x": None, "label": None, "inner": None},
                            {"x": 3, "label": "three", "inner": {"flag": False, "d": None}}, {"x": 4, "label": "", "inner": {"flag": None, "d": -1}},
                            {"x": 5, "label": "five", "inner": {"flag": True, "d": 0}}, {"x": 6, "label": "six", "inner": None}], point),
        "map": pa.array([[("a", 1), ("b", None)], None, [], [("k", 3)], [("x", 4), ("y", 5), ("z", 6)], [("q", 7)], [("r", 8)]],
                        pa.map_(pa.utf8(), pa.int64())),
        "map_large": pa.array([[("a", [1, 2])], [], None, [("k", None), ("l", [])], [("x", [None])], [], [("r", [8])]],
                              pa.map_(pa.large_utf8(), pa.list_(pa.duration("s")))),
        "list_struct": pa.array([[{"x": 1, "label": "a", "inner": None}], [], None, [None, {"x": 2, "label": "b", "inner": {"flag": True, "d": 1}}],
                                 [{"x": 3, "label": None, "inner": {"flag": False, "d": 2}}], [], [{"x": 4, "label": "d", "inner": None}]],
                                pa.list_(point)),
        "list_list_i8": pa.array([[[1], [2, 3]], [[]], None, [None, [4]], [[5, 6, 7]], [], [[8]]], pa.list_(pa.list_(pa.int8()))),
        "list_ts": pa.array([[0, 1], None, [], [None], [2], [3], [-4]], pa.list_(pa.timestamp("ns", "UTC"))),
        "list_large_binary": pa.array([[b"\x00", None], None, [], [b"abc"], [b""], [b"\xff\xfe"], [b"z"]], pa.list_(pa.large_binary())),
        "list_dec": pa.array([[D("1.5"), None], None, [], [D("-2.25")], [D("0")], [D("99.99")], [D("-99.99")]], pa.list_(pa.decimal128(4, 2))),
        "req_struct": pa.array([{"a": 1, "b": "x"}, {"a": 2, "b": None}, {"a": 3, "b": "z"}, {"a": 4, "b": ""},
                                {"a": 5, "b": "e"}, {"a": 6, "b": "f"}, {"a": 7, "b": "g"}], req_point),
        "req_list": pa.array([[1], [], [2, 3], [None], [4], [5], [6]], pa.list_(pa.int16())),
    }
    nested_fields = [pa.field(k, v.type, nullable=k not in ("req_struct", "req_list")) for k, v in nested.items()]
    nested_fields += [ext_field("uuid_list", "uuid", pa.list_(pa.binary(16)))]
    uuid_list = pa.array([[bytes(16), None], None, [], [bytes(range(16))], [b"\x01" * 16], [], [b"\x02" * 16]], pa.list_(pa.binary(16)))
    # The extension marks the list's element: put the metadata on the element field.
    el = pa.field("item", pa.binary(16), metadata={"ARROW:extension:name": "uuid", "ARROW:extension:metadata": "uuid-serialized"})
    nested_fields[-1] = pa.field("uuid_list", pa.list_(el))
    uuid_list = uuid_list.cast(pa.list_(el))
    nested_schema = pa.schema(nested_fields)
    nested_batch = pa.RecordBatch.from_arrays(list(nested.values()) + [uuid_list], schema=nested_schema)
    write("nested", nested_schema, [nested_batch.slice(0, 3), nested_batch.slice(3)])

    # --- a sliced batch (non-zero offsets everywhere), several batches
    sl = pa.RecordBatch.from_arrays([
        pa.array(list(range(40)), pa.int64()).slice(5, 20),
        pa.array([f"s{i}" if i % 3 else None for i in range(40)], pa.utf8()).slice(5, 20),
        pa.array([[i, None] if i % 4 else None for i in range(40)], pa.list_(pa.int32())).slice(5, 20),
        pa.array([{"v": i, "w": str(i)} if i % 5 else None for i in range(40)], pa.struct([("v", pa.int8()), ("w", pa.utf8())])).slice(5, 20),
        pa.array([bool(i % 2) if i % 7 else None for i in range(40)], pa.bool_()).slice(5, 20),
    ], names=["i", "s", "l", "st", "b"])
    write("sliced", sl.schema, [sl, sl.slice(3, 10)])

    # --- zero rows: the full schema, no batches at all / one empty batch
    write("empty", nested_schema, [])
    write("empty_batch", prim_schema, [prim_batch.slice(0, 0)])

    # --- many rows: row groups, dictionary fallback, streaming
    R = 20000
    many = pa.RecordBatch.from_arrays([
        pa.array(range(R), pa.int64()),
        pa.array([f"row-{i:08d}-" + "x" * (i % 17) for i in range(R)], pa.utf8()),
        pa.array([i % 10 if i % 11 else None for i in range(R)], pa.int32()),
        pa.array([float(i) / 7 for i in range(R)], pa.float64()),
        pa.array([[i, i + 1] if i % 3 else [] for i in range(R)], pa.list_(pa.int64())),
        # A few labels in a window that drifts: each page meets some again that earlier pages had.
        pa.array([f"label-{(i // 500 + i % 4) % 12:02d}" for i in range(R)], pa.utf8()),
    ], names=["id", "unique_text", "low_card", "ratio", "pairs", "drifting_label"])
    write("many", many.schema, [many.slice(k, 2500) for k in range(0, R, 2500)])

    # --- a dictionary that outgrows 1 MiB: 40000 distinct 40-byte strings, then repeats
    F = 60000
    fb = pa.RecordBatch.from_arrays([pa.array([f"{i % 40000:040d}" for i in range(F)], pa.utf8()),
                                     pa.array([i % 40000 for i in range(F)], pa.int64())], names=["s", "n"])
    write("fallback", fb.schema, [fb])

    # --- inputs the encoder must refuse
    bad = pa.schema([pa.field("ok", pa.int32()), pa.field("a", pa.int64(), nullable=False),
                     pa.field("s", pa.struct([pa.field("v", pa.utf8(), nullable=False)]))])
    write("bad_required", bad, [pa.RecordBatch.from_arrays([pa.array([1, 2, 3], pa.int32()), pa.array([1, None, 3], pa.int64()),
                                                            pa.array([{"v": "x"}, {"v": "y"}, {"v": "z"}], bad.field("s").type)], schema=bad)])
    bad_nested = pa.schema([pa.field("s", pa.struct([pa.field("v", pa.utf8(), nullable=False)]))])
    write("bad_required_nested", bad_nested, [pa.RecordBatch.from_arrays(
        [pa.array([{"v": "x"}, None, {"v": None}], bad_nested.field("s").type)], schema=bad_nested)])
    es = pa.schema([pa.field("id", pa.int32()), pa.field("empty", pa.struct([]))])
    write("empty_struct", es, [pa.RecordBatch.from_arrays([pa.array([1], pa.int32()), pa.array([{}], pa.struct([]))], schema=es)])

    # --- columns without a single value, and values larger than a page or the dictionary limit
    an = pa.schema([pa.field("s", pa.utf8()), pa.field("i", pa.int64()), pa.field("l", pa.list_(pa.utf8())),
                    pa.field("m", pa.map_(pa.utf8(), pa.int32())), pa.field("d", pa.decimal128(12, 3)), pa.field("b", pa.bool_())])
    write("all_nulls", an, [pa.RecordBatch.from_arrays([pa.nulls(5, t.type) for t in an], schema=an)])
    huge = pa.RecordBatch.from_arrays([pa.array(["h" * (2 << 20), None, "small", "g" * (3 << 20)], pa.utf8()),
                                       pa.array([b"\x01" * (1 << 20), b"", None, b"\x02"], pa.large_binary())], names=["text", "blob"])
    write("huge_values", huge.schema, [huge])
    bi = pa.schema([ext_field("addr", "inet", pa.binary())])
    write("bad_inet", bi, [pa.RecordBatch.from_arrays([pa.array([b"10.0.0.1/8", b"secret-host-name"], pa.binary())], schema=bi)])
    """#
}
