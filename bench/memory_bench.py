#!/usr/bin/env python3
"""Peak memory of the plugin (`make bench`, issue 4 and 5): many tables at once, and one
`no_rotate` table that keeps growing.

    memory_bench.py [--scenarios tables,no-rotate] [--formats json,csv,parquet]
                    [--tables 200] [--rows-per-table 10000] [--insert-rows 2000]
                    [--sizes-gb 1,2,4] [--big] [--no-rotate-format parquet] [--pool-mb 256]
                    [--target sink|rgw] [--rgw-env FILE] [--spec-extra JSON]
                    [--max-seconds 3600] [--out-dir bench-results]

tables     --tables tables (the wide table of wide_table.py under different names) streamed at
           once: MigrateTable for all, then Inserts of --insert-rows rows round-robin across
           the tables until each has --rows-per-table rows. With the default batch_size
           (10000 rows) every table has an object open until the last round, so 200 open
           objects and their part buffers coexist. One run per format.
no-rotate  One table with `no_rotate: true` (path without {{UUID}}: one object for the whole
           sync) fed 1, 2, 4 GB (--big: also 5 GB) of Arrow IPC input, one fresh plugin per
           size. A pool of distinct rows (--pool-mb of input) is built once and sent over and
           over, so input size is not bounded by disk or generation speed; rows repeat after
           the pool, which an encoder does not care about. Peak RSS per size shows whether
           memory stays flat as the object grows; the JSON also has VmRSS samples over time.

The plugin ($CQ_DEST_S3_BIN, else .build/release, else .build/debug) is fed over the stdio
transport from pre-built frames (bench/stdio_client.py), into the bench sink (started here,
stopped by PID; bodies discarded, so the run is fast) or RGW (--target rgw). Measured: peak RSS
(wait4 ru_maxrss), CPU s, wall s, input and output bytes. A format refused at Init is reported
"not supported". Results: a table on stdout, Markdown + JSON in --out-dir.
"""
import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import threading
import time
import uuid

import run_bench  # targets, sink, machine facts
from run_bench import MB, Sink, fmt_num, machine_facts, plugin_binary, rgw_target, short_error, stderr_tail

GB = 1e9


# --- streams ---------------------------------------------------------------------------------------

def tables_stream(path, tables, rows_per_table, insert_rows):
    """MigrateTable × tables, then round-robin Inserts; returns the WriteStreamFile (counts)."""
    import pyarrow as pa
    import wide_table
    from stdio_client import WriteStreamFile
    names = [f"bench_wide_t{i:03d}" for i in range(tables)]
    schemas = {n: wide_table.schema(n) for n in names}
    with WriteStreamFile(path) as out:
        for n in names:
            out.migrate(schemas[n])
        done = 0
        while done < rows_per_table:
            n_rows = min(insert_rows, rows_per_table - done)
            batch = wide_table.record_batch(done, n_rows)
            for n in names:  # same rows, each table's own schema metadata (cq:table_name)
                out.insert(pa.RecordBatch.from_arrays(batch.columns, schema=schemas[n]))
            done += n_rows
        out.end()
    return out


