@testable import Arrow
@testable import FileFormats
import Foundation
import Testing
import TestSupport

// Helpers for the CSV, compression and Athena tests. Locating shared/ and the test Python is
// shared with the JSON Lines tests (`JSONLinesTestEnvironment`, same test target).

/// A sink that records each chunk it is handed (and can be told to fail).
final class CSVRecordingSink: ByteSink {
    private(set) var chunks: [[UInt8]] = []
    var failWith: Error?
    var bytes: [UInt8] { chunks.flatMap { $0 } }
    var text: String { String(decoding: bytes, as: UTF8.self) }
    var byteCount: Int { chunks.reduce(0) { $0 + $1.count } }

    func write(_ chunk: UnsafeRawBufferPointer) throws {
        if let failWith { throw failWith }
        chunks.append(Array(chunk))
    }
}

enum CSVEncoding {
    /// Encodes all batches of a stream as one CSV object.
    static func encode(
        _ stream: ArrowStream, delimiter: Character = ",", header: Bool = true, flushThreshold: Int = 256 * 1024
    ) throws -> CSVRecordingSink {
        let sink = CSVRecordingSink()
        var encoder = try CSVEncoder(delimiter: delimiter.asciiValue ?? 0, header: header, flushThreshold: flushThreshold)
        try encoder.begin(into: sink)
        for batch in stream.batches { try encoder.write(batch, into: sink) }
        try encoder.finish(into: sink)
        return sink
    }

    /// The object's lines without their `\n` (fails the test if the object does not end in one).
    static func lines(_ stream: ArrowStream, delimiter: Character = ",", header: Bool = true) throws -> [String] {
        let text = try encode(stream, delimiter: delimiter, header: header).text
        #expect(text.isEmpty || text.hasSuffix("\n"), "a CSV object ends with a line feed")
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}

/// Arrow streams for the CSV tests, written by pyarrow (one `<case>.arrow` per case) once per
/// test run.
enum CSVInputs {
    static let directory: Result<URL, Error> = Result {
        try JSONLinesTestEnvironment.runPython(pythonPrelude + script, arguments: ["."]).0
    }

    static func stream(_ name: String) throws -> ArrowStream {
        let url = try directory.get().appendingPathComponent("\(name).arrow")
        return try ArrowIPC.readStream([UInt8](try Data(contentsOf: url)))
    }

    /// Python helpers shared by the CSV scripts: `write(name, *batches)`, `batch(**columns)`,
    /// `ext(name, type)` (a field type with CloudQuery extension metadata), and `splice`, which
    /// writes a schema pyarrow cannot fill (month and day-time intervals) over a batch of
    /// same-layout storage (int32 months, int64 days+milliseconds).
    static let pythonPrelude = #"""
    import ctypes, decimal, io, json, struct, sys
    import pyarrow as pa
    import pyarrow.ipc as ipc

    out = sys.argv[1] if len(sys.argv) > 1 else "."
    D = decimal.Decimal
    EOS = b"\xff\xff\xff\xff\x00\x00\x00\x00"

    def stream_bytes(*batches):
        sink = io.BytesIO()
        w = ipc.new_stream(sink, batches[0].schema)
        for b in batches: w.write_batch(b)
        w.close()
        return sink.getvalue()

    def write(name, *batches):
        open(f"{out}/{name}.arrow", "wb").write(stream_bytes(*batches))

    def batch(**columns):
        return pa.RecordBatch.from_arrays(list(columns.values()), names=list(columns.keys()))

    def ext_field(name, storage_type, ext_name):
        return pa.field(name, storage_type, metadata={"ARROW:extension:name": ext_name,
                                                      "ARROW:extension:metadata": ext_name + "-serialized"})

    \#(PyArrowIntervals.python)
    MONTH_INTERVAL = c_type("tiM")
    DAY_TIME_INTERVAL = c_type("tiD")

    def day_time(days, ms): return struct.unpack("<q", struct.pack("<ii", days, ms))[0]

    def splice(name, real_schema, storage_batch):
        s = io.BytesIO(); w = ipc.new_stream(s, real_schema); w.close()
        schema_message = messages(s.getvalue())[0]
        batch_message = messages(stream_bytes(storage_batch))[1]
        open(f"{out}/{name}.arrow", "wb").write(schema_message + batch_message + EOS)

