"""Writes the fuzz targets' seed corpora into Fuzz/Corpus/<target>/ (committed; `make fuzz-corpus`
regenerates them). Sources: the CLI 6.21.1 payloads in ../shared/testdata (copied as data),
pyarrow-made Arrow streams of every type the plugin handles, `aws configure`-style files, spec
variants, Go time texts, and for the Read targets the objects the plugin's own encoders write
(Fuzz/Seeds, built by the Makefile) plus objects pyarrow writes.

usage: make_corpus.py <shared dir> <FuzzSeeds binary>
"""
import datetime
import decimal
import hashlib
import json
import os
import pathlib
import shutil
import struct
import subprocess
import sys
import tempfile

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

ROOT = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent / "bench"))
from stdio_client import _varint, envelope, frame  # noqa: E402

CORPUS = ROOT / "Corpus"
PLUGIN = "/cloudquery.plugin.v3.Plugin/"


def put(target, data, name=None):
    if isinstance(data, str):
        data = data.encode()
    directory = CORPUS / target
    directory.mkdir(parents=True, exist_ok=True)
    (directory / (name or hashlib.sha1(data).hexdigest()[:16])).write_bytes(data)


def ext(name, storage, extension):
    return pa.field(name, storage, metadata={b"ARROW:extension:name": extension.encode(), b"ARROW:extension:metadata": b""})


def stream_bytes(table_or_schema):
    sink = pa.BufferOutputStream()
    schema = table_or_schema if isinstance(table_or_schema, pa.Schema) else table_or_schema.schema
    with pa.ipc.new_stream(sink, schema) as writer:
        if not isinstance(table_or_schema, pa.Schema):
            for batch in table_or_schema.to_batches():
                writer.write_batch(batch)
    return sink.getvalue().to_pybytes()


def tables():
    """Small tables covering every Arrow type the plugin reads and writes, CloudQuery-style."""
    D = decimal.Decimal
    ts = datetime.datetime(2021, 1, 2, 3, 4, 5, 123456, tzinfo=datetime.timezone.utc)
    meta = {b"cq:table_name": b"fuzz_all_types"}
    scalars = pa.table({
        "i8": pa.array([1, None, -128], pa.int8()), "i16": pa.array([1, None, -3], pa.int16()),
        "i32": pa.array([2**31 - 1, None, 0], pa.int32()), "i64": pa.array([-2**63, None, 7], pa.int64()),
        "u8": pa.array([255, None, 0], pa.uint8()), "u16": pa.array([1, None, 2], pa.uint16()),
        "u32": pa.array([2**32 - 1, None, 3], pa.uint32()), "u64": pa.array([2**64 - 1, None, 4], pa.uint64()),
        "f32": pa.array([1.5, None, float("nan")], pa.float32()), "f64": pa.array([1e21, None, -0.0], pa.float64()),
        "b": pa.array([True, None, False]), "s": pa.array(["a\"b,c\n", None, "ü"], pa.utf8()),
        "ls": pa.array(["x", None, ""], pa.large_utf8()), "bin": pa.array([b"\x00\xff", None, b""], pa.binary()),
        "lbin": pa.array([b"ab", None, b"c"], pa.large_binary()),
        "d32": pa.array([datetime.date(2023, 7, 7), None, datetime.date(1, 1, 1)], pa.date32()),
        "d64": pa.array([datetime.date(2023, 7, 7), None, datetime.date(9999, 12, 31)], pa.date64()),
        "t32s": pa.array([3600, None, 0], pa.time32("s")), "t32ms": pa.array([3723500, None, 0], pa.time32("ms")),
        "t64us": pa.array([1, None, 86399999999], pa.time64("us")), "t64ns": pa.array([1, None, 2], pa.time64("ns")),
        "tss": pa.array([ts, None, ts], pa.timestamp("s", tz="UTC")), "tsms": pa.array([ts, None, ts], pa.timestamp("ms", tz="UTC")),
        "tsus": pa.array([ts, None, ts], pa.timestamp("us", tz="UTC")), "tsns": pa.array([ts, None, ts], pa.timestamp("ns")),
        "dus": pa.array([1, None, -2], pa.duration("s")), "dms": pa.array([3720000, None, 0], pa.duration("ms")),
        "duus": pa.array([1, None, 2], pa.duration("us")), "duns": pa.array([2**63 - 1, None, -2**63], pa.duration("ns")),
        "dec": pa.array([D("12345678.90"), None, D("-0.01")], pa.decimal128(10, 2)),
        "dec38": pa.array([D("9999999999999999999999999999.9999999999"), None, D("0")], pa.decimal128(38, 10)),
        "dec76": pa.array([D("123456789012345678901234567890.12345678901234567890"), None, D("-1")], pa.decimal256(76, 20)),
        "decneg": pa.array([D("1200"), None, D("0")], pa.decimal128(4, -2)),
        "mdn": pa.array([pa.MonthDayNano([1, 2, 3]), None, pa.MonthDayNano([-1, 0, 2**63 - 1])], pa.month_day_nano_interval()),
    })
    nested = pa.table({
        "l": pa.array([[1, None, 3], None, []], pa.list_(pa.int64())),
        "ll": pa.array([["a"], None, ["b", None]], pa.large_list(pa.utf8())),
        "fl": pa.array([[1, 2], None, [3, None]], pa.list_(pa.int32(), 2)),
        "st": pa.array([{"a": 1, "b": "x"}, None, {"a": None, "b": None}], pa.struct([("a", pa.int64()), ("b", pa.utf8())])),
        "m": pa.array([[("k", 1)], None, []], pa.map_(pa.utf8(), pa.int64())),
        "lst": pa.array([[{"x": [1.5]}], None, [None]], pa.list_(pa.struct([("x", pa.list_(pa.float64()))]))),
    })
    extensions = pa.Table.from_arrays([
        pa.array([b"\x12" * 16, None, b"\x00" * 16], pa.binary(16)),
        pa.array([b'{"b":[1,{"c":null}],"a b":"<&>"}', None, b"[]"], pa.binary()),
        pa.array([b"192.0.2.1/24", None, b"2001:db8::1/64"], pa.binary()),
        pa.array([b"\x00\x94\xfd\xc2\xfa\x2f", None, b"\x01\x02\x03\x04\x05\x06"], pa.binary()),
        pa.array([1, 2, 3], pa.int64()),
    ], schema=pa.schema([ext("id", pa.binary(16), "uuid"), ext("j", pa.binary(), "json"), ext("ip", pa.binary(), "inet"),
                         ext("mac", pa.binary(), "mac"), pa.field("n", pa.int64(), nullable=False)]))
    out = []
    for name, table in [("scalars", scalars), ("nested", nested), ("extensions", extensions)]:
        table = table.replace_schema_metadata({**meta, b"cq:table_name": f"fuzz_{name}".encode()})
        out.append((name, table))
    return out


