#!/usr/bin/env python3
"""The compiled peers a user would pick instead of the plugin: DuckDB, pyarrow's C++ S3FileSystem, polars.

    peer_engines.py --engine duckdb|pyarrow-s3fs|polars --format csv|jsonl|parquet
        --from-ipc table.arrows --rows N --rows-per-object N --endpoint URL --bucket B
        [--region R] [--prefix bench/peer] [--out result.json] [--max-seconds 3600]

One engine, one format, one process (so CPU and peak RSS are of that writer alone). The whole
table is read from the Arrow IPC stream first (the way these libraries are used: a table in
memory, then written), and prepared for the format: extension columns (uuid, json) become
their storage or text, the list column JSON text for CSV (CSV has no such types; the plugin
renders them as text too). None of that is timed. Timed: writing every object of
--rows-per-object rows to s3://BUCKET/PREFIX/part-NNNNN.EXT, each engine its idiomatic way:

  duckdb        COPY (SELECT * FROM slice) TO 's3://…' (FORMAT parquet|csv|json), httpfs
                loaded offline from the duckdb-extension-httpfs wheel, a CREATE SECRET of TYPE
                s3 with ENDPOINT, URL_STYLE 'path', USE_SSL false; its own threads (both cores)
  pyarrow-s3fs  pyarrow.fs.S3FileSystem (the C++ AWS SDK) output streams, written by
                pyarrow.parquet / pyarrow.csv (pyarrow has no JSON writer: jsonl is "not supported")
  polars        DataFrame.write_parquet / write_csv (storage_options: path-style endpoint) and
                write_ndjson into a buffer, then one upload with pyarrow's S3FileSystem

CPU = user + sys of this process (all its threads) from getrusage(2) around the writes; peak
RSS = VmHWM (it includes the table held in memory: baseline_rss_mib is VmRSS after loading).
Prints one JSON document: {engine, format, rows, objects, bytes, wall_s, cpu_s, peak_rss_mib,
baseline_rss_mib, gen_wall_s: 0, cpu_s_excl_gen}.
"""
import argparse
import io
import json
import os
import resource
import time
from urllib.parse import urlparse


EXT = {"csv": "csv", "jsonl": "jsonl", "parquet": "parquet"}
ENGINES = ("duckdb", "pyarrow-s3fs", "polars")


def cpu_seconds():
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


