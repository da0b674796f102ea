@testable import Arrow
import Foundation
import Testing
import TestSupport

/// Arrow streams for the JSON Lines value tests, written by pyarrow (one `<case>.arrow` per
/// case) once per test run.
enum JSONLinesInputs {
    static let directory: Result<URL, Error> = Result {
        try JSONLinesTestEnvironment.runPython(script, arguments: ["."]).0
    }

    static func stream(_ name: String) throws -> ArrowStream {
        let url = try directory.get().appendingPathComponent("\(name).arrow")
        return try ArrowIPC.readStream([UInt8](try Data(contentsOf: url)))
    }

    static let script = #"""
    # Writes one Arrow IPC stream per encoder test case (<case>.arrow) into the given directory.
    import ctypes, decimal, io, struct, sys
    import pyarrow as pa
    import pyarrow.ipc as ipc

    out = sys.argv[1] if len(sys.argv) > 1 else "."
    D = decimal.Decimal

    def write(name, *batches):
        sink = io.BytesIO()
        w = ipc.new_stream(sink, batches[0].schema)
        for b in batches: w.write_batch(b)
        w.close()
        open(f"{out}/{name}.arrow", "wb").write(sink.getvalue())

    def batch(**columns):
        return pa.RecordBatch.from_arrays(list(columns.values()), names=list(columns.keys()))

    def ext(name, arr, **extra):
        meta = {"ARROW:extension:name": name, "ARROW:extension:metadata": name + "-serialized"}
        return pa.field(name + "_col", arr.type, metadata=meta), arr