class InsertPool:
    """Insert frames of distinct rows in one file, with each frame's end offset, so a stream of
    any input size can be sent as whole inserts: the pool again and again, then a prefix."""

    def __init__(self, path, pool_bytes, insert_rows):
        import wide_table
        from stdio_client import WriteStreamFile
        self.path = path
        self.schema = wide_table.schema()
        self.ends, self.inputs, self.rows = [], [], []  # per insert: frame end offset, input bytes, rows
        with WriteStreamFile(path) as out:
            start = 0
            while out.input_bytes < pool_bytes:
                before_bytes, before_rows = out.input_bytes, out.rows
                out.insert(wide_table.record_batch(start, insert_rows))
                start += insert_rows
                out.file.flush()
                self.ends.append(out.file.tell())
                self.inputs.append(out.input_bytes - before_bytes)
                self.rows.append(out.rows - before_rows)
        self.total_input = sum(self.inputs)

    def plan(self, target_bytes):
        """(whole pool repeats, inserts of the last partial pass) to reach target_bytes of input."""
        repeats = int(target_bytes // self.total_input)
        left, k = target_bytes - repeats * self.total_input, 0
        while left > 0 and k < len(self.inputs):
            left -= self.inputs[k]
            k += 1
        return repeats, k

    def send(self, plugin, target_bytes):
        """Sends inserts totalling at least target_bytes of Arrow input. Returns (rows, input bytes)."""
        repeats, k = self.plan(target_bytes)
        for _ in range(repeats):
            plugin.send_file(self.path)
        if k:
            plugin.send_file(self.path, 0, self.ends[k - 1])
        rows = repeats * sum(self.rows) + sum(self.rows[:k])
        return rows, repeats * self.total_input + sum(self.inputs[:k])


# --- one measured plugin run ------------------------------------------------------------------------

class RSSSampler(threading.Thread):
    """VmRSS of the plugin every `interval` s, for the over-time view of the no_rotate runs."""

    def __init__(self, pid, interval=0.5):
        super().__init__(daemon=True)
        self.pid, self.interval, self.samples = pid, interval, []
        self.stop = threading.Event()
        self.t0 = time.monotonic()

    def run(self):
        from stdio_client import rss_mib
        while not self.stop.wait(self.interval):
            rss = rss_mib(self.pid)
            if rss is None:
                return
            self.samples.append((round(time.monotonic() - self.t0, 2), round(rss, 1)))


def measured_run(binary, target, spec, log, deadline, feed):
    """Init with spec, feed(plugin) sends the Write stream (ending with end_of_stream), then the
    Write reply and Close. Returns a dict of measurements and status."""
    from stdio_client import (DeadlineExceeded, InitRefused, PluginProcess, ProtocolError, RPCError, WRITE,
                              envelope)
    target.reset_stats()
    out = {"status": "ok"}
    plugin = PluginProcess(binary, target.plugin_env(), log, deadline)
    sampler = RSSSampler(plugin.proc.pid)
    try:
        plugin.init(spec)
        sampler.start()
        t0 = time.perf_counter()
        out.update(feed(plugin, WRITE, envelope))
        plugin.finish_write()
        plugin.close_plugin()
        out["wall_s"] = round(time.perf_counter() - t0, 3)
    except InitRefused as e:
        out = {"status": "not supported", "error": short_error(e.status_message)}
    except DeadlineExceeded as e:
        out = {"status": "failed: timed out", "error": str(e)}
    except (RPCError, ProtocolError) as e:
        out = {"status": "failed", "error": short_error(f"{e}; plugin log: {stderr_tail(log)}")}
    finally:
        sampler.stop.set()
        usage = plugin.wait()
    if out["status"] == "ok" and usage.exit_code != 0:
        out = {"status": "failed", "error": f"plugin exited with {usage.exit_code}: {stderr_tail(log)}"}
    if out["status"] != "not supported":  # a refused Init measures nothing worth a number
        out.update(cpu_s=round(usage.cpu_s, 3), peak_rss_mib=round(usage.peak_rss_mib, 1),
                   peak_rss_source=usage.peak_rss_source, rss_samples=sampler.samples)
    out["max_requests_in_flight"] = requests_in_flight(log)
    stats = target.stats()
    if stats:
        out["sink"] = {k: stats.get(k) for k in ("max_parts_in_flight", "max_in_flight", "parts_uploaded",
                                                  "objects_put", "multipart_completed", "multipart_aborted")}
    return out


def requests_in_flight(log):
    """The most S3 requests the plugin had in flight at once, from its `write finished` log line."""
    most = None
    try:
        with open(log, errors="replace") as f:
            for line in f:
                if "write finished" in line:
                    try:
                        value = json.loads(line).get("max_requests_in_flight")
                    except ValueError:
                        continue
                    if value is not None:
                        most = max(most or 0, int(value))
    except OSError:
        pass
    return most


def rows_in(body, fmt):
    import io
    if fmt == "json":
        return len(body.splitlines())
    if fmt == "csv":
        import csv
        return sum(1 for _ in csv.reader(io.StringIO(body.decode()))) - 1  # the header
    import pyarrow.parquet as pq
    return pq.ParquetFile(io.BytesIO(body)).metadata.num_rows


def verify_tables(target, prefix, fmt, rows_per_table):
    """Per table under prefix: objects and rows (read back). Returns {"tables", "objects_per_table": [min, max],
    "bad": [tables whose rows differ from rows_per_table]}."""
    client = target.client()
    per_table = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=target.bucket, Prefix=prefix + "/"):
        for obj in page.get("Contents", []):
            table = obj["Key"][len(prefix) + 1:].split("/")[0]
            body = client.get_object(Bucket=target.bucket, Key=obj["Key"])["Body"].read()
            objects, rows = per_table.get(table, (0, 0))
            per_table[table] = (objects + 1, rows + rows_in(body, fmt))
    counts = [objects for objects, _ in per_table.values()] or [0]
    return {"tables": len(per_table), "objects_per_table": [min(counts), max(counts)],
            "bad": sorted(t for t, (_, rows) in per_table.items() if rows != rows_per_table)}


def halves(samples):
    """Max VmRSS in the first and second half of the run: close together = flat."""
    if len(samples) < 4:
        return None, None
    mid = len(samples) // 2
    return max(s for _, s in samples[:mid]), max(s for _, s in samples[mid:])


# --- main -----------------------------------------------------------------------------------------

