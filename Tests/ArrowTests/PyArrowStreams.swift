@testable import Arrow
import Foundation
import Testing
import TestSupport

/// Streams written by pyarrow for every supported type (with nulls, nesting, slices, several
/// batches), plus the values pyarrow reads back, dumped as JSON by the same script.
enum PyArrowStreams {
    /// The generated files, made once per test run.
    static let directory: Result<URL, Error> = Result { try TestEnvironment.runPython(script, arguments: ["."]) }

    static func stream(_ name: String) throws -> ArrowStream {
        try ArrowIPC.readStream(TestEnvironment.bytes(of: directory.get().appendingPathComponent("\(name).arrow")))
    }

    static func expected(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.get().appendingPathComponent("\(name).json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static let script = #"""
    # Writes Arrow IPC streams with pyarrow plus the expected values of every column as JSON.
    # Canonical value forms (what the Swift test reproduces from raw Arrow values):
    #   null -> None; bool -> bool; integers, temporal storage, decimals (unscaled) -> decimal string;
    #   floats -> the unsigned integer of their IEEE bits; binary -> hex; strings -> str;
    #   lists -> list; structs -> dict; maps -> [[key, value], ...]; month_day_nano -> [m, d, ns].
    import ctypes, datetime, decimal, io, json, struct, sys
    import pyarrow as pa
    import pyarrow.ipc as ipc

    out = sys.argv[1] if len(sys.argv) > 1 else "."

    def leaf_storage(t):
        if pa.types.is_date32(t) or pa.types.is_time32(t): return pa.int32()
        if pa.types.is_date64(t) or pa.types.is_time64(t) or pa.types.is_timestamp(t) or pa.types.is_duration(t): return pa.int64()
        if pa.types.is_float16(t): return pa.uint16()
        if pa.types.is_float32(t): return pa.uint32()
        if pa.types.is_float64(t): return pa.uint64()
        return None

    def unscaled(d, scale):
        sign, digits, exponent = d.as_tuple()
        n = int("".join(map(str, digits)) or "0")
        shift = exponent + scale
        n = n * 10 ** shift if shift >= 0 else n // 10 ** (-shift)
        return -n if sign else n

    def dump(arr):
        t = arr.type
        valid = arr.is_valid().to_pylist() if len(arr) else []
        if isinstance(t, pa.ExtensionType):
            return dump(arr.storage)
        if pa.types.is_struct(t):
            cols = [dump(child) for child in struct_children(arr)]
            return [None if not valid[i] else {t.field(k).name: cols[k][i] for k in range(t.num_fields)} for i in range(len(arr))]
        if pa.types.is_map(t):
            offs = arr.offsets.to_pylist(); keys = dump(arr.keys); items = dump(arr.items)
            return [None if not valid[i] else [[keys[j], items[j]] for j in range(offs[i], offs[i + 1])] for i in range(len(arr))]
        if pa.types.is_list(t) or pa.types.is_large_list(t):
            offs = arr.offsets.to_pylist(); vals = dump(arr.values)
            return [None if not valid[i] else vals[offs[i]:offs[i + 1]] for i in range(len(arr))]
        if pa.types.is_fixed_size_list(t):
            n = t.list_size; vals = dump(arr.values); base = arr.offset
            return [None if not valid[i] else vals[(base + i) * n:(base + i + 1) * n] for i in range(len(arr))]
        if pa.types.is_null(t):
            return [None] * len(arr)
        storage = leaf_storage(t)
        if storage is not None:
            return [None if v is None else str(v) for v in arr.view(storage).to_pylist()]
        vals = arr.to_pylist()
        if pa.types.is_decimal(t):
            return [None if v is None else str(unscaled(v, t.scale)) for v in vals]
        if pa.types.is_integer(t):
            return [None if v is None else str(v) for v in vals]
        if pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_fixed_size_binary(t):
            return [None if v is None else v.hex() for v in vals]
        if pa.types.is_interval(t):
            return [None if v is None else [str(v.months), str(v.days), str(v.nanoseconds)] for v in vals]
        return vals

    def struct_children(arr):
        # Children aligned with the (possibly sliced) struct, without merging the parent's nulls.
        return [arr.field(k) if arr.offset == 0 and len(arr.field(k)) == len(arr) else arr.field(k).slice(arr.offset, len(arr))
                for k in range(arr.type.num_fields)]

    def write(name, schema, batches, options=None):
        sink = io.BytesIO()
        w = ipc.new_stream(sink, schema, options=options) if options else ipc.new_stream(sink, schema)
        for b in batches: w.write_batch(b)
        w.close()
        data = sink.getvalue()
        open(f"{out}/{name}.arrow", "wb").write(data)
        back = ipc.open_stream(data)
        read = list(back)
        expected = {"batches": [{"rows": b.num_rows, "bufferBytes": b.get_total_buffer_size(),
                                 "nullCounts": [c.null_count for c in b.columns],
                                 "columns": [dump(c) for c in b.columns]} for b in read],
                    "fields": [f.name for f in schema]}
        json.dump(expected, open(f"{out}/{name}.json", "w"))

    def tz_ts(unit, tz):
        return pa.array([0, None, -1, 1_700_000_000, 86_399, -62_135_596_800 if unit == "s" else 123456789, 1],
                        pa.timestamp(unit, tz=tz))

    N = 7
    def col(values, t): return pa.array(values, t)
    primitives = {
        "null": pa.nulls(N),
        "bool": col([True, False, None, True, True, False, None], pa.bool_()),
        "int8": col([-128, 127, None, 0, -1, 1, 5], pa.int8()),
        "int16": col([-32768, 32767, 0, None, 7, -7, 1], pa.int16()),
        "int32": col([-2**31, 2**31 - 1, None, 0, 1, -1, 42], pa.int32()),
        "int64": col([-2**63, 2**63 - 1, 0, None, 2**53 + 1, -(2**53) - 1, 9], pa.int64()),
        "uint8": col([0, 255, None, 1, 2, 3, 4], pa.uint8()),
        "uint16": col([0, 65535, 1, None, 2, 3, 4], pa.uint16()),
        "uint32": col([0, 2**32 - 1, None, 1, 2, 3, 4], pa.uint32()),
        "uint64": col([0, 2**64 - 1, 2**63, None, 2**53 + 1, 1, 2], pa.uint64()),
        "float32": col([1.5, -0.0, None, float("inf"), float("nan"), 3.4028234663852886e38, 1e-45], pa.float32()),
        "float64": col([0.1, -0.0, None, float("-inf"), float("nan"), 1.7976931348623157e308, 5e-324], pa.float64()),
        "utf8": col(["", "héllo", None, "日本語", "a\"b\\c\n", "\u2028", "x" * 40], pa.utf8()),
        "large_utf8": col(["a", None, "", "ü", "zz", "q", "end"], pa.large_utf8()),
        "binary": col([b"", b"\x00\xff", None, b"abc", b"\x01", b"\x02\x03", b"z" * 20], pa.binary()),
        "large_binary": col([b"\x10", None, b"", b"\xfe\xff", b"k", b"l", b"m"], pa.large_binary()),
        "fixed_size_binary": col([b"abc", b"\x00\x00\x00", None, b"xyz", b"123", b"\xff\xfe\xfd", b"qrs"], pa.binary(3)),
        "date32": col([0, -1, None, 19723, -719162, 2932896, 1], pa.date32()),
        "date64": col([0, -86400000, None, 1704067200000, 86400000, -62135596800000, 1000], pa.date64()),
        "ts_s": tz_ts("s", None), "ts_ms_utc": tz_ts("ms", "UTC"), "ts_us_ny": tz_ts("us", "America/New_York"),
        "ts_ns_offset": tz_ts("ns", "+05:30"),
        "time32_s": col([0, 86399, None, 3600, 1, 59, 60], pa.time32("s")),
        "time32_ms": col([0, 86399999, None, 1, 1000, 500, 12], pa.time32("ms")),
        "time64_us": col([0, 86399999999, None, 1, 123456, 1000000, 7], pa.time64("us")),
        "time64_ns": col([0, 86399999999999, None, 1, 123456789, 1000, 7], pa.time64("ns")),
        "dur_s": col([0, -5, None, 2**62, 1, 2, 3], pa.duration("s")),
        "dur_ms": col([1, None, -1, 0, 1000, 2, 3], pa.duration("ms")),
        "dur_us": col([None, 1, -1, 0, 1000000, 2, 3], pa.duration("us")),
        "dur_ns": col([7, 1, -1, None, 10**18, 2, 3], pa.duration("ns")),
        "mdn": col([pa.MonthDayNano([1, 2, 3]), None, pa.MonthDayNano([-1, -2, -3]), pa.MonthDayNano([0, 0, 2**62]),
                    pa.MonthDayNano([12, 31, 0]), pa.MonthDayNano([0, 0, 0]), pa.MonthDayNano([1, 0, 1])], pa.month_day_nano_interval()),
        "dec_10_2": col([decimal.Decimal("1.01"), decimal.Decimal("-99999999.99"), None, decimal.Decimal("0"),
                         decimal.Decimal("0.10"), decimal.Decimal("12345678.90"), decimal.Decimal("-0.01")], pa.decimal128(10, 2)),
        "dec_38_10": col([decimal.Decimal("9999999999999999999999999999.9999999999"), decimal.Decimal("-1"), None,
                          decimal.Decimal("742165505.7704392704"), decimal.Decimal("0.0000000001"), decimal.Decimal("1E+20"),
                          decimal.Decimal("-9999999999999999999999999999.9999999999")], pa.decimal128(38, 10)),
        "dec256_76_20": col([decimal.Decimal("1.5"), None, decimal.Decimal("-" + "9" * 56 + "." + "9" * 20),
                             decimal.Decimal("9" * 56 + "." + "9" * 20), decimal.Decimal("0"), decimal.Decimal("1E-20"),
                             decimal.Decimal("123456789012345678901234567890.12345678901234567890")], pa.decimal256(76, 20)),
    }
    primitives["float16"] = pa.array([0x3E00, 0x8000, None, 0x7C00, 0x7E00, 0x7BFF, 0x0001], pa.uint16()).view(pa.float16())
    prim_batch = pa.RecordBatch.from_arrays(list(primitives.values()), names=list(primitives.keys()))
    write("primitives", prim_batch.schema, [prim_batch])

    point = pa.struct([pa.field("x", pa.int32()), pa.field("label", pa.utf8()),
                       pa.field("inner", pa.struct([pa.field("flag", pa.bool_())]))])
    nested = {
        "list_int64": pa.array([[1, 2, None], [], None, [3], [4, 5, 6, 7], [None], [8]], pa.list_(pa.int64())),
        "list_utf8": pa.array([["a", "b"], None, [], ["c"], [None, "d"], ["e"], ["f", "g", "h"]], pa.list_(pa.utf8())),
        "large_list_f64": pa.array([[1.5], [], None, [2.5, 3.5], [None], [0.0], [-1.0]], pa.large_list(pa.float64())),
        "fixed_list_i32": pa.array([[1, 2, 3], None, [4, None, 6], [7, 8, 9], [0, 0, 0], [1, 1, 1], [2, 2, 2]], pa.list_(pa.int32(), 3)),
        "struct": pa.array([{"x": 1, "label": "one", "inner": {"flag": True}}, None, {"x": None, "label": None, "inner": None},
                            {"x": 3, "label": "three", "inner": {"flag": False}}, {"x": 4, "label": "", "inner": {"flag": None}},
                            {"x": 5, "label": "five", "inner": {"flag": True}}, {"x": 6, "label": "six", "inner": None}], point),
        "map": pa.array([[("a", 1), ("b", None)], None, [], [("k", 3)], [("x", 4), ("y", 5), ("z", 6)], [("q", 7)], [("r", 8)]],
                        pa.map_(pa.utf8(), pa.int64())),
        "list_struct": pa.array([[{"x": 1, "label": "a", "inner": None}], [], None, [None, {"x": 2, "label": "b", "inner": {"flag": True}}],
                                 [{"x": 3, "label": None, "inner": {"flag": False}}], [], [{"x": 4, "label": "d", "inner": None}]],
                                pa.list_(point)),
        "list_list_i8": pa.array([[[1], [2, 3]], [[]], None, [None, [4]], [[5, 6, 7]], [], [[8]]], pa.list_(pa.list_(pa.int8()))),
        "list_ts": pa.array([[0, 1], None, [], [None], [2], [3], [4]], pa.list_(pa.timestamp("us", "UTC"))),
    }
    nested_batch = pa.RecordBatch.from_arrays(list(nested.values()), names=list(nested.keys()))
    write("nested", nested_batch.schema, [nested_batch])

    # A slice written by pyarrow (it may or may not materialise the offset).
    write("sliced_primitives", prim_batch.schema, [prim_batch.slice(3, 3)])
    write("sliced_nested", nested_batch.schema, [nested_batch.slice(2, 4)])

    multi = [pa.RecordBatch.from_arrays([pa.array(list(range(k * 10, k * 10 + n)), pa.int64()),
                                         pa.array([f"r{k}-{i}" if i % 3 else None for i in range(n)], pa.utf8())], names=["id", "s"])
             for k, n in enumerate([3, 0, 5, 1])]
    write("multi_batch", multi[0].schema, multi)
    write("schema_only", multi[0].schema, [])
    write("legacy_v4", multi[0].schema, multi[:1],
          ipc.IpcWriteOptions(metadata_version=ipc.MetadataVersion.V4, use_legacy_format=True))

    meta_schema = pa.schema([
        pa.field("id", pa.binary(16), nullable=False,
                 metadata={"ARROW:extension:name": "uuid", "ARROW:extension:metadata": "uuid-serialized", "cq:extension:unique": "true"}),
        pa.field("doc", pa.binary(), metadata={"ARROW:extension:name": "json", "ARROW:extension:metadata": "json-serialized"}),
        pa.field("nested", pa.struct([pa.field("addr", pa.binary(), metadata={"ARROW:extension:name": "inet"})])),
    ], metadata={"cq:table_name": "meta_table", "cq:table_title": "Ünïcode ✓", "empty": ""})
    meta_batch = pa.RecordBatch.from_arrays([
        pa.array([bytes(range(16)), bytes(range(16, 32))], pa.binary(16)),
        pa.array([b'{"a":1}', None], pa.binary()),
        pa.array([{"addr": b"10.0.0.1/8"}, None], meta_schema.field("nested").type)], schema=meta_schema)
    write("metadata", meta_schema, [meta_batch])

    # month (YEAR_MONTH) and day-time intervals: pyarrow cannot build these arrays, so splice the
    # schema message of an interval schema onto a batch of same-layout integer storage.
    \#(PyArrowIntervals.python)
    def dt(days, ms): return struct.unpack('<q', struct.pack('<ii', days, ms))[0]
    iv_schema = pa.schema([pa.field("months", c_type("tiM")), pa.field("day_time", c_type("tiD"))])
    s1 = io.BytesIO(); w = ipc.new_stream(s1, iv_schema); w.close()
    storage = pa.RecordBatch.from_arrays([pa.array([1, None, -30, 0], pa.int32()),
        pa.array([dt(1, 2), dt(3, 0), None, dt(-5, -4)], pa.int64())], names=["months", "day_time"])
    s2 = io.BytesIO(); w = ipc.new_stream(s2, storage.schema); w.write_batch(storage); w.close()
    open(f"{out}/intervals.arrow", "wb").write(messages(s1.getvalue())[0] + messages(s2.getvalue())[1] + b"\xff\xff\xff\xff\x00\x00\x00\x00")

    # Streams this reader must refuse, each with the field it should name.
    def one(name, arr):
        b = pa.RecordBatch.from_arrays([pa.array([1, 2], pa.int32()), arr], names=["ok", name])
        write("unsupported_" + name, b.schema, [b])
    one("dict_col", pa.array(["a", "b"]).dictionary_encode())
    one("union_col", pa.UnionArray.from_sparse(pa.array([0, 1], pa.int8()), [pa.array([1, 2]), pa.array(["a", "b"])]))
    one("ree_col", pa.RunEndEncodedArray.from_arrays(pa.array([2], pa.int32()), pa.array(["v"])))
    one("view_col", pa.array(["a", "b"], pa.string_view()))
    one("listview_col", pa.array([[1], [2]], pa.list_view(pa.int32())))
    zb = pa.RecordBatch.from_arrays([pa.array(list(range(100)), pa.int64())], names=["z"])
    write("compressed", zb.schema, [zb], ipc.IpcWriteOptions(compression="zstd"))
    """#
}
