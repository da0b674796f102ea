#!/usr/bin/env python3
"""The peer a user would script instead of the plugin: pyarrow writers + boto3 uploads.

    peer_pyarrow_boto3.py --rows 1000000 [--formats csv,jsonl,parquet] [--chunk 10000]
        [--rows-per-object 0] [--part-size 5242880] [--concurrency 5] [--spool pipe|file]
        [--from-ipc table.arrows] [--prefix bench/peer] [--out results.json] [--max-seconds 3600]

Connection: --endpoint/--bucket/--region, else S3_TEST_ENDPOINT, S3_TEST_BUCKET, S3_TEST_REGION;
keys from S3_TEST_ACCESS_KEY / S3_TEST_SECRET_KEY (or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY).
Works against RGW and against bench/sink_server.py (which accepts any key).

Rows come from bench/wide_table.py (the same rows the plugin bench sends), or from an Arrow IPC
stream written by `wide_table.py --out` (--from-ipc), so generation can be kept out of the way.
Each format is written the idiomatic fast way:
  csv      pyarrow.csv.CSVWriter; uuid/json/list columns turned into text first (CSV has no such
           types; the plugin renders them as text too)
  jsonl    batch.to_pylist() and json.dumps per row (compact; json column embedded as an object)
  parquet  pyarrow.parquet.ParquetWriter on the batches as they are
and streamed to boto3's upload_fileobj (managed multipart: --part-size parts, --concurrency
threads) through a pipe (--spool pipe, default: bounded memory, like the plugin), or written to a
temporary file first and uploaded with upload_file (--spool file, what many scripts do).
--rows-per-object N splits the table into objects of N rows (0 = one object), to match the
plugin's batch_size.

Each format runs in its own child process so peak RSS is per format. Prints one JSON document:
{"peer": ..., "results": [{format, rows, objects, bytes, wall_s, rows_per_s, mb_per_s, cpu_s,
gen_wall_s, gen_cpu_s, rows_per_s_excl_gen, cpu_s_excl_gen, peak_rss_mib, baseline_rss_mib}]}
(cpu_s = user+sys of the process and its children; gen_* = time spent producing the rows).
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time


FORMATS = {"csv": "csv", "jsonl": "jsonl", "parquet": "parquet"}


def cpu_seconds():
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def rss_mib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def connection(a):
    def pick(value, *names):
        for n in names:
            value = value or os.environ.get(n)
        return value

    c = {"endpoint": pick(a.endpoint, "S3_TEST_ENDPOINT"), "bucket": pick(a.bucket, "S3_TEST_BUCKET"),
         "region": pick(a.region, "S3_TEST_REGION") or "us-east-1",
         "access_key": pick(None, "S3_TEST_ACCESS_KEY", "AWS_ACCESS_KEY_ID"),
         "secret_key": pick(None, "S3_TEST_SECRET_KEY", "AWS_SECRET_ACCESS_KEY")}
    missing = [k for k in ("endpoint", "bucket", "access_key", "secret_key") if not c[k]]
    if missing:
        raise SystemExit(f"missing {', '.join(missing)}: pass --endpoint/--bucket and set S3_TEST_ACCESS_KEY/"
                         f"S3_TEST_SECRET_KEY (e.g. `source .testbed/rgw/env`)")
    return c


# --- the user's script, one format per process ---------------------------------------------------

def text_columns(batch):
    """uuid → canonical text, json → text, list → JSON text: what CSV needs, done vectorised."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    columns, fields = [], []
    for field, column in zip(batch.schema, batch.columns):
        name = getattr(field.type, "extension_name", None)
        if name == "uuid":
            storage = column.storage
            raw = np.frombuffer(storage.buffers()[1], dtype=np.uint8, count=16 * (storage.offset + len(storage)))
            raw = raw.reshape(-1, 16)[storage.offset:]
            hexed = np.frombuffer(raw.tobytes().hex().encode(), dtype=np.uint8).reshape(-1, 32)
            dashed = np.full((len(storage), 36), ord("-"), dtype=np.uint8)
            for dst, src in ((0, 0), (9, 8), (14, 12), (19, 16), (24, 20)):
                width = {0: 8, 9: 4, 14: 4, 19: 4, 24: 12}[dst]
                dashed[:, dst:dst + width] = hexed[:, src:src + width]
            offsets = np.arange(0, 36 * (len(storage) + 1), 36, dtype=np.int32)
            validity = storage.buffers()[0] if storage.null_count else None
            if validity is not None and storage.offset:
                validity = pa.array(storage.is_valid()).buffers()[1]
            column = pa.StringArray.from_buffers(len(storage), pa.py_buffer(offsets), pa.py_buffer(dashed.tobytes()),
                                                 validity)
        elif name == "json":
            column = pc.cast(column.storage, pa.string())
        elif pa.types.is_list(field.type):
            # .offsets index the unsliced child (.values), also when the batch was sliced
            inner = pc.binary_join_element_wise('"', column.values, '"', "")
            joined = pc.binary_join(pa.ListArray.from_arrays(column.offsets, inner), ",")
            column = pc.if_else(column.is_null(), pa.scalar(None, pa.string()),
                                pc.binary_join_element_wise("[", joined, "]", ""))
        columns.append(column)
        fields.append(pa.field(field.name, column.type, nullable=field.nullable))
    return pa.RecordBatch.from_arrays(columns, schema=pa.schema(fields))