def parquet_writable(table):
    """The columns pyarrow can write to Parquet (not intervals, not negative decimal scales)."""
    kept = []
    for name in table.column_names:
        try:
            pq.write_table(table.select([name]), pa.BufferOutputStream())
            kept.append(name)
        except (OSError, pa.ArrowException):
            pass
    return table.select(kept)


def main():
    shared, seeds_binary = pathlib.Path(sys.argv[1]), sys.argv[2]
    cli = shared / "testdata" / "cli-6.21.1"
    # Regenerated from scratch, except the inputs fuzzing once failed on (`regression-*`), kept by hand.
    if CORPUS.exists():
        for path in CORPUS.glob("*/*"):
            if not path.name.startswith("regression-"):
                path.unlink()
    streams = pathlib.Path(tempfile.mkdtemp(prefix="fuzz-streams-"))

    # Arrow streams: the CLI's and pyarrow's.
    for path in sorted(cli.glob("*.arrow")):
        put("FuzzArrowEncoders", path.read_bytes(), "cli-" + path.stem)
        shutil.copy(path, streams / ("cli-" + path.name))
    for name, table in tables():
        data = stream_bytes(table)
        put("FuzzArrowEncoders", data, "pyarrow-" + name)
        (streams / f"pyarrow-{name}.arrow").write_bytes(data)
        schema = stream_bytes(table.schema)
        prefix = struct.pack("<I", len(schema)) + schema
        # Objects pyarrow writes: Parquet with each codec and page version, dictionary on and off.
        for codec in ["NONE", "SNAPPY", "GZIP", "ZSTD"]:
            for version in ["1.0", "2.0"]:
                sink = pa.BufferOutputStream()
                pq.write_table(parquet_writable(table), sink, compression=codec, data_page_version=version,
                               use_dictionary=version == "1.0")
                put("FuzzParquetRead", prefix + sink.getvalue().to_pybytes(), f"pyarrow-{name}-{codec}-{version}")
        rows = table.to_pylist()
        lines = "".join(json.dumps(row, default=str) + "\n" for row in rows)
        put("FuzzJSONLinesRead", prefix + lines.encode(), f"python-{name}")
        try:
            sink = pa.BufferOutputStream()
            pacsv.write_csv(table, sink)
            put("FuzzCSVRead", prefix + b"\x00" + sink.getvalue().to_pybytes(), f"pyarrow-{name}")
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            pass  # pyarrow's CSV writer has no nested types
    # The plugin's own encoders (JSON Lines, CSV, Parquet) over every stream.
    subprocess.run([seeds_binary, str(streams), str(CORPUS)], check=True)
    shutil.rmtree(streams)

    # Stdio: sessions as the CLI drives them, and single frames.
    spec = (cli / "003-init-spec.json").read_bytes()
    init = b"\x0a" + _varint(len(spec)) + spec  # Init.Request{spec}
    session = frame(envelope("/cloudquery.discovery.v1.Discovery/GetVersions")) + frame(envelope(PLUGIN + "GetName"))
    session += frame(envelope(PLUGIN + "Init", init))
    for path in sorted(cli.glob("*.pb")):
        put("FuzzStdioWire", frame(envelope(PLUGIN + "Write", path.read_bytes())), "cli-" + path.stem)
        session += frame(envelope(PLUGIN + "Write", path.read_bytes()))
    session += frame(envelope(PLUGIN + "Write", end_of_stream=True)) + frame(envelope(PLUGIN + "Close"))
    put("FuzzStdioWire", session, "cli-session")
    put("FuzzStdioWire", frame(envelope(PLUGIN + "Read", b"\x0a\x00")) + frame(b"\x0f") + b"\x01\x00\x00\x00\x01\x00", "read-bad")

    # Specs: the CLI's and variants of every option.
    put("FuzzSpec", spec, "cli-init-spec")
    base = {"bucket": "b", "region": "us-east-1", "path": "{{TABLE}}/{{UUID}}.{{FORMAT}}"}
    variants = [
        {"format": "json"}, {"format": "csv", "format_spec": {"delimiter": "\t", "skip_header": True}},
        {"format": "parquet", "format_spec": {"version": "v2Latest", "root_repetition": "repeated", "max_row_group_length": 10}},
        {"format": "json", "compression": "gzip", "athena": True, "no_rotate": True, "path": "{{TABLE}}/x.json"},
        {"format": "csv", "compression": "zstd", "batch_size": 1, "batch_size_bytes": 1, "batch_timeout": "1m30.5s"},
        {"format": "parquet", "endpoint": "https://localhost:7443", "use_path_style": True, "endpoint_skip_tls_verify": True,
         "server_side_encryption_configuration": {"sse_kms_key_id": "k", "server_side_encryption": "aws:kms"}},
        {"format": "json", "credentials": {"local_profile": "p"}, "test_write": False, "write_empty_objects_for_empty_tables": True,
         "path": "{{TABLE}}/{{YEAR}}/{{MONTH}}/{{DAY}}/{{HOUR}}/{{MINUTE}}/{{SYNC_ID}}.{{FORMAT}}{{COMPRESSION}}"},
        {"format": "json", "max_retries": 5, "max_backoff": 30, "part_size": 5242880, "content_type": "application/json"},
    ]
    for k, variant in enumerate(variants):
        put("FuzzSpec", json.dumps({**base, **variant}), f"variant-{k}")

    # aws configure-style files: config, NUL, credentials.
    config = """[default]
region = us-east-1
output = json

[profile dev]
role_arn = arn:aws:iam::123456789012:role/dev
source_profile = default
role_session_name = s
duration_seconds = 3600
external_id = x
mfa_serial = arn:aws:iam::123456789012:mfa/u

[profile chain]
role_arn = arn:aws:iam::123456789012:role/chain
source_profile = dev

[profile sso]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Admin
region = eu-west-1
services = local

[sso-session corp]
sso_region = us-east-1
sso_start_url = https://example.awsapps.com/start
sso_registration_scopes = sso:account:access

[services local]
s3 =
  endpoint_url = http://localhost:7480
sts =
  endpoint_url = http://localhost:7480

[profile proc]
credential_process = /bin/echo {}
ec2_metadata_service_endpoint_mode = IPv6

[profile web]
role_arn = arn:aws:iam::123456789012:role/web
web_identity_token_file = /tmp/token
"""
    credentials = """[default]
aws_access_key_id = AKIDEXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
aws_session_token = token

[dev]
aws_access_key_id = A ; comment
aws_secret_access_key = "S"
"""
    put("FuzzProfiles", config + "\0" + credentials, "aws-configure")
    put("FuzzProfiles", "[default]\naws_access_key_id=A\naws_secret_access_key=S\n", "credentials-only")
    loop = "".join(f"[profile c{k}]\nrole_arn = arn:aws:iam::1:role/c{k}\nsource_profile = c{(k + 1) % 5}\n" for k in range(5))
    put("FuzzProfiles", loop, "cycle")

    # Go time texts.
    for text in ["1h2m3.5s", "-1.5µs", "300ms", "0", "+.5h", "2562047h47m16.854775807s", "9223372036854775808ns",
                 "2021-01-02T03:04:05.123456+01:00", "2021-01-02 03:04:05Z", "2006-01-02", "15:04:05.999999999",
                 "23:59", "0001-01-01T00:00:00-23:59"]:
        put("FuzzGoTime", text)

    # JSON texts for compaction and the Athena sanitiser.
    for text in ['{"a b":[1,-2.5e3,true,false,null],"c-d":{"é":"<&>\\u2028"}}', "[[[[]]]]", '"\\ud800\\udc00"',
                 "1e400", "  {\"k\" : [ 1 , 2 ] }  ", '{"a":1,"a":2}', "-0.0e-7", "null"]:
        put("FuzzJSONCompaction", text)
        put("FuzzAthenaSanitizer", text)
    print("corpus:", {d.name: len(list(d.iterdir())) for d in sorted(CORPUS.iterdir())})


if __name__ == "__main__":
    main()