def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scenarios", default="tables,no-rotate")
    p.add_argument("--formats", default="json,csv,parquet", help="formats of the tables scenario")
    p.add_argument("--tables", type=int, default=200)
    p.add_argument("--rows-per-table", type=int, default=10_000)
    p.add_argument("--insert-rows", type=int, default=2_000, help="rows per insert (tables scenario)")
    p.add_argument("--sizes-gb", default="1,2,4", help="input sizes of the no-rotate scenario (GB = 1e9 bytes)")
    p.add_argument("--big", action="store_true", help="add a 5 GB no-rotate run")
    p.add_argument("--no-rotate-format", default="parquet")
    p.add_argument("--no-rotate-insert-rows", type=int, default=10_000)
    p.add_argument("--pool-mb", type=float, default=256, help="distinct input of the no-rotate pool (MB)")
    p.add_argument("--target", choices=["sink", "rgw"], default="sink")
    p.add_argument("--rgw-env", help="env file of `scripts/rgw.py up` (for --target rgw)")
    p.add_argument("--spec-extra", default="{}", help="JSON object merged into the plugin spec")
    p.add_argument("--work-dir")
    p.add_argument("--out-dir", default=os.path.join(run_bench.REPO, "bench-results"))
    p.add_argument("--verify-rows", action="store_true",
                   help="tables scenario on rgw: read every object back and check each table's rows and objects")
    p.add_argument("--max-seconds", type=float, default=3600)
    p.add_argument("--run-max-seconds", type=float, default=1800)
    a = p.parse_args()
    a.scenario_list = [s.strip() for s in a.scenarios.split(",") if s.strip()]
    if set(a.scenario_list) - {"tables", "no-rotate"}:
        raise SystemExit("--scenarios: choose from tables, no-rotate")
    a.format_list = ["json" if f.strip() == "jsonl" else f.strip() for f in a.formats.split(",") if f.strip()]
    if set(a.format_list) - {"csv", "json", "parquet"} or a.no_rotate_format not in ("csv", "json", "parquet"):
        raise SystemExit("formats: choose from csv, json, parquet")
    try:
        a.sizes = [float(x) for x in a.sizes_gb.split(",") if x.strip()] + ([5.0] if a.big else [])
        a.spec_extra = json.loads(a.spec_extra)
        assert isinstance(a.spec_extra, dict)
    except (ValueError, AssertionError):
        raise SystemExit("--sizes-gb takes numbers like 1,2,4; --spec-extra a JSON object")
    if min([a.tables, a.rows_per_table, a.insert_rows, a.no_rotate_insert_rows] + a.sizes) <= 0 or a.pool_mb <= 0:
        raise SystemExit("--tables, --rows-per-table, --insert-rows, --sizes-gb, --pool-mb must be > 0")
    return a