class FormatWriter:
    """One object's writer: csv / jsonl / parquet onto a binary file object."""

    def __init__(self, fmt, sink, schema):
        import pyarrow.csv as pacsv
        import pyarrow.parquet as pq
        self.fmt, self.sink, self.writer = fmt, sink, None
        if fmt == "parquet":
            self.writer = pq.ParquetWriter(sink, schema)
        elif fmt == "csv":
            self.csv = pacsv
        self.schema = schema

    def write(self, batch):
        if self.fmt == "parquet":
            self.writer.write_batch(batch)
        elif self.fmt == "csv":
            converted = text_columns(batch)
            if self.writer is None:
                self.writer = self.csv.CSVWriter(self.sink, converted.schema)
            self.writer.write_batch(converted)
        else:
            self.write_jsonl(batch)

    def write_jsonl(self, batch):
        json_columns = [f.name for f in batch.schema if getattr(f.type, "extension_name", None) == "json"]
        rows = text_columns(batch).to_pylist()
        out = []
        for row in rows:
            for name in json_columns:
                if row[name] is not None:
                    row[name] = json.loads(row[name])
            out.append(json.dumps(row, separators=(",", ":"), default=_json_default))
        self.sink.write(("\n".join(out) + "\n").encode())

    def close(self):
        if self.writer is not None:
            self.writer.close()


def _json_default(value):
    if hasattr(value, "isoformat"):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, (bytes, bytearray)):
        import base64
        return base64.b64encode(value).decode()
    return str(value)


class CountingReader:
    """The read end of the pipe as boto3 sees it: counts bytes, says it cannot seek.

    read(n) returns n bytes unless the stream ended: s3transfer takes a short first read to mean
    "smaller than multipart_threshold" and would then send one PutObject of the whole stream,
    read into memory, so a pipe's short reads must be filled up here."""

    def __init__(self, raw):
        self.raw, self.count = raw, 0

    def read(self, n=-1):
        if n is None or n < 0:
            data = self.raw.read()
        else:
            parts, left = [], n
            while left:
                chunk = self.raw.read(left)
                if not chunk:
                    break
                parts.append(chunk)
                left -= len(chunk)
            data = parts[0] if len(parts) == 1 else b"".join(parts)
        self.count += len(data)
        return data

    def seekable(self):
        return False