    write("strings", batch(s=pa.array([
        '<a href="x">&amp;</a>', "\x00\x01\x08\t\n\x0c\r\x1f\x7f", "\u2028x\u2029", "héllo 日本 🎉", 'a"b\\c', None, ""], pa.utf8()),
        n=pa.array(list(range(7)), pa.int64())))
    write("invalid_utf8", batch(s=pa.array([b"a\xffb\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80z", b"\xc0\xaf"], pa.binary()).view(pa.utf8())))
    write("key_order", batch(**{"b": pa.array([1]), "a": pa.array([2]), "a b": pa.array([3]), "A": pa.array([4]),
                                "_x": pa.array([5]), "ä": pa.array([6])}))
    write("duplicate_names", pa.RecordBatch.from_arrays([pa.array([1]), pa.array([2]), pa.array([3])], names=["x", "y", "x"]))
    write("integers", batch(i8=pa.array([-128, 127], pa.int8()), u8=pa.array([0, 255], pa.uint8()),
                            i16=pa.array([-32768, 32767], pa.int16()), u16=pa.array([0, 65535], pa.uint16()),
                            i32=pa.array([-2**31, 2**31 - 1], pa.int32()), u32=pa.array([0, 2**32 - 1], pa.uint32()),
                            i64=pa.array([-2**63, 2**63 - 1], pa.int64()), u64=pa.array([2**53 + 1, 2**64 - 1], pa.uint64())))
    f64 = [0.1, 1e21, 1e20, 1e-6, 1e-7, 123456789.125, -0.0, float("nan"), float("inf"), float("-inf"), 5e-324,
           1.7976931348623157e308, 100.0, 1.5e300, None]
    write("float64", batch(f=pa.array(f64, pa.float64())))
    write("float32", batch(f=pa.array([0.1, 1e-7, 16777216.0, 3.4028234663852886e38, float("nan"), 2.5, -1e-10], pa.float32())))
    write("float16", batch(f=pa.array([0x3E00, 0x7BFF, 0x0001, 0x8000], pa.uint16()).view(pa.float16())))
    write("float16_nan", batch(f=pa.array([0x3C00, 0x7E00], pa.uint16()).view(pa.float16())))
    def half(bits): return pa.array(bits, pa.uint16()).view(pa.float16())
    write("float16_list_nan", batch(l=pa.ListArray.from_arrays(pa.array([0, 4], pa.int32()), half([0x7E00, 0x7C00, 0xFC00, 0x3C00]))))
    write("dates", batch(d32=pa.array([0, -1, 19723, -719162, -719163, 2932896, 2932897], pa.date32()),
                         d64=pa.array([0, -1, -86400000, -86400001, 1704067200000, 86399999, 1], pa.date64())))
    write("times", batch(s=pa.array([0, 86399, 3600, 59], pa.time32("s")), ms=pa.array([1, 1500, 86399999, 0], pa.time32("ms")),
                         us=pa.array([123456, 1000000, 0, 1], pa.time64("us")), ns=pa.array([1, 123456789, 0, 86399999999999], pa.time64("ns"))))
    write("timestamps", batch(
        s=pa.array([0, -1, 1700000000, -62135596800], pa.timestamp("s")),
        ms=pa.array([1, -1, 0, 253402300799999], pa.timestamp("ms", "UTC")),
        us=pa.array([1704251045123456, 1704251045120000, 1704251045000000, -1], pa.timestamp("us", "UTC")),
        ns=pa.array([0, 1, 999999999, 1000000000], pa.timestamp("ns", "+05:30")),
        ny=pa.array([1700000000, 1690000000, 0, None], pa.timestamp("s", "America/New_York")),
        neg=pa.array([0, 0, 0, 0], pa.timestamp("s", "-07:00"))))
    write("timestamp_bad_zone", batch(t=pa.array([None, 5], pa.timestamp("s", "Mars/Olympus_Mons"))))
    write("durations", batch(s=pa.array([-5, 0], pa.duration("s")), ms=pa.array([1000, None], pa.duration("ms")),
                             us=pa.array([1, 2], pa.duration("us")), ns=pa.array([7, -9223372036854775808], pa.duration("ns"))))
    write("decimals", batch(
        d10_2=pa.array([D("1.01"), D("1.10"), D("100.00"), D("0"), D("-0.01"), D("12345678.90"), D("99999999.99")], pa.decimal128(10, 2)),
        d38_10=pa.array([D("742165505.7704392704"), D("0.0000000001"), D("1E+20"), D("-1.5"), D("0.1234567891"),
                         D("9999999999999999999999999999.9999999999"), D("-9999999999999999999999999999.9999999999")], pa.decimal128(38, 10)),
        d10_8=pa.array([D("0.00001"), D("0.0001"), D("12.5"), D("0.00000001"), D("-0.00001234"), D("1"), D("10")], pa.decimal128(10, 8)),
        d256=pa.array([D("12.34"), D("-0.05"), D("0"), D("123456789012345678.99"), D("1"), D("2"), D("3")], pa.decimal256(20, 2))))
    def unscaled(t, values):
        raw = b"".join(v.to_bytes(16, "little", signed=True) for v in values)
        return pa.Array.from_buffers(t, len(values), [None, pa.py_buffer(raw)])
    write("negative_scale", batch(d=unscaled(pa.decimal128(4, -2), [12, 10, 0]), e=unscaled(pa.decimal128(2, -2), [12, 5, -10])))
    write("binaries", batch(b=pa.array([b"", b"\x01\x00\xff", b"ab", None], pa.binary()),
                            lb=pa.array([b"abcd", b"a", b"\xfb\xff", b"xyz"], pa.large_binary()),
                            fb=pa.array([b"hi", b"\x00\x00", None, b"zz"], pa.binary(2)),
                            t=pa.array([True, False, None, True], pa.bool_()), n=pa.nulls(4)))
    uuid_f, uuid_a = ext("uuid", pa.array([bytes(range(16)), None, bytes([255] * 16)], pa.binary(16)))
    json_f, json_a = ext("json", pa.array([b' {"b" : [1, 2.50, "x<y\\u0041"], "a":null} ', b"42", b'"s&"'], pa.binary()))
    inet_f, inet_a = ext("inet", pa.array([b"10.0.0.1/8", b"2001:db8::2/128", None], pa.binary()))
    mac_f, mac_a = ext("mac", pa.array([b"\x00\x1a\x2b\x3c\x4d\x5e", b"", b"\xff" * 8], pa.binary()))
    ext_schema = pa.schema([uuid_f, json_f, inet_f, mac_f])
    write("extensions", pa.RecordBatch.from_arrays([uuid_a, json_a, inet_a, mac_a], schema=ext_schema))
    def ext_list(name, storage_type, values):
        item = pa.field("item", storage_type, metadata={"ARROW:extension:name": name})
        return pa.field(name + "_list", pa.list_(item)), pa.array(values, pa.list_(item))
    lf = [ext_list("uuid", pa.binary(16), [[bytes(range(16)), None]]), ext_list("json", pa.binary(), [[b'{"k": "<&>"}', b"[ 1 ]"]]),
          ext_list("inet", pa.binary(), [[b"1.2.3.4/32"]]), ext_list("mac", pa.binary(), [[b"\x01\x02"]])]
    write("extension_lists", pa.RecordBatch.from_arrays([a for _, a in lf], schema=pa.schema([f for f, _ in lf])))
    for k, bad in enumerate([b"{", b"", b"[1,]", b"tru", b'{"a":1} x', b"01e400", b"'x'"]):
        f, a = ext("json", pa.array([b"1", bad], pa.binary()))
        write(f"bad_json_{k}", pa.RecordBatch.from_arrays([a], schema=pa.schema([f])))
    point = pa.struct([pa.field("b", pa.int32()), pa.field("a", pa.utf8())])
    write("nested", batch(
        li=pa.array([[1, None, 3], [], None], pa.list_(pa.int64())),
        ll=pa.array([[0.5], None, [1e21, float("nan")]], pa.large_list(pa.float64())),
        fl=pa.array([[1, 2], None, [3, None]], pa.list_(pa.int32(), 2)),
        st=pa.array([{"b": 1, "a": "x<y"}, None, {"b": None, "a": None}], point),
        ls=pa.array([[{"b": 1, "a": "<&>"}], [None], []], pa.list_(point)),
        mp=pa.array([[("z", 1), ("a", 2)], [], None], pa.map_(pa.utf8(), pa.int64())),
        mps=pa.array([[("k&", "v<")], None, [("x", None)]], pa.map_(pa.utf8(), pa.utf8())),
        lll=pa.array([[[1], [2, 3]], [[]], [None]], pa.list_(pa.list_(pa.int8()))),
        lts=pa.array([[0, None], [], None], pa.list_(pa.timestamp("s", "UTC"))),
        ldec=pa.array([[D("1.50")], None, []], pa.list_(pa.decimal128(5, 2))),
        lbin=pa.array([[b"\x01"], [], None], pa.list_(pa.binary())),
        sl=pa.array([{"l": ["<"], "m": [("q", 1.0)]}, None, {"l": None, "m": []}],
                    pa.struct([pa.field("l", pa.list_(pa.utf8())), pa.field("m", pa.map_(pa.utf8(), pa.float64()))]))))
    html_keys = pa.struct([pa.field("a<", pa.int32()), pa.field("a@", pa.int32())])
    write("html_keys", batch(s=pa.array([{"a<": 1, "a@": 2}], html_keys), l=pa.array([[{"a<": 1, "a@": 2}]], pa.list_(html_keys))))
    nan_struct = pa.StructArray.from_arrays([half([0x7E00])], names=["h"])
    write("float16_struct_nan", batch(s=nan_struct))
    write("float16_list_struct_nan", batch(l=pa.ListArray.from_arrays(pa.array([0, 1], pa.int32()), nan_struct)))
    rows = [batch(id=pa.array([i * 10 + k for k in range(n)], pa.int64()), s=pa.array([f"r{i}.{k}" for k in range(n)], pa.utf8()))
            for i, n in enumerate([2, 0, 3])]
    write("multi", *rows)
    write("empty", rows[1])

    # Month and day-time intervals: pyarrow cannot build them; splice an interval schema onto
    # a batch of same-layout integer storage.
    \#(PyArrowIntervals.python)
    def dt(days, ms): return struct.unpack('<q', struct.pack('<ii', days, ms))[0]
    iv_schema = pa.schema([pa.field("m", c_type("tiM")), pa.field("dt", c_type("tiD")), pa.field("mdn", pa.month_day_nano_interval())])
    s1 = io.BytesIO(); w = ipc.new_stream(s1, iv_schema); w.close()
    storage = batch(m=pa.array([1, -30], pa.int32()), dt=pa.array([dt(1, 2), dt(-5, -4)], pa.int64()),
                    mdn=pa.array([pa.MonthDayNano([1, 2, 3]), pa.MonthDayNano([-1, 0, -9223372036854775808])], pa.month_day_nano_interval()))
    s2 = io.BytesIO(); w = ipc.new_stream(s2, storage.schema); w.write_batch(storage); w.close()
    open(f"{out}/intervals.arrow", "wb").write(messages(s1.getvalue())[0] + messages(s2.getvalue())[1] + b"\xff\xff\xff\xff\x00\x00\x00\x00")
    """#
}