def status_mib(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def load_table(path, rows):
    import pyarrow as pa
    import wide_table  # noqa: F401 (registers the uuid/json extension types before reading)
    with pa.OSFile(path, "rb") as f:
        table = pa.ipc.open_stream(f).read_all()
    return table.slice(0, rows) if rows and table.num_rows > rows else table


def prepared(table, fmt):
    """Columns the engine can write: text for CSV / JSON Lines, storage types for Parquet."""
    import pyarrow as pa
    from peer_pyarrow_boto3 import text_columns
    if fmt in ("csv", "jsonl"):
        batches = [text_columns(b) for b in table.to_batches()]
        return pa.Table.from_batches(batches).combine_chunks()
    columns, fields = [], []
    for field, column in zip(table.schema, table.columns):
        if isinstance(field.type, pa.ExtensionType):
            column = pa.chunked_array([c.storage for c in column.chunks], type=field.type.storage_type)
        columns.append(column)
        fields.append(pa.field(field.name, column.type, nullable=field.nullable))
    return pa.Table.from_arrays(columns, schema=pa.schema(fields)).combine_chunks()


def s3fs(a):
    from pyarrow import fs
    u = urlparse(a.endpoint)
    return fs.S3FileSystem(access_key=a.access_key, secret_key=a.secret_key, region=a.region,
                           endpoint_override=u.netloc, scheme=u.scheme or "http", force_virtual_addressing=False)


class DuckDB:
    def __init__(self, a):
        import duckdb
        import duckdb_extension_httpfs
        ext = os.path.join(os.path.dirname(duckdb_extension_httpfs.__file__), "extensions",
                           f"v{duckdb.__version__}", "httpfs.duckdb_extension")
        if not os.path.exists(ext):
            raise SystemExit(f"{ext} is missing: install duckdb-extension-httpfs=={duckdb.__version__}")
        self.con = duckdb.connect(config={"allow_unsigned_extensions": "true", "autoinstall_known_extensions": "false"})
        self.con.execute(f"LOAD '{ext}'")
        u = urlparse(a.endpoint)
        self.con.execute("CREATE SECRET bench (TYPE s3, KEY_ID ?, SECRET ?, REGION ?, ENDPOINT ?, "
                         "URL_STYLE 'path', USE_SSL ?)",
                         [a.access_key, a.secret_key, a.region, u.netloc, u.scheme == "https"])
        self.options = {"parquet": "FORMAT parquet, COMPRESSION snappy", "csv": "FORMAT csv, HEADER true",
                        "jsonl": "FORMAT json"}[a.format]
        self.jsonl_json_columns = [f.name for f in a.schema if getattr(f.type, "extension_name", None) == "json"]
        self.format = a.format

    def write(self, part, url):
        self.con.register("part", part)
        select = "*"
        if self.format == "jsonl" and self.jsonl_json_columns:  # embed the json column as an object
            select = "* REPLACE (" + ", ".join(f'"{c}"::JSON AS "{c}"' for c in self.jsonl_json_columns) + ")"
        self.con.execute(f"COPY (SELECT {select} FROM part) TO '{url}' ({self.options})")
        self.con.unregister("part")


class PyArrowS3FS:
    def __init__(self, a):
        if a.format == "jsonl":
            raise NotSupported("pyarrow has no JSON writer")
        self.fs, self.format = s3fs(a), a.format

    def write(self, part, url):
        import pyarrow.csv as pacsv
        import pyarrow.parquet as pq
        with self.fs.open_output_stream(url[len("s3://"):]) as out:
            if self.format == "parquet":
                pq.write_table(part, out, compression="snappy")
            else:
                pacsv.write_csv(part, out)


class Polars:
    def __init__(self, a):
        u = urlparse(a.endpoint)
        self.storage = {"aws_access_key_id": a.access_key, "aws_secret_access_key": a.secret_key,
                        "aws_region": a.region, "aws_endpoint_url": a.endpoint,
                        "aws_allow_http": str(u.scheme == "http").lower(), "aws_virtual_hosted_style_request": "false"}
        self.format, self.fs = a.format, s3fs(a)

    def write(self, part, url):
        import polars as pl
        df = pl.from_arrow(part, rechunk=False)
        if self.format == "parquet":
            df.write_parquet(url, compression="snappy", storage_options=self.storage)
        elif self.format == "csv":
            df.write_csv(url, storage_options=self.storage)
        else:  # NDJSON into a buffer, then one upload
            buf = io.BytesIO()
            df.write_ndjson(buf)
            with self.fs.open_output_stream(url[len("s3://"):]) as out:
                out.write(buf.getbuffer())


class NotSupported(Exception):
    pass


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--engine", choices=ENGINES, required=True)
    p.add_argument("--format", choices=list(EXT), required=True)
    p.add_argument("--from-ipc", required=True)
    p.add_argument("--rows", type=int, default=0)
    p.add_argument("--rows-per-object", type=int, default=10_000)
    p.add_argument("--endpoint", required=True)
    p.add_argument("--bucket", required=True)
    p.add_argument("--region", default="us-east-1")
    p.add_argument("--prefix", default="bench/peer-engines")
    p.add_argument("--out")
    p.add_argument("--max-seconds", type=float, default=3600)
    a = p.parse_args()
    a.access_key = os.environ.get("S3_TEST_ACCESS_KEY") or os.environ.get("AWS_ACCESS_KEY_ID")
    a.secret_key = os.environ.get("S3_TEST_SECRET_KEY") or os.environ.get("AWS_SECRET_ACCESS_KEY")
    if not a.access_key or not a.secret_key:
        raise SystemExit("set S3_TEST_ACCESS_KEY / S3_TEST_SECRET_KEY (or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)")
    if a.rows_per_object < 1:
        raise SystemExit("--rows-per-object must be >= 1")
    # The C++ AWS SDK sends CRC checksums RGW rejects unless told to send them only when required.
    os.environ.setdefault("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required")
    os.environ.setdefault("AWS_RESPONSE_CHECKSUM_VALIDATION", "when_required")
    table = load_table(a.from_ipc, a.rows)
    a.schema = table.schema
    data = prepared(table, a.format)
    del table
    try:
        engine = {"duckdb": DuckDB, "pyarrow-s3fs": PyArrowS3FS, "polars": Polars}[a.engine](a)
    except NotSupported as e:
        doc = {"engine": a.engine, "format": a.format, "status": "not supported", "error": str(e)}
        print(json.dumps(doc))
        if a.out:
            json.dump(doc, open(a.out, "w"))
        return
    baseline = status_mib("VmRSS")
    deadline = time.monotonic() + a.max_seconds
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    objects = 0
    for start in range(0, data.num_rows, a.rows_per_object):
        if time.monotonic() > deadline:
            raise SystemExit(f"--max-seconds {a.max_seconds:g} reached after {start} rows")
        url = f"s3://{a.bucket}/{a.prefix.rstrip('/')}/part-{objects:05d}.{EXT[a.format]}"
        engine.write(data.slice(start, a.rows_per_object), url)
        objects += 1
    wall, cpu = time.perf_counter() - t0, cpu_seconds() - cpu0
    doc = {"engine": a.engine, "format": a.format, "status": "ok", "rows": data.num_rows, "objects": objects,
           "wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "gen_wall_s": 0.0, "cpu_s_excl_gen": round(cpu, 3),
           "peak_rss_mib": round(status_mib("VmHWM"), 1), "baseline_rss_mib": round(baseline, 1)}
    print(json.dumps(doc))
    if a.out:
        with open(a.out, "w") as f:
            json.dump(doc, f)


if __name__ == "__main__":
    main()