def row_source(a):
    """Yields record batches and accumulates generation time (wall and this thread's CPU)."""
    import pyarrow as pa
    import wide_table
    timing = {"wall": 0.0, "cpu": 0.0}

    def timed(iterator):
        while True:
            w, c = time.perf_counter(), time.thread_time()
            try:
                batch = next(iterator)
            except StopIteration:
                return
            finally:
                timing["wall"] += time.perf_counter() - w
                timing["cpu"] += time.thread_time() - c
            yield batch

    if a.from_ipc:
        reader = pa.ipc.open_stream(pa.OSFile(a.from_ipc, "rb"))
        def limited():
            left = a.rows
            for batch in reader:
                if left <= 0:
                    return
                yield batch.slice(0, left) if batch.num_rows > left else batch
                left -= batch.num_rows
        return timed(limited()), timing
    return timed(wide_table.batches(a.rows, a.chunk)), timing


def run_one_format(a):
    import boto3
    from boto3.s3.transfer import TransferConfig
    from botocore.config import Config

    c = connection(a)
    s3 = boto3.client("s3", endpoint_url=c["endpoint"], region_name=c["region"], aws_access_key_id=c["access_key"],
                      aws_secret_access_key=c["secret_key"],
                      config=Config(s3={"addressing_style": "path"}, max_pool_connections=max(10, 2 * a.concurrency),
                                    retries={"mode": "standard", "max_attempts": 3}))
    transfer = TransferConfig(multipart_threshold=a.part_size, multipart_chunksize=a.part_size,
                              max_concurrency=a.concurrency, use_threads=True)
    fmt = a.one_format
    deadline = time.monotonic() + a.max_seconds
    baseline = rss_mib()
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    batches, gen = row_source(a)
    rows = objects = nbytes = 0
    keys = []
    pending = None
    exhausted = False
    while not exhausted:
        pending = pending or next(batches, None)
        if pending is None and objects > 0:
            break  # an exact split: no empty tail object
        key = f"{a.prefix.rstrip('/')}/{fmt}/part-{objects:05d}.{FORMATS[fmt]}"
        object_rows = 0
        upload_error = []
        if a.spool == "pipe":
            r, w = os.pipe()
            reader = CountingReader(os.fdopen(r, "rb", buffering=0))
            sink = os.fdopen(w, "wb", buffering=1 << 20)

            def upload(reader=reader, key=key):
                try:
                    s3.upload_fileobj(reader, c["bucket"], key, Config=transfer)
                except BaseException as e:  # reported after the writer finishes
                    upload_error.append(e)
                finally:
                    reader.raw.close()
            uploader = threading.Thread(target=upload, daemon=True)
            uploader.start()
        else:
            spool = tempfile.NamedTemporaryFile(prefix="peer-", suffix="." + FORMATS[fmt], dir=a.spool_dir,
                                                delete=False)
            sink = spool
        writer = None
        try:
            while a.rows_per_object == 0 or object_rows < a.rows_per_object:
                if time.monotonic() > deadline:
                    raise SystemExit(f"--max-seconds {a.max_seconds:g} reached after {rows} rows")
                batch = pending or next(batches, None)
                pending = None
                if batch is None:
                    exhausted = True
                    break
                if a.rows_per_object and object_rows + batch.num_rows > a.rows_per_object:
                    take = a.rows_per_object - object_rows
                    batch, pending = batch.slice(0, take), batch.slice(take)
                if writer is None:
                    writer = FormatWriter(fmt, sink, batch.schema)
                writer.write(batch)
                object_rows += batch.num_rows
            if writer is not None:
                writer.close()
            sink.close()
        except BrokenPipeError:
            if not upload_error:  # the reader went away without saying why: never report success
                upload_error.append(RuntimeError("upload stopped reading the stream"))
        finally:
            try:
                sink.close()
            except OSError:
                pass
        if a.spool == "pipe":
            uploader.join(max(1.0, deadline - time.monotonic()))
            if uploader.is_alive():
                raise SystemExit(f"upload of {key} still running at --max-seconds")
            if upload_error:
                raise SystemExit(f"upload of {key} failed: {upload_error[0]}")
            size = reader.count
        else:
            size = os.path.getsize(spool.name)
            try:
                s3.upload_file(spool.name, c["bucket"], key, Config=transfer)
            finally:
                os.unlink(spool.name)
        rows += object_rows
        nbytes += size
        objects += 1
        keys.append((key, size))
    wall = time.perf_counter() - t0
    cpu = cpu_seconds() - cpu0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for key, size in keys:  # outside the timing: every object is there with the bytes written
        got = s3.head_object(Bucket=c["bucket"], Key=key)["ContentLength"]
        if got != size:
            raise SystemExit(f"{key}: server has {got} bytes, {size} were written")
    work_wall = max(wall - gen["wall"], 1e-9)
    return {"format": fmt, "spool": a.spool, "rows": rows, "objects": objects, "bytes": nbytes,
            "wall_s": round(wall, 3), "rows_per_s": round(rows / wall), "mb_per_s": round(nbytes / wall / 1e6, 2),
            "cpu_s": round(cpu, 3), "gen_wall_s": round(gen["wall"], 3), "gen_cpu_s": round(gen["cpu"], 3),
            "rows_per_s_excl_gen": round(rows / work_wall), "cpu_s_excl_gen": round(cpu - gen["cpu"], 3),
            "peak_rss_mib": round(peak, 1), "baseline_rss_mib": round(baseline, 1)}


