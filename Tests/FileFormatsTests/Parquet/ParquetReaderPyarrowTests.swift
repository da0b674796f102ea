@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// Files written by pyarrow (another writer's choices: V2 data pages, RLE_DICTIONARY and
/// PLAIN_DICTIONARY, RLE booleans, several pages and row groups, each codec) read back equal to
/// the Arrow stream pyarrow wrote alongside.
@Suite(.requires(.python)) struct ParquetReaderPythonTests {
    static let files: Result<URL, Error> = Result {
        let directory = try ParquetTestEnvironment.temporaryDirectory("parquet-reader-pyarrow")
        try ParquetTestEnvironment.runPython(script, arguments: [directory.path], in: directory)
        return directory
    }

    static let variants = [
        "v2pages_dict_snappy", "v2pages_plain_zstd", "v2pages_dict_gzip_uncompressed_values", "v1pages_dict_none",
        "format1_plain_dictionary", "small_pages_groups", "v2pages_dict_zstd_small",
    ]

    @Test("pyarrow-written files read back as pyarrow's input", arguments: variants)
    func pyarrowFile(variant: String) throws {
        let directory = try Self.files.get()
        let stream = try ArrowIPC.readStream([UInt8](try Data(contentsOf: directory.appendingPathComponent("table.arrow"))))
        let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent("\(variant).parquet")))
        try DecoderComparison.expectRoundTrip(ParquetObjectDecoder(), bytes, expected: stream.batches, schema: stream.schema,
                                                    maxRows: 100, label: variant)
    }

    static let script = #"""
    # (nanosecond values are whole microseconds so that format 1.0, which has no nanoseconds, keeps them.)
    # One table of many types, written once as an Arrow stream and as Parquet in several
    # writer configurations.
    import decimal, sys
    import pyarrow as pa, pyarrow.parquet as pq, pyarrow.ipc as ipc
    out = sys.argv[1]
    D = decimal.Decimal
    R = 700
    def maybe(i, v, k=7): return None if i % k == 3 else v
    point = pa.struct([("x", pa.int32()), ("s", pa.utf8())])
    cols = {
        "b": pa.array([maybe(i, i % 3 == 0) for i in range(R)], pa.bool_()),
        "b_req": pa.array([i % 5 == 0 for i in range(R)], pa.bool_()),
        "i8": pa.array([maybe(i, (i % 256) - 128) for i in range(R)], pa.int8()),
        "i16": pa.array([maybe(i, i * 37 % 65536 - 32768) for i in range(R)], pa.int16()),
        "i32": pa.array([maybe(i, i % 10) for i in range(R)], pa.int32()),
        "i64": pa.array([maybe(i, i * 10**12 - 2**62) for i in range(R)], pa.int64()),
        "u8": pa.array([maybe(i, i % 256) for i in range(R)], pa.uint8()),
        "u32": pa.array([maybe(i, 2**32 - 1 - i) for i in range(R)], pa.uint32()),
        "u64": pa.array([maybe(i, 2**64 - 1 - i) for i in range(R)], pa.uint64()),
        "f32": pa.array([maybe(i, i / 4) for i in range(R)], pa.float32()),
        "f64": pa.array([maybe(i, i / 3) for i in range(R)], pa.float64()),
        "f16": pa.array([maybe(i, float(i % 50) / 2) for i in range(R)], pa.float16()),
        "s": pa.array([maybe(i, f"v{i % 13}é") for i in range(R)], pa.utf8()),
        "ls": pa.array([maybe(i, "x" * (i % 20)) for i in range(R)], pa.large_utf8()),
        "bin": pa.array([maybe(i, bytes([i % 256, 0, 255])) for i in range(R)], pa.binary()),
        "lbin": pa.array([maybe(i, bytes([i % 7]) * (i % 4)) for i in range(R)], pa.large_binary()),
        "fsb": pa.array([maybe(i, bytes([i % 256]) * 4) for i in range(R)], pa.binary(4)),
        "d32": pa.array([maybe(i, i - 300) for i in range(R)], pa.date32()),
        "d64": pa.array([maybe(i, (i - 300) * 86400000) for i in range(R)], pa.date64()),
        "t32": pa.array([maybe(i, i * 1000) for i in range(R)], pa.time32("ms")),
        "t64": pa.array([maybe(i, i * 1000001) for i in range(R)], pa.time64("us")),
        "t64ns": pa.array([maybe(i, i * 1000007000) for i in range(R)], pa.time64("ns")),
        "ts_ms": pa.array([maybe(i, i * 86400123 - 10**9) for i in range(R)], pa.timestamp("ms")),
        "ts_us_utc": pa.array([maybe(i, i * 10**9 + 7) for i in range(R)], pa.timestamp("us", tz="UTC")),
        "ts_ns": pa.array([maybe(i, i * 10**12 + 123000) for i in range(R)], pa.timestamp("ns", tz="UTC")),
        "ts_s": pa.array([maybe(i, i * 1000 - 5) for i in range(R)], pa.timestamp("s")),
        "dur": pa.array([maybe(i, i * 3 - 9) for i in range(R)], pa.duration("ms")),
        "dec": pa.array([maybe(i, D(i) / 100 - 3) for i in range(R)], pa.decimal128(9, 2)),
        "dec_big": pa.array([maybe(i, D(i) * 10**20 + D("0.5")) for i in range(R)], pa.decimal128(38, 1)),
        "list": pa.array([maybe(i, [j if j % 4 else None for j in range(i % 5)]) for i in range(R)], pa.list_(pa.int64())),
        "list_s": pa.array([maybe(i, [f"e{j}" for j in range(i % 3)]) for i in range(R)], pa.list_(pa.utf8())),
        "struct": pa.array([maybe(i, {"x": maybe(i + 1, i, 5), "s": maybe(i, str(i), 4)}) for i in range(R)], point),
        "map": pa.array([maybe(i, [(f"k{j}", maybe(j, j * i, 2)) for j in range(i % 4)]) for i in range(R)],
                        pa.map_(pa.utf8(), pa.int32())),
        "list_struct": pa.array([maybe(i, [maybe(j, {"x": j, "s": None}, 2) for j in range(i % 3)]) for i in range(R)],
                                pa.list_(point)),
        "list_list": pa.array([maybe(i, [[k for k in range(j)] if j != 1 else None for j in range(i % 4)]) for i in range(R)],
                              pa.list_(pa.list_(pa.int16()))),
    }
    schema = pa.schema([pa.field(k, v.type, nullable=(k != "b_req")) for k, v in cols.items()])
    table = pa.Table.from_arrays(list(cols.values()), schema=schema)
    with ipc.new_stream(f"{out}/table.arrow", schema) as w:
        for b in table.to_batches(max_chunksize=256): w.write_batch(b)
    def write(name, **kw): pq.write_table(table, f"{out}/{name}.parquet", **kw)
    write("v2pages_dict_snappy", data_page_version="2.0", use_dictionary=True, compression="snappy")
    write("v2pages_plain_zstd", data_page_version="2.0", use_dictionary=False, compression="zstd")
    write("v2pages_dict_gzip_uncompressed_values", data_page_version="2.0", compression="gzip")
    write("v1pages_dict_none", data_page_version="1.0", compression="none")
    write("format1_plain_dictionary", version="1.0", compression="snappy", use_dictionary=True)
    write("small_pages_groups", row_group_size=97, data_page_size=256, write_batch_size=16, compression="snappy")
    write("v2pages_dict_zstd_small", data_page_version="2.0", row_group_size=150, data_page_size=300,
          write_batch_size=32, compression="zstd", dictionary_pagesize_limit=200)
    """#
}