def markdown(doc):
    m = doc["machine"]
    lines = [f"# cq-dest-s3 memory benchmark — {m['date']}", "",
             f"{m['nproc']} × {m['cpu_model']}, {m['mem_total_gib']} GiB RAM; commit `{m['git_commit'][:12]}`; "
             f"plugin `{m.get('plugin_binary')}` ({m.get('plugin_build')} build); target {doc['settings']['target']}.",
             "", f"Settings: {json.dumps(doc['settings'], sort_keys=True)}", "",
             "| scenario | format | input GB | rows | objects | MB written | wall s | CPU s | peak RSS MiB | "
             "RSS max 1st/2nd half | requests in flight (max) | status |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in doc["results"]:
        h1, h2 = halves(r.get("rss_samples") or [])
        mb = r["bytes"] / MB if r.get("bytes") is not None else None
        lines.append(f"| {r['scenario']} | {r['format']} | {fmt_num(r.get('input_gb'))} | {fmt_num(r.get('rows'))} | "
                     f"{fmt_num(r.get('objects'))} | {fmt_num(mb, 1)} | {fmt_num(r.get('wall_s'))} | "
                     f"{fmt_num(r.get('cpu_s'))} | {fmt_num(r.get('peak_rss_mib'))} | "
                     f"{fmt_num(h1)} / {fmt_num(h2)} | {fmt_num(r.get('max_requests_in_flight'))} | {r['status']} |")
    notes = [f"{r['scenario']} {r['format']} {fmt_num(r.get('input_gb'))}: {r['error']}"
             for r in doc["results"] if r.get("error")]
    if notes:
        lines += ["", "## Notes", ""] + [f"- {n}" for n in notes]
    return "\n".join(lines) + "\n"


def main():
    a = parse_args()
    binary = plugin_binary()
    work = a.work_dir or tempfile.mkdtemp(prefix="cq-membench-")
    os.makedirs(work, exist_ok=True)
    run_id = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    deadline = time.monotonic() + a.max_seconds
    results, sink = [], None

    def run_deadline():
        return time.monotonic() + max(0.0, min(a.run_max_seconds, deadline - time.monotonic()))

    def report(r):
        results.append(r)
        shown = r["status"] if r["status"] != "ok" else (
            f"peak RSS {r['peak_rss_mib']} MiB, cpu {r['cpu_s']}s, wall {r['wall_s']}s, {r.get('objects')} objects")
        print(f"membench: {r['scenario']:<9} {r['format']:<8} {fmt_num(r.get('input_gb')):>6} GB  {shown}",
              file=sys.stderr, flush=True)

    try:
        if a.target == "rgw":
            target = rgw_target(a.rgw_env)
            if target is None:
                raise SystemExit("--target rgw needs --rgw-env FILE or S3_TEST_* variables")
        else:
            sink = Sink(a.max_seconds + 600, os.path.join(work, "sink.log"))
            target = sink.target()

        if "tables" in a.scenario_list:
            frames = os.path.join(work, "tables.frames")
            stream = tables_stream(frames, a.tables, a.rows_per_table, a.insert_rows)
            for fmt in a.format_list:
                base = {"scenario": f"{a.tables} tables", "format": fmt, "rows": stream.rows,
                        "input_gb": round(stream.input_bytes / GB, 3)}
                if deadline - time.monotonic() < 5:
                    report(dict(base, status="skipped: --max-seconds budget spent"))
                    continue
                prefix = f"bench-mem/{run_id}/tables/{fmt}"
                spec = target.spec(fmt, prefix + "/{{TABLE}}/{{UUID}}.{{FORMAT}}", a.spec_extra)

                def feed(plugin, *_):
                    plugin.send_file(frames)  # the whole pre-built stream, end_of_stream included
                    return {}

                r = measured_run(binary, target, spec, os.path.join(work, f"plugin-tables-{fmt}.log"),
                                 run_deadline(), feed)
                r.update(base)
                if r["status"] == "ok":
                    r["objects"], r["bytes"] = target.list_prefix(prefix)
                    if a.verify_rows:
                        r["verified"] = verify_tables(target, prefix, fmt, a.rows_per_table)
                target.delete_prefix(prefix)
                report(r)
            os.remove(frames)

        if "no-rotate" in a.scenario_list:
            pool = InsertPool(os.path.join(work, "pool.frames"), a.pool_mb * MB, a.no_rotate_insert_rows)
            fmt = a.no_rotate_format
            for size in a.sizes:
                base = {"scenario": "no_rotate", "format": fmt, "input_gb": size}
                if deadline - time.monotonic() < 5:
                    report(dict(base, status="skipped: --max-seconds budget spent"))
                    continue
                prefix = f"bench-mem/{run_id}/no-rotate/{fmt}/{size:g}gb"
                spec = target.spec(fmt, prefix + "/{{TABLE}}.{{FORMAT}}", dict(a.spec_extra, no_rotate=True))

                def feed(plugin, write, envelope, size=size):
                    from stdio_client import ipc_bytes
                    from cloudquery.plugin_v3 import plugin_pb2
                    plugin.send(write, plugin_pb2.Write.Request(migrate_table=plugin_pb2.Write.MessageMigrateTable(
                        table=ipc_bytes(pool.schema).to_pybytes())).SerializeToString())
                    rows, input_bytes = pool.send(plugin, size * GB)
                    plugin.send(write, end_of_stream=True)
                    return {"rows": rows, "input_bytes": input_bytes}

                r = measured_run(binary, target, spec, os.path.join(work, f"plugin-no-rotate-{size:g}.log"),
                                 run_deadline(), feed)
                r.update(base)
                if r["status"] == "ok":
                    r["objects"], r["bytes"] = target.list_prefix(prefix)
                    if r["objects"] != 1:
                        r["error"] = f"expected one object with no_rotate, found {r['objects']}"
                target.delete_prefix(prefix)
                report(r)
            os.remove(pool.path)
    finally:
        if sink:
            sink.stop()

    settings = {k: getattr(a, k) for k in ("scenario_list", "format_list", "tables", "rows_per_table", "insert_rows",
                                           "sizes", "no_rotate_format", "no_rotate_insert_rows", "pool_mb",
                                           "target", "spec_extra")}
    doc = {"machine": machine_facts(binary), "settings": settings, "results": results}
    text = markdown(doc)
    os.makedirs(a.out_dir, exist_ok=True)
    base = os.path.join(a.out_dir, f"memory-{run_id.split('-')[0]}")
    with open(base + ".md", "w") as f:
        f.write(text)
    with open(base + ".json", "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(text)
    print(f"membench: results in {base}.md and {base}.json", file=sys.stderr)
    if not a.work_dir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