# --- orchestration ------------------------------------------------------------------------------

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--endpoint")
    p.add_argument("--bucket")
    p.add_argument("--region")
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--chunk", type=int, default=10_000, help="rows per generated record batch")
    p.add_argument("--from-ipc", help="read rows from this Arrow IPC stream instead of generating them")
    p.add_argument("--formats", default="csv,jsonl,parquet")
    p.add_argument("--rows-per-object", type=int, default=0, help="split into objects of N rows (0 = one)")
    p.add_argument("--part-size", type=int, default=5 * 1024 * 1024)
    p.add_argument("--concurrency", type=int, default=5)
    p.add_argument("--spool", choices=["pipe", "file"], default="pipe")
    p.add_argument("--spool-dir", default=None, help="temporary files for --spool file (default: $TMPDIR)")
    p.add_argument("--prefix", default="bench/peer-pyarrow-boto3")
    p.add_argument("--out", help="also write the JSON document here")
    p.add_argument("--max-seconds", type=float, default=3600, help="give up after this long (all formats)")
    p.add_argument("--one-format", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.rows < 0 or a.rows_per_object < 0 or a.chunk < 1 or a.concurrency < 1 or a.part_size < 1:
        raise SystemExit("--rows/--rows-per-object must be >= 0; --chunk, --concurrency, --part-size >= 1")
    if a.one_format:
        print(json.dumps(run_one_format(a)), flush=True)
        return
    connection(a)  # fail early with a clear message
    formats = [f.strip() for f in a.formats.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise SystemExit(f"unknown format(s) {unknown}: choose from {', '.join(FORMATS)}")
    deadline = time.monotonic() + a.max_seconds
    results = []
    for fmt in formats:
        left = deadline - time.monotonic()
        if left <= 0:
            raise SystemExit(f"--max-seconds {a.max_seconds:g} reached before format {fmt}")
        argv = [sys.executable, os.path.abspath(__file__), "--one-format", fmt, "--max-seconds", f"{left:.1f}"]
        for name in ("endpoint", "bucket", "region", "rows", "chunk", "from_ipc", "rows_per_object", "part_size",
                     "concurrency", "spool", "spool_dir", "prefix"):
            value = getattr(a, name)
            if value is not None:
                argv += [f"--{name.replace('_', '-')}", str(value)]
        try:
            proc = subprocess.run(argv, stdout=subprocess.PIPE, text=True, timeout=left + 30)
        except subprocess.TimeoutExpired:
            raise SystemExit(f"format {fmt} did not finish within --max-seconds")
        if proc.returncode != 0:
            raise SystemExit(f"format {fmt} failed (exit {proc.returncode}); see its message above")
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    doc = {"peer": "pyarrow+boto3", "pyarrow_writers": True, "results": results}
    text = json.dumps(doc, indent=1)
    if a.out:
        with open(a.out, "w") as f:
            f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