    """#

    static let script = #"""
    write("integers", batch(
        i8=pa.array([-128, 127, None], pa.int8()), i16=pa.array([-32768, 32767, None], pa.int16()),
        i32=pa.array([-2**31, 2**31 - 1, None], pa.int32()), i64=pa.array([-2**63, 2**63 - 1, None], pa.int64()),
        u8=pa.array([0, 255, None], pa.uint8()), u16=pa.array([0, 65535, None], pa.uint16()),
        u32=pa.array([0, 2**32 - 1, None], pa.uint32()), u64=pa.array([0, 2**64 - 1, None], pa.uint64()),
        b=pa.array([True, False, None], pa.bool_()), n=pa.nulls(3)))
    nan, inf = float("nan"), float("inf")
    write("float64", batch(f=pa.array([1e6, 1e-5, 123456.0, 1234567.0, 0.0001, 0.1, -0.0, nan, inf, -inf, 5e-324,
                                       1.7976931348623157e308, 100.0, None, 274.514, 2.5e6, 1e21], pa.float64())))
    write("float32", batch(f=pa.array([1e6, 1e-5, 123456.0, 1234567.0, 0.0001, 0.1, -0.0, nan, inf, -inf,
                                       3.4028234663852886e38, 16777216.0, 100.0, None, 274.514], pa.float32())))
    write("float16", batch(f=pa.array([0x3E00, 0x7BFF, 0x0001, 0x8000, 0x7E00, 0x7C00, 0x6400], pa.uint16()).view(pa.float16())))
    texts = ["plain", "a,b", 'say "hi"', "line\nbreak", "cr\rhere", "crlf\r\n", " leading", "\tleading tab",
             "\u00a0nbsp", "\u2003em", "\u3000ideographic", "\u0085nel", "\u2028ls", "\u1680ogham", "\u205fmmsp",
             "trailing ", "\\.", "\\.x", "", None, "héllo 日本", '"', "x\x0b", "\x0bvt", "\u200bzwsp", "#hash",
             "\x1cfs", "tab\there", "a;b"]
    write("texts", batch(s=pa.array(texts, pa.utf8()), ls=pa.array(texts, pa.large_utf8())))
    write("invalid_utf8", batch(s=pa.array([b"\xa0x", b"\xc2", b"\xe2\x80", b"\xc2\xa0"], pa.binary()).view(pa.utf8())))
    write("odd_names", pa.RecordBatch.from_arrays([pa.array([1]), pa.array([2]), pa.array([3]), pa.array([4])],
                                                  names=["a,b", " lead", 'q"uote', "plain"]))
    write("no_columns", pa.RecordBatch.from_arrays([], names=[]).slice(0, 0))
    write("dates", batch(d32=pa.array([0, -1, 19723, None, -719162], pa.date32()),
                         d64=pa.array([0, -1, 1704067200000, None, -86400001], pa.date64())))
    write("times", batch(s=pa.array([0, 86399, 3600, None], pa.time32("s")), ms=pa.array([1, 1500, 86399999, None], pa.time32("ms")),
                         us=pa.array([123456, 1000000, 0, None], pa.time64("us")),
                         ns=pa.array([1, 123456789, 86399999999999, None], pa.time64("ns"))))
    write("timestamps", batch(
        s=pa.array([0, 1700000000, -1, None], pa.timestamp("s")),
        us=pa.array([1704251045123456, 1704251045120000, 1704251045000000, None], pa.timestamp("us", "UTC")),
        ns=pa.array([0, 1, 999999999, None], pa.timestamp("ns", "+05:30")),
        ny=pa.array([1700000000000, 1690000000000, 0, None], pa.timestamp("ms", "America/New_York"))))
    write("timestamp_bad_zone", batch(t=pa.array([None, 5], pa.timestamp("s", "Mars/Olympus_Mons"))))
    write("durations", batch(s=pa.array([-5, 0, None], pa.duration("s")), ms=pa.array([1000, None, 1], pa.duration("ms")),
                             us=pa.array([1, 2, 3], pa.duration("us")), ns=pa.array([7, -9223372036854775808, None], pa.duration("ns"))))
    write("binaries", batch(b=pa.array([b"", b"\x01\x00\xff", None], pa.binary()),
                            lb=pa.array([b"abcd", b"a", b"\xfb\xff"], pa.large_binary()),
                            fb=pa.array([b"hi", None, b"\xfb\xff"], pa.binary(2))))
    write("decimals", batch(
        d10_2=pa.array([D("1.01"), D("1.10"), D("100.00"), D("0"), D("-0.01"), None], pa.decimal128(10, 2)),
        d19_10=pa.array([D("742165505.7704392704"), D("0.0000000001"), D("-1.5"), D("1"), D("123456789.0000000000"), None], pa.decimal128(19, 10)),
        d256=pa.array([D("12.34"), D("-0.05"), D("0"), D("123456789012345678.99"), D("1"), None], pa.decimal256(20, 2))))
    exts = [(ext_field("uuid", pa.binary(16), "uuid"), pa.array([bytes(range(16)), None, bytes([255] * 16)], pa.binary(16))),
            (ext_field("json", pa.binary(), "json"), pa.array([b' {"b" : [1, 2.50, "x<y"]} ', b'"s,x"', None], pa.binary())),
            (ext_field("inet", pa.binary(), "inet"), pa.array([b"10.0.0.1/8", b"2001:DB8:0:0:0:0:0:1/64", None], pa.binary())),
            (ext_field("mac", pa.binary(), "mac"), pa.array([b"\x00\x1a\x2b\x3c\x4d\x5e", b"", None], pa.binary()))]
    write("extensions", pa.RecordBatch.from_arrays([a for _, a in exts], schema=pa.schema([f for f, _ in exts])))
    inets = [b"1.148.253.194/15", b"::ffff:1.2.3.4/120", b"::ffff:1.2.3.4/64", b"", b"::/0", b"::1/128",
             b"1:0:0:1:0:0:0:1/64", b"1:0:0:0:1:0:0:1/64", b"0:0:1:0:0:1:0:0/100", b"fe80::1:2:3:4/10",
             b"::1.2.3.4/128", b"1.2.3.4/032", b"a:b:c:d:e:f:1.2.3.4/128", b"ABCD:EF01::/16"]
    write("inets", pa.RecordBatch.from_arrays([pa.array(inets, pa.binary())],
                                              schema=pa.schema([ext_field("inet", pa.binary(), "inet")])))
    for k, bad in enumerate([b"1.2.3.4", b"1.2.3.4/33", b"01.2.3.4/8", b"1.2.3/8", b"::1/129", b"1::2::3/64",
                             b"fe80::1%eth0/64", b"1.2.3.4/", b"/8", b"12345::/16", b"1.2.3.4/+8", b"1:2:3:4:5:6:7:8::/64"]):
        write(f"bad_inet_{k}", pa.RecordBatch.from_arrays([pa.array([b"1.2.3.4/8", bad], pa.binary())],
                                                         schema=pa.schema([ext_field("inet", pa.binary(), "inet")])))
    point = pa.struct([pa.field("b", pa.int32()), pa.field("a", pa.utf8())])
    write("nested", batch(
        li=pa.array([[1, None, 3], [], None], pa.list_(pa.int64())),
        ll=pa.array([[1e6, 0.5], None, [1e21, 1e-7]], pa.large_list(pa.float64())),
        fl=pa.array([[1, 2], None, [3, None]], pa.list_(pa.int32(), 2)),
        st=pa.array([{"b": 1, "a": "x<y"}, None, {"b": None, "a": None}], point),
        mp=pa.array([[("z", 1), ("a", 2)], [], None], pa.map_(pa.utf8(), pa.int64())),
        lts=pa.array([[0, None], [], None], pa.list_(pa.timestamp("s", "UTC"))),
        stt=pa.array([{"t": 1500, "d": 1}, {"t": 0, "d": None}, None],
                     pa.struct([pa.field("t", pa.time32("ms")), pa.field("d", pa.duration("s"))]))))
    mdn = pa.array([pa.MonthDayNano([1, 2, 3]), pa.MonthDayNano([-1, 0, -9223372036854775808]), None], pa.month_day_nano_interval())
    splice("intervals",
           pa.schema([pa.field("m", MONTH_INTERVAL), pa.field("dt", DAY_TIME_INTERVAL), pa.field("mdn", pa.month_day_nano_interval())]),
           batch(m=pa.array([1, -30, None], pa.int32()), dt=pa.array([day_time(1, 2), day_time(-5, -4), None], pa.int64()), mdn=mdn))
    rows = [batch(id=pa.array([i * 10 + k for k in range(n)], pa.int64()), s=pa.array([f"r{i},{k}" for k in range(n)], pa.utf8()))
            for i, n in enumerate([2, 0, 3])]
    write("multi", *rows)
    write("empty_first", rows[1], rows[0])
    write("big", batch(id=pa.array(range(20000), pa.int64()), s=pa.array([f"row {k}" for k in range(20000)], pa.utf8())))
    write("other_schema", batch(id=pa.array([1], pa.int32()), s=pa.array(["x"], pa.utf8())))
    """#
}
