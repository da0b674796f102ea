#!/usr/bin/env python3
"""`make bench`: cq-dest-s3 against the peers a user would use instead, on the same wide table.

    run_bench.py [--rows 1000000[,10000000]] [--formats csv,json,parquet] [--targets rgw,sink]
                 [--rgw-env .testbed/bench-rgw/env] [--insert-rows 10000] [--rows-per-object 10000]
                 [--cli-format auto] [--cli-target sink] [--curl-mib 1024] [--no-peers] [--no-cli]
                 [--spec-extra '{"part_size": 16777216}'] [--max-seconds 7200] [--out-dir bench-results]

For every size and target (RGW, and a local sink that discards bodies so our own cost shows
apart from the server's) and every format:
  ours (stdio)  the plugin binary ($CQ_DEST_S3_BIN, else .build/release, else .build/debug) fed
                over the stdio transport: MigrateTable + Inserts of --insert-rows rows, pre-built
                into a file of frames and copied with sendfile(2), so no Arrow/protobuf work of
                the client is measured. A format refused at Init is reported "not supported".
  peer          bench/peer_pyarrow_boto3.py: pyarrow writers + boto3 upload of the same rows,
                objects of --rows-per-object rows like the plugin's batch_size (IPC read excluded).
Once per run: ours through the real CloudQuery CLI ($CLOUDQUERY_BIN, source bench/wide_source.py
over gRPC; the plugin runs under a wrapper that reaps it with wait4(2)), and per target
bench/peer_curl.py (`curl --aws-sigv4`, one --curl-mib object).

Measured per run: wall s, rows/s, MB/s of the bytes written (sum of the objects' sizes as
listed by the server), CPU s of the writing process (wait4 rusage user+sys), its peak RSS (for
the plugin VmHWM from /proc, read before it exits: wait4's ru_maxrss would include this script's
own RSS, which Linux folds into a spawned child's high-water mark), and our ratio to each peer. The wide table is written once per size with
`wide_table.py --out` before anything is timed. Objects are deleted after each run (RGW's
memstore holds them in RAM). Results: a table on stdout, and Markdown + JSON in --out-dir with
the machine facts. Every server this script starts (the sink, the source plugin) is stopped by
PID; the whole run gives up after --max-seconds (remaining runs are reported as skipped).

Connection to RGW: --rgw-env FILE (the env file of `scripts/rgw.py up --dir DIR`), else the
S3_TEST_* variables; without either, the RGW target is skipped with a note.
"""
import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

PEER_FORMAT = {"csv": "csv", "json": "jsonl", "parquet": "parquet"}  # the plugin says json, the peer jsonl
CLI_FORMAT_PREFERENCE = ["parquet", "csv", "json"]
MB = 1e6


# --- measuring a child of another program (the CLI's plugin) -----------------------------------

def measure_child(argv):
    """`run_bench.py --measure-child OUT -- PROGRAM ARGS...`: runs PROGRAM, forwards the signals
    the CLI uses to stop plugins, reaps it with wait4(2) and writes its usage as JSON to OUT.

    Peak RSS is VmHWM polled every 50 ms (the CLI stops the plugin, so there is no moment to read
    it "just before exit"); wait4's ru_maxrss is kept too, but it also counts this wrapper's own
    RSS, which Linux folds into a spawned child's high-water mark at exec."""
    import threading
    from stdio_client import proc_status_mib
    if len(argv) < 4 or argv[2] != "--":
        raise SystemExit("usage: run_bench.py --measure-child OUT -- PROGRAM [ARGS...]")
    out, program = argv[1], argv[3:]
    t0 = time.monotonic()
    proc = subprocess.Popen(program)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda s, _f: proc.send_signal(s))
    hwm = [0.0]
    done = threading.Event()

    def poll():
        while not done.wait(0.05):
            value = proc_status_mib(proc.pid, "VmHWM")
            if value is not None:
                hwm[0] = max(hwm[0], value)

    threading.Thread(target=poll, daemon=True).start()
    _, status, ru = os.wait4(proc.pid, 0)  # retried by Python when a forwarded signal interrupts it
    done.set()
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    with open(out, "w") as f:
        json.dump({"exit_code": code, "cpu_s": ru.ru_utime + ru.ru_stime,
                   "peak_rss_mib": hwm[0] or ru.ru_maxrss / 1024, "ru_maxrss_mib": ru.ru_maxrss / 1024,
                   "wall_s": time.monotonic() - t0}, f)
    sys.exit(code if code >= 0 else 128 - code)


# --- small process helpers ------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop_pid(proc, name, seconds=10):
    """SIGTERM the process we started (by its PID), SIGKILL if it lingers."""
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        print(f"bench: {name} (pid {proc.pid}) ignored SIGTERM; killing it", file=sys.stderr)
        proc.kill()
        proc.wait()


def wait_port(port, proc, seconds, name):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited with {proc.returncode} before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{name} did not listen on 127.0.0.1:{port} within {seconds}s")


def run_measured(argv, env, deadline, stdout=None, stderr=None, cwd=None):
    """Runs argv to completion (killed at deadline). Returns (exit code, wall s, cpu s, peak RSS MiB)
    from wait4(2) of the process (its waited-for descendants' CPU included by the kernel)."""
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdout=stdout, stderr=stderr, cwd=cwd)
    killed = False
    while True:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline and not killed:
            proc.kill()
            killed = True
        time.sleep(0.02)
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    return code, time.monotonic() - t0, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, killed


# --- targets --------------------------------------------------------------------------------------

class Target:
    """An S3 endpoint the bench writes to: 'rgw' or 'sink'."""

    def __init__(self, name, endpoint, bucket, region, access_key, secret_key, stats_url=None, ceph_conf=None):
        self.name, self.endpoint, self.bucket, self.region = name, endpoint, bucket, region
        self.access_key, self.secret_key, self.stats_url = access_key, secret_key, stats_url
        self.ceph_conf = ceph_conf  # RGW only: lets us run its garbage collector after deletes
        self._client = None

    def plugin_env(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update(AWS_ACCESS_KEY_ID=self.access_key, AWS_SECRET_ACCESS_KEY=self.secret_key,
                   AWS_REGION=self.region, AWS_EC2_METADATA_DISABLED="true")
        return env

    def peer_env(self):
        env = self.plugin_env()
        env.update(S3_TEST_ACCESS_KEY=self.access_key, S3_TEST_SECRET_KEY=self.secret_key)
        return env

    def spec(self, fmt, path, extra):
        spec = {"bucket": self.bucket, "region": self.region, "endpoint": self.endpoint, "use_path_style": True,
                "path": path, "format": fmt, "test_write": False}
        spec.update(extra)
        return spec

    def client(self):
        if self._client is None:
            import boto3
            from botocore.config import Config
            self._client = boto3.client("s3", endpoint_url=self.endpoint, region_name=self.region,
                                        aws_access_key_id=self.access_key, aws_secret_access_key=self.secret_key,
                                        config=Config(s3={"addressing_style": "path"},
                                                      retries={"mode": "standard", "max_attempts": 5}))
        return self._client

    def list_prefix(self, prefix):
        """(objects, bytes) under prefix."""
        count = size = 0
        for page in self.client().get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix):
            for obj in page.get("Contents", []):
                count += 1
                size += obj["Size"]
        return count, size

    def delete_prefix(self, prefix):
        """Deletes what a run wrote (RGW's memstore keeps objects in RAM), and aborts any
        multipart upload left open under the prefix."""
        s3 = self.client()
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix):
            keys = [{"Key": o["Key"]} for o in page.get("Contents", [])]
            if keys:
                s3.delete_objects(Bucket=self.bucket, Delete={"Objects": keys, "Quiet": True})
        for upload in s3.list_multipart_uploads(Bucket=self.bucket, Prefix=prefix).get("Uploads", []):
            s3.abort_multipart_upload(Bucket=self.bucket, Key=upload["Key"], UploadId=upload["UploadId"])
        self.collect_garbage()

    def collect_garbage(self):
        """RGW frees the data of deleted multi-stripe objects only in its garbage collector
        (hours later by default); run it now, or memstore fills up over a 10 M-row bench."""
        if not self.ceph_conf or not shutil.which("radosgw-admin"):
            return
        try:
            subprocess.run(["radosgw-admin", "-c", self.ceph_conf, "gc", "process", "--include-all"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600, check=False)
        except subprocess.TimeoutExpired:
            print("bench: radosgw-admin gc process did not finish in 600 s", file=sys.stderr)

    def open_uploads(self, prefix):
        return len(self.client().list_multipart_uploads(Bucket=self.bucket, Prefix=prefix).get("Uploads", []))

    def reset_stats(self):
        if self.stats_url:
            import urllib.request
            urllib.request.urlopen(urllib.request.Request(self.stats_url, method="DELETE"), timeout=10).read()

    def stats(self):
        if not self.stats_url:
            return None
        import urllib.request
        return json.loads(urllib.request.urlopen(self.stats_url, timeout=10).read())


class Sink:
    """bench/sink_server.py started by us, stopped by its PID."""

    def __init__(self, max_seconds, log_path):
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen([sys.executable, os.path.join(HERE, "sink_server.py"), "--listen", "0",
                                      "--max-seconds", str(int(max_seconds))],
                                     stdout=subprocess.PIPE, stderr=self.log)
        line = self._ready_line(30)
        if not line.startswith("READY "):
            self.stop()
            raise RuntimeError(f"sink_server.py did not start: {line!r} (log: {log_path})")
        self.address = line.split()[1]

    def _ready_line(self, seconds):
        import select
        ready, _, _ = select.select([self.proc.stdout], [], [], seconds)
        return self.proc.stdout.readline().decode().strip() if ready else ""

    def target(self):
        url = f"http://{self.address}"
        return Target("sink", url, "bench", "us-east-1", "bench-access-key", "bench-secret-key",
                      stats_url=f"{url}/__stats")

    def stop(self):
        stop_pid(self.proc, "sink_server.py")
        self.log.close()


def rgw_target(env_file):
    """The RGW target from an env file written by scripts/rgw.py, else from S3_TEST_*."""
    values = {}
    if env_file:
        if not os.path.isfile(env_file):
            raise SystemExit(f"--rgw-env {env_file} does not exist: start RGW with "
                             f"`scripts/rgw.py up --dir DIR` and pass DIR/env")
        for line in open(env_file):
            line = line.strip()
            if line.startswith("export ") and "=" in line:
                k, v = line[len("export "):].split("=", 1)
                values[k] = v.strip("'\"")
    else:
        values = {k: v for k, v in os.environ.items() if k.startswith("S3_TEST_")}
    needed = ["S3_TEST_ENDPOINT", "S3_TEST_BUCKET", "S3_TEST_ACCESS_KEY", "S3_TEST_SECRET_KEY"]
    if not all(values.get(k) for k in needed):
        return None
    return Target("rgw", values["S3_TEST_ENDPOINT"], values["S3_TEST_BUCKET"],
                  values.get("S3_TEST_REGION") or "us-east-1", values["S3_TEST_ACCESS_KEY"],
                  values["S3_TEST_SECRET_KEY"], ceph_conf=values.get("S3_TEST_CEPH_CONF"))


# --- machine facts ------------------------------------------------------------------------------

def machine_facts(binary):
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor() or "unknown")
    mem = next((int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal:")), 0)
    try:
        commit = subprocess.run(["git", "-C", REPO, "rev-parse", "HEAD"], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, timeout=10).stdout.strip() or "unknown"
    except (OSError, subprocess.TimeoutExpired):
        commit = "unknown"
    facts = {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), "nproc": os.cpu_count(),
             "cpu_model": cpu, "mem_total_gib": round(mem / 2**20, 1), "kernel": platform.release(),
             "git_commit": commit, "python": platform.python_version()}
    if binary:
        st = os.stat(binary)
        facts.update(plugin_binary=os.path.relpath(binary, REPO) if binary.startswith(REPO) else binary,
                     plugin_build="release" if "/release/" in binary else "debug" if "/debug/" in binary else "?",
                     plugin_mtime=dt.datetime.fromtimestamp(st.st_mtime, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
    try:
        import pyarrow
        facts["pyarrow"] = pyarrow.__version__
    except ImportError:
        pass
    for module in ("duckdb", "polars"):
        try:
            facts[module] = __import__(module).__version__
        except ImportError:
            pass
    return facts


def plugin_binary():
    path = os.environ.get("CQ_DEST_S3_BIN")
    if path:
        if not os.access(path, os.X_OK):
            raise SystemExit(f"CQ_DEST_S3_BIN={path} is not an executable: build it (make build)")
        return os.path.abspath(path)
    for build in ("release", "debug"):
        candidate = os.path.join(REPO, ".build", build, "cq-dest-s3")
        if os.access(candidate, os.X_OK):
            return candidate
    raise SystemExit("no plugin binary: set CQ_DEST_S3_BIN or build one (`make build` or "
                     "`swift build -c release`)")


# --- one result row -------------------------------------------------------------------------------

def result(who, target, fmt, rows, status="ok", **kw):
    r = {"who": who, "target": target, "format": fmt, "rows": rows, "status": status, "objects": None,
         "bytes": None, "wall_s": None, "rows_per_s": None, "mb_per_s": None, "cpu_s": None, "peak_rss_mib": None}
    r.update(kw)
    return derive(r)


def derive(r):
    """Fills rows/s and MB/s from rows, bytes and wall s; rounds the measurements."""
    if r["status"] == "ok" and r["wall_s"]:
        if r["rows"]:
            r["rows_per_s"] = round(r["rows"] / r["wall_s"])
        if r["bytes"] is not None:
            r["mb_per_s"] = round(r["bytes"] / MB / r["wall_s"], 2)
    for k in ("wall_s", "cpu_s", "peak_rss_mib"):
        if isinstance(r.get(k), float):
            r[k] = round(r[k], 3 if k != "peak_rss_mib" else 1)
    return r


def short_error(message, limit=300):
    message = " ".join(str(message).split())
    return message if len(message) <= limit else message[:limit] + "…"


def max_requests_in_flight(path):
    """The most S3 requests the plugin had in flight at once: the highest `max_requests_in_flight`
    of its `write finished` summaries in its log (JSON or key=value), or None."""
    try:
        with open(path, errors="replace") as f:
            found = re.findall(r'max_requests_in_flight"?[=:]"?(\d+)', f.read())
    except OSError:
        return None
    return max(map(int, found)) if found else None


def stderr_tail(path, lines=3):
    try:
        with open(path, errors="replace") as f:
            return " | ".join(f.read().splitlines()[-lines:])
    except OSError:
        return ""


# --- the runs -------------------------------------------------------------------------------------

class Bench:
    def __init__(self, a, binary, work):
        self.a, self.binary, self.work = a, binary, work
        self.run_id = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
        self.deadline = time.monotonic() + a.max_seconds
        self.results = []
        self.refused = {}  # format -> Init's message
        self.notes = []

    def left(self):
        return self.deadline - time.monotonic()

    def run_deadline(self):
        return time.monotonic() + max(0.0, min(self.a.run_max_seconds, self.left()))

    def out_of_time(self, who, target, fmt, rows):
        if self.left() > 5:
            return False
        self.add(result(who, target, fmt, rows, status="skipped: --max-seconds budget spent"))
        return True

    def add(self, r):
        self.results.append(r)
        shown = r["status"] if r["status"] != "ok" else (
            (f"{r['rows_per_s']:,} rows/s, " if r["rows_per_s"] else "")
            + f"{r['mb_per_s']} MB/s, cpu {r['cpu_s']}s, rss {r['peak_rss_mib']} MiB")
        if r.get("max_requests_in_flight") is not None:
            shown += f", max {r['max_requests_in_flight']} requests in flight"
        print(f"bench: {r['who']:<14} {r['target']:<5} {r['format']:<8} {r['rows'] or '':>9} {shown}",
              file=sys.stderr, flush=True)

    def prefix(self, who, fmt, rows):
        return f"bench/{self.run_id}/{who}/{fmt}/{rows}"

    def spec_extra(self):
        extra = {"batch_size": self.a.rows_per_object} if self.a.rows_per_object else {}
        extra.update(self.a.spec_extra)
        return extra

    def expected_objects(self, rows):
        per = self.a.rows_per_object or 10_000  # the plugin's default batch_size
        return -(-rows // per) if rows else 0

    def guarded(self, who, target, fmt, rows, run):
        """One run; an error of the run or of the server after it (a listing that times out, a
        store the kernel killed for memory) is that run's failure, not the end of the benchmark."""
        try:
            run()
        except Exception as e:  # noqa: BLE001 - any error of one run is reported and the rest go on
            self.add(result(who, target.name, fmt, rows, status="failed",
                            error=short_error(f"{type(e).__name__}: {e}")))

    def after_write(self, target, prefix, r):
        """Counts what landed, then deletes it (not timed)."""
        objects, size = target.list_prefix(prefix)
        r["objects"], r["bytes"] = objects, size
        open_uploads = target.open_uploads(prefix)
        if open_uploads:
            r["note"] = (r.get("note", "") + f" {open_uploads} multipart uploads left open").strip()
        target.delete_prefix(prefix)

    # -- ours over stdio --

    def ours_stdio(self, target, fmt, rows, frames):
        from stdio_client import DeadlineExceeded, InitRefused, PluginProcess, ProtocolError, RPCError
        if fmt in self.refused:
            self.add(result("ours (stdio)", target.name, fmt, rows, status="not supported",
                            error=self.refused[fmt]))
            return
        if self.out_of_time("ours (stdio)", target.name, fmt, rows):
            return
        prefix = self.prefix("ours-stdio", fmt, rows)
        spec = target.spec(fmt, prefix + "/{{TABLE}}/{{UUID}}.{{FORMAT}}", self.spec_extra())
        log = os.path.join(self.work, f"plugin-{target.name}-{fmt}-{rows}.log")
        target.reset_stats()
        status, extra = "ok", {}
        plugin = PluginProcess(self.binary, target.plugin_env(), log, self.run_deadline())
        try:
            plugin.init(spec)
            t0 = time.perf_counter()
            plugin.send_file(frames)
            t_sent = time.perf_counter()
            plugin.finish_write()
            t_written = time.perf_counter()
            plugin.close_plugin()
            wall = time.perf_counter() - t0
            # Where the wall time went: reading the stream, finishing uploads after it, Close.
            phases = {"stream_s": round(t_sent - t0, 3), "write_reply_s": round(t_written - t_sent, 3),
                      "close_s": round(t0 + wall - t_written, 3)}
        except InitRefused as e:
            self.refused[fmt] = short_error(e.status_message)
            status, extra = "not supported", {"error": self.refused[fmt]}
        except DeadlineExceeded as e:
            status, extra = "failed: timed out", {"error": str(e)}
        except (RPCError, ProtocolError) as e:
            status, extra = "failed", {"error": short_error(f"{e}; plugin log: {stderr_tail(log)}")}
        finally:
            usage = plugin.wait()
        if status == "ok" and usage.exit_code != 0:
            status, extra = "failed", {"error": f"plugin exited with {usage.exit_code}: {stderr_tail(log)}"}
        if status != "ok":
            target.delete_prefix(prefix)
            self.add(result("ours (stdio)", target.name, fmt, rows, status=status, **extra))
            return
        r = result("ours (stdio)", target.name, fmt, rows, wall_s=wall, cpu_s=usage.cpu_s,
                   peak_rss_mib=usage.peak_rss_mib, peak_rss_source=usage.peak_rss_source,
                   ru_maxrss_mib=round(usage.ru_maxrss_mib, 1), plugin_user_s=round(usage.user_s, 3),
                   plugin_sys_s=round(usage.sys_s, 3), phases=phases,
                   max_requests_in_flight=max_requests_in_flight(log))
        stats = target.stats()
        if stats:
            r["sink"] = {k: stats.get(k) for k in ("max_parts_in_flight", "max_in_flight", "parts_uploaded",
                                                    "objects_put", "multipart_completed", "sink_cpu_seconds")}
        self.after_write(target, prefix, r)
        expected = self.expected_objects(rows)
        if r["objects"] != expected and not self.a.spec_extra:
            r["note"] = (r.get("note", "") + f" expected {expected} objects").strip()
        self.add(derive(r))

    # -- the peer a user would script --

    def peer(self, target, fmt, rows, ipc):
        who = "peer pyarrow+boto3"
        if self.out_of_time(who, target.name, fmt, rows):
            return
        prefix = self.prefix("peer-pyarrow-boto3", fmt, rows)
        out = os.path.join(self.work, f"peer-{target.name}-{fmt}-{rows}.json")
        budget = max(5.0, min(self.a.run_max_seconds, self.left()))
        argv = [sys.executable, os.path.join(HERE, "peer_pyarrow_boto3.py"), "--endpoint", target.endpoint,
                "--bucket", target.bucket, "--region", target.region, "--rows", str(rows), "--from-ipc", ipc,
                "--formats", PEER_FORMAT[fmt], "--rows-per-object", str(self.a.rows_per_object or 10_000),
                "--prefix", prefix, "--out", out, "--max-seconds", f"{budget:.0f}"]
        log = os.path.join(self.work, f"peer-{target.name}-{fmt}-{rows}.log")
        target.reset_stats()
        with open(log, "wb") as err:
            code, _, _, _, killed = run_measured(argv, target.peer_env(), time.monotonic() + budget + 30,
                                                 stdout=subprocess.DEVNULL, stderr=err)
        if code != 0 or not os.path.exists(out):
            target.delete_prefix(prefix)
            why = "timed out" if killed else f"exit {code}"
            self.add(result(who, target.name, fmt, rows, status=f"failed: {why}",
                            error=short_error(stderr_tail(log))))
            return
        p = json.load(open(out))["results"][0]
        # The peer reads the IPC file as it writes; its time reading is taken out, as ours is.
        wall = max(p["wall_s"] - p["gen_wall_s"], 1e-9)
        r = result(who, target.name, fmt, rows, wall_s=wall, cpu_s=p["cpu_s_excl_gen"],
                   peak_rss_mib=p["peak_rss_mib"], peer_objects=p["objects"], peer_bytes=p["bytes"],
                   peer_wall_incl_read_s=p["wall_s"])
        self.after_write(target, prefix, r)
        self.add(derive(r))

    # -- the compiled peers: DuckDB, pyarrow's C++ S3FileSystem, polars --

    def engine_peer(self, target, fmt, rows, ipc, engine):
        who = f"peer {engine}"
        if self.out_of_time(who, target.name, fmt, rows):
            return
        prefix = self.prefix(f"peer-{engine}", fmt, rows)
        out = os.path.join(self.work, f"peer-{engine}-{target.name}-{fmt}-{rows}.json")
        budget = max(5.0, min(self.a.run_max_seconds, self.left()))
        argv = [sys.executable, os.path.join(HERE, "peer_engines.py"), "--engine", engine, "--format",
                PEER_FORMAT[fmt], "--from-ipc", ipc, "--rows", str(rows), "--rows-per-object",
                str(self.a.rows_per_object or 10_000), "--endpoint", target.endpoint, "--bucket", target.bucket,
                "--region", target.region, "--prefix", prefix, "--out", out, "--max-seconds", f"{budget:.0f}"]
        log = os.path.join(self.work, f"peer-{engine}-{target.name}-{fmt}-{rows}.log")
        target.reset_stats()
        with open(log, "wb") as err:
            code, _, _, _, killed = run_measured(argv, target.peer_env(), time.monotonic() + budget + 120,
                                                 stdout=subprocess.DEVNULL, stderr=err)
        p = json.load(open(out)) if code == 0 and os.path.exists(out) else None
        if p is None or p.get("status") != "ok":
            target.delete_prefix(prefix)
            status = p["status"] if p else f"failed: {'timed out' if killed else f'exit {code}'}"
            self.add(result(who, target.name, fmt, rows, status=status,
                            error=short_error(p.get("error") if p else stderr_tail(log))))
            return
        r = result(who, target.name, fmt, rows, wall_s=p["wall_s"], cpu_s=p["cpu_s"], peak_rss_mib=p["peak_rss_mib"],
                   baseline_rss_mib=p["baseline_rss_mib"], peer_objects=p["objects"])
        self.after_write(target, prefix, r)
        self.add(derive(r))

    # -- ours through the real CLI --

    def ours_cli(self, target, fmt, rows, ipc):
        who = "ours (CLI)"
        cli = os.environ.get("CLOUDQUERY_BIN") or os.path.join(REPO, ".venv", "bin", "cloudquery")
        if not os.access(cli, os.X_OK):
            self.add(result(who, target.name, fmt, rows, status="skipped: no CloudQuery CLI",
                            error=f"{cli} is missing: set CLOUDQUERY_BIN or run `make deps`"))
            return
        if fmt in self.refused:
            self.add(result(who, target.name, fmt, rows, status="not supported", error=self.refused[fmt]))
            return
        if self.out_of_time(who, target.name, fmt, rows):
            return
        run_dir = os.path.join(self.work, f"cli-{target.name}-{fmt}-{rows}")
        os.makedirs(run_dir, exist_ok=True)
        usage_file = os.path.join(run_dir, "plugin-usage.json")
        wrapper = os.path.join(run_dir, "cq-dest-s3-measured")
        with open(wrapper, "w") as f:
            f.write(f"#!/bin/sh\nexec '{sys.executable}' '{os.path.abspath(__file__)}' --measure-child "
                    f"'{usage_file}' -- '{self.binary}' \"$@\"\n")
        os.chmod(wrapper, 0o755)
        prefix = self.prefix("ours-cli", fmt, rows)
        dest_spec = target.spec(fmt, prefix + "/{{TABLE}}/{{UUID}}.{{FORMAT}}", self.spec_extra())
        port = free_port()
        source = {"kind": "source", "spec": {"name": "bench", "registry": "grpc", "path": f"127.0.0.1:{port}",
                                            "tables": ["*"], "destinations": ["s3"],
                                            "spec": {"ipc": ipc, "rows": rows}}}
        dest = {"kind": "destination", "spec": {"name": "s3", "registry": "local", "path": wrapper,
                                                "write_mode": "append", "spec": dest_spec}}
        config = os.path.join(run_dir, "sync.yml")
        with open(config, "w") as f:  # JSON documents are YAML
            f.write(json.dumps(source) + "\n---\n" + json.dumps(dest) + "\n")
        source_log = open(os.path.join(run_dir, "source.log"), "wb")
        source_proc = subprocess.Popen([sys.executable, os.path.join(HERE, "wide_source.py"), "serve",
                                        "--address", f"127.0.0.1:{port}"], stdout=source_log,
                                       stderr=subprocess.STDOUT)
        cli_log = os.path.join(run_dir, "cloudquery.log")
        try:
            wait_port(port, source_proc, 60, "bench/wide_source.py")
            env = target.plugin_env()
            target.reset_stats()
            with open(os.path.join(run_dir, "cli-output.txt"), "wb") as out:
                code, wall, cli_cpu, cli_rss, killed = run_measured(
                    [cli, "sync", config, "--telemetry-level", "none", "--log-file-name", cli_log,
                     "--log-level", "info"], env, self.run_deadline(), stdout=out, stderr=subprocess.STDOUT,
                    cwd=run_dir)
        except RuntimeError as e:
            self.add(result(who, target.name, fmt, rows, status="failed", error=str(e)))
            return
        finally:
            stop_pid(source_proc, "bench/wide_source.py")
            source_log.close()
        usage = json.load(open(usage_file)) if os.path.exists(usage_file) else None
        if code != 0 or usage is None:
            target.delete_prefix(prefix)
            why = "timed out" if killed else f"cloudquery exit {code}"
            self.add(result(who, target.name, fmt, rows, status=f"failed: {why}",
                            error=short_error(stderr_tail(cli_log, 5)), run_dir=run_dir))
            return
        r = result(who, target.name, fmt, rows, wall_s=wall, cpu_s=usage["cpu_s"], peak_rss_mib=usage["peak_rss_mib"],
                   ru_maxrss_mib=round(usage["ru_maxrss_mib"], 1),
                   note="wall = whole `cloudquery sync` (CLI start, Python source, plugin start/stop)",
                   cli_and_source_excluded_cpu_s=round(cli_cpu - usage["cpu_s"], 3))
        self.after_write(target, prefix, r)
        self.add(derive(r))

    # -- curl, the single-stream ceiling --

    def curl(self, target, blob):
        who = "peer curl"
        if self.out_of_time(who, target.name, "1 object", None):
            return
        key = f"bench/{self.run_id}/peer-curl/object.bin"
        out = os.path.join(self.work, f"curl-{target.name}.json")
        log = os.path.join(self.work, f"curl-{target.name}.log")
        budget = max(5.0, min(self.a.run_max_seconds, self.left()))
        argv = [sys.executable, os.path.join(HERE, "peer_curl.py"), "--endpoint", target.endpoint, "--bucket",
                target.bucket, "--region", target.region, "--file", blob, "--key", key, "--out", out,
                "--max-seconds", f"{budget:.0f}"]
        with open(log, "wb") as err:
            code, _, _, _, killed = run_measured(argv, target.peer_env(), time.monotonic() + budget + 30,
                                                 stdout=subprocess.DEVNULL, stderr=err)
        if code != 0 or not os.path.exists(out):
            self.add(result(who, target.name, "1 object", None, status=f"failed: {'timed out' if killed else code}",
                            error=short_error(stderr_tail(log))))
        else:
            c = json.load(open(out))
            self.add(result(who, target.name, "1 object", None, objects=1, bytes=c["bytes"], wall_s=c["wall_s"],
                            cpu_s=c["cpu_s"], peak_rss_mib=c["peak_rss_mib"]))
        target.delete_prefix(key)


# --- data preparation (not timed) -----------------------------------------------------------------

def prepare(rows, a, work):
    """The wide table as an Arrow IPC stream (for the peers and the source) and as a pre-built
    Write stream of frames (for ours over stdio). Returns (ipc path, frames path, seconds)."""
    from stdio_client import write_stream_from_ipc
    t0 = time.monotonic()
    ipc = os.path.join(work, f"wide-{rows}.arrows")
    proc = subprocess.run([sys.executable, os.path.join(HERE, "wide_table.py"), "--rows", str(rows), "--chunk",
                           str(a.insert_rows), "--out", ipc, "--max-seconds", str(int(max(60, a.max_seconds)))],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"wide_table.py failed: {proc.stderr.strip()}")
    frames = os.path.join(work, f"wide-{rows}.frames")
    write_stream_from_ipc(ipc, frames)
    return ipc, frames, time.monotonic() - t0


def make_blob(path, mib):
    with open(path, "wb") as f:
        for _ in range(mib):
            f.write(os.urandom(1 << 20))


# --- report ---------------------------------------------------------------------------------------

def fmt_num(v, digits=None):
    if v is None:
        return "—"
    if isinstance(v, float) and digits is not None:
        return f"{v:,.{digits}f}"
    return f"{v:,}" if isinstance(v, int) else str(v)


def ratio(a, b):
    return round(a / b, 2) if a is not None and b else None


def ratios(results):
    """Ours ÷ peer for each (target, format, rows), and ours ÷ curl per target."""
    peers = {(r["target"], r["format"], r["rows"]): r for r in results
             if r["who"].startswith("peer pyarrow") and r["status"] == "ok"}
    curls = {r["target"]: r for r in results if r["who"] == "peer curl" and r["status"] == "ok"}
    vs_peer, vs_curl = [], []
    for r in results:
        if not r["who"].startswith("ours") or r["status"] != "ok":
            continue
        p = peers.get((r["target"], r["format"], r["rows"]))
        if p:
            vs_peer.append({"ours": r["who"], "target": r["target"], "format": r["format"], "rows": r["rows"],
                            "rows_per_s": ratio(r["rows_per_s"], p["rows_per_s"]),
                            "cpu_s": ratio(r["cpu_s"], p["cpu_s"]),
                            "peak_rss": ratio(r["peak_rss_mib"], p["peak_rss_mib"])})
        c = curls.get(r["target"])
        if c and r["bytes"]:
            ours_cpu_gb = r["cpu_s"] / (r["bytes"] / 1e9)
            curl_cpu_gb = c["cpu_s"] / (c["bytes"] / 1e9)
            vs_curl.append({"ours": r["who"], "target": r["target"], "format": r["format"], "rows": r["rows"],
                            "mb_per_s": ratio(r["mb_per_s"], c["mb_per_s"]),
                            "cpu_s_per_gb": ratio(ours_cpu_gb, curl_cpu_gb),
                            "peak_rss": ratio(r["peak_rss_mib"], c["peak_rss_mib"])})
    return vs_peer, vs_curl


def best_peer_ratios(results):
    """Per (target, format, rows): ours against the fastest peer's rows/s and the leanest peer's
    CPU s (the issue-14 targets: rows/s × >= 1, CPU s × <= 1), and the Parquet size check."""
    out = []
    for r in results:
        if r["who"] != "ours (stdio)" or r["status"] != "ok":
            continue
        peers = [p for p in results if p["who"].startswith("peer ") and p["who"] != "peer curl"
                 and p["status"] == "ok" and (p["target"], p["format"], p["rows"]) == (r["target"], r["format"], r["rows"])]
        if not peers:
            continue
        fastest = max(peers, key=lambda p: p["rows_per_s"] or 0)
        leanest = min(peers, key=lambda p: p["cpu_s"] if p["cpu_s"] is not None else float("inf"))
        pyarrow = next((p for p in peers if p["who"] == "peer pyarrow-s3fs"), None)
        out.append({"target": r["target"], "format": r["format"], "rows": r["rows"],
                    "ours_rows_per_s": r["rows_per_s"], "fastest_peer": fastest["who"][5:],
                    "fastest_rows_per_s": fastest["rows_per_s"], "rows_per_s": ratio(r["rows_per_s"], fastest["rows_per_s"]),
                    "ours_cpu_s": r["cpu_s"], "leanest_peer": leanest["who"][5:], "leanest_cpu_s": leanest["cpu_s"],
                    "cpu_s": ratio(r["cpu_s"], leanest["cpu_s"]), "ours_peak_rss_mib": r["peak_rss_mib"],
                    "bytes_vs_pyarrow": ratio(r["bytes"], pyarrow["bytes"]) if pyarrow and r["format"] == "parquet" else None})
    return out


def markdown(doc):
    m = doc["machine"]
    lines = [f"# cq-dest-s3 benchmark — {m['date']}", "",
             f"{m['nproc']} × {m['cpu_model']}, {m['mem_total_gib']} GiB RAM, Linux {m['kernel']}; "
             f"commit `{m['git_commit'][:12]}`; plugin `{m.get('plugin_binary')}` ({m.get('plugin_build')} build, "
             f"built {m.get('plugin_mtime')}); pyarrow {m.get('pyarrow')}, duckdb {m.get('duckdb')}, polars {m.get('polars')}.", "",
             f"Settings: {json.dumps(doc['settings'], sort_keys=True)}", "",
             "## Runs", "",
             "| rows | target | format | who | objects | MB written | wall s | rows/s | MB/s | CPU s | peak RSS MiB | status |",
             "|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in doc["results"]:
        mb = r["bytes"] / MB if r["bytes"] is not None else None
        lines.append(f"| {fmt_num(r['rows'])} | {r['target']} | {r['format']} | {r['who']} | {fmt_num(r['objects'])} | "
                     f"{fmt_num(mb, 1)} | {fmt_num(r['wall_s'])} | {fmt_num(r['rows_per_s'])} | "
                     f"{fmt_num(r['mb_per_s'])} | {fmt_num(r['cpu_s'])} | {fmt_num(r['peak_rss_mib'])} | "
                     f"{r['status']} |")
    if doc.get("ratios_vs_best_peer"):
        lines += ["", "## Ours against the best peer (targets: rows/s × ≥ 1.0, CPU s × ≤ 1.0)", "",
                  "Fastest peer by rows/s, leanest peer by CPU s, among DuckDB, pyarrow S3FileSystem, polars and "
                  "pyarrow + boto3; Parquet bytes ÷ pyarrow's (target ≤ 1.0).", "",
                  "| rows | target | format | ours rows/s | fastest peer | rows/s × | ours CPU s | leanest peer | "
                  "CPU s × | ours peak RSS MiB | Parquet bytes × |",
                  "|---:|---|---|---:|---|---:|---:|---|---:|---:|---:|"]
        for v in doc["ratios_vs_best_peer"]:
            lines.append(f"| {fmt_num(v['rows'])} | {v['target']} | {v['format']} | {fmt_num(v['ours_rows_per_s'])} | "
                         f"{v['fastest_peer']} {fmt_num(v['fastest_rows_per_s'])} | **{fmt_num(v['rows_per_s'])}** | "
                         f"{fmt_num(v['ours_cpu_s'])} | {v['leanest_peer']} {fmt_num(v['leanest_cpu_s'])} | "
                         f"**{fmt_num(v['cpu_s'])}** | {fmt_num(v['ours_peak_rss_mib'])} | "
                         f"{fmt_num(v['bytes_vs_pyarrow'])} |")
    if doc["ratios_vs_peer"]:
        lines += ["", "## Ours ÷ peer (pyarrow + boto3)", "",
                  "rows/s above 1 = we are faster; CPU s and peak RSS below 1 = we use less.", "",
                  "| rows | target | format | ours | rows/s × | CPU s × | peak RSS × |", "|---:|---|---|---|---:|---:|---:|"]
        for v in doc["ratios_vs_peer"]:
            lines.append(f"| {fmt_num(v['rows'])} | {v['target']} | {v['format']} | {v['ours']} | "
                         f"{fmt_num(v['rows_per_s'])} | {fmt_num(v['cpu_s'])} | {fmt_num(v['peak_rss'])} |")
    if doc["ratios_vs_curl"]:
        lines += ["", "## Ours ÷ curl --aws-sigv4 (one object, single stream)", "",
                  "MB/s of bytes written; CPU s per GB written; peak RSS.", "",
                  "| rows | target | format | ours | MB/s × | CPU s/GB × | peak RSS × |", "|---:|---|---|---|---:|---:|---:|"]
        for v in doc["ratios_vs_curl"]:
            lines.append(f"| {fmt_num(v['rows'])} | {v['target']} | {v['format']} | {v['ours']} | "
                         f"{fmt_num(v['mb_per_s'])} | {fmt_num(v['cpu_s_per_gb'])} | {fmt_num(v['peak_rss'])} |")
    details = [r for r in doc["results"] if r.get("error") or r.get("note")]
    notes = doc["notes"] + [f"{r['who']} {r['target']} {r['format']} {fmt_num(r['rows'])}: "
                            + " ".join(x for x in (r.get("error"), r.get("note")) if x) for r in details]
    if notes:
        lines += ["", "## Notes", ""] + [f"- {n}" for n in notes]
    return "\n".join(lines) + "\n"


# --- main -----------------------------------------------------------------------------------------

def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rows", default="1000000", help="comma-separated table sizes (rows)")
    p.add_argument("--formats", default="csv,json,parquet")
    p.add_argument("--targets", default="rgw,sink")
    p.add_argument("--rgw-env", help="env file of `scripts/rgw.py up` (default: S3_TEST_* variables)")
    p.add_argument("--sink-endpoint", help="use this running sink (http://127.0.0.1:PORT) instead of starting one")
    p.add_argument("--insert-rows", type=int, default=10_000, help="rows per Write.insert message")
    p.add_argument("--rows-per-object", type=int, default=10_000,
                   help="plugin batch_size and the peer's rows per object (0: plugin default, peer 10000)")
    p.add_argument("--spec-extra", default="{}", help="JSON object merged into the plugin spec")
    p.add_argument("--no-peers", action="store_true", help="skip every peer and peer_curl")
    p.add_argument("--peers", default="duckdb,pyarrow-s3fs,polars,pyarrow-boto3",
                   help="peers to run: duckdb, pyarrow-s3fs, polars (bench/peer_engines.py), pyarrow-boto3")
    p.add_argument("--no-cli", action="store_true", help="skip the run through the CloudQuery CLI")
    p.add_argument("--cli-format", default="auto", help="format of the CLI run (auto: first accepted of "
                   "parquet, csv, json)")
    p.add_argument("--cli-target", default="sink", help="target of the CLI run")
    p.add_argument("--cli-rows", type=int, help="rows of the CLI run (default: the smallest --rows)")
    p.add_argument("--curl-mib", type=int, default=1024, help="size of curl's object (0 = skip curl)")
    p.add_argument("--work-dir", help="scratch space for the table files (default: a new dir in $TMPDIR)")
    p.add_argument("--keep-work", action="store_true", help="keep the work dir (plugin logs, tables)")
    p.add_argument("--out-dir", default=os.path.join(REPO, "bench-results"))
    p.add_argument("--max-seconds", type=float, default=7200, help="budget of the whole run")
    p.add_argument("--run-max-seconds", type=float, default=1800, help="budget of one run")
    a = p.parse_args()
    try:
        a.sizes = [int(x.replace("_", "")) for x in a.rows.split(",") if x.strip()]
    except ValueError:
        raise SystemExit(f"--rows {a.rows!r}: give comma-separated row counts, e.g. 1000000,10000000")
    a.format_list = ["json" if f.strip() == "jsonl" else f.strip() for f in a.formats.split(",") if f.strip()]
    unknown = [f for f in a.format_list if f not in PEER_FORMAT]
    if unknown:
        raise SystemExit(f"unknown format(s) {unknown}: choose from csv, json, parquet")
    a.target_list = [t.strip() for t in a.targets.split(",") if t.strip()]
    a.peer_list = [x.strip() for x in a.peers.split(",") if x.strip()]
    if set(a.peer_list) - {"duckdb", "pyarrow-s3fs", "polars", "pyarrow-boto3"}:
        raise SystemExit("--peers: choose from duckdb, pyarrow-s3fs, polars, pyarrow-boto3")
    if set(a.target_list) - {"rgw", "sink"}:
        raise SystemExit("--targets: choose from rgw, sink")
    try:
        a.spec_extra = json.loads(a.spec_extra)
        assert isinstance(a.spec_extra, dict)
    except (ValueError, AssertionError):
        raise SystemExit("--spec-extra must be a JSON object, e.g. '{\"part_size\": 16777216}'")
    if not a.sizes or min(a.sizes) < 1 or a.insert_rows < 1 or a.rows_per_object < 0 or a.curl_mib < 0:
        raise SystemExit("--rows and --insert-rows must be >= 1, --rows-per-object and --curl-mib >= 0")
    return a


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--measure-child":
        return measure_child(sys.argv[1:])
    a = parse_args()
    binary = plugin_binary()
    work = a.work_dir or tempfile.mkdtemp(prefix="cq-bench-")
    os.makedirs(work, exist_ok=True)
    bench = Bench(a, binary, work)
    targets, sink = [], None
    try:
        if "rgw" in a.target_list:
            rgw = rgw_target(a.rgw_env)
            if rgw:
                targets.append(rgw)
            else:
                bench.notes.append("RGW skipped: no --rgw-env and no S3_TEST_* variables")
        if "sink" in a.target_list:
            if a.sink_endpoint:
                url = a.sink_endpoint.rstrip("/")
                targets.append(Target("sink", url, "bench", "us-east-1", "bench-access-key", "bench-secret-key",
                                      stats_url=f"{url}/__stats"))
            else:
                sink = Sink(a.max_seconds + 600, os.path.join(work, "sink.log"))
                targets.append(sink.target())
        if not targets:
            raise SystemExit("no target to write to (see --targets / --rgw-env)")

        prep_s = 0.0
        cli_rows = a.cli_rows or min(a.sizes)
        cli_done = a.no_cli
        for rows in sorted(set(a.sizes) | ({cli_rows} if not a.no_cli else set())):
            ipc, frames, seconds = prepare(rows, a, work)
            prep_s += seconds
            if rows in a.sizes:
                for target in targets:
                    for fmt in a.format_list:
                        bench.guarded("ours (stdio)", target, fmt, rows,
                                      lambda: bench.ours_stdio(target, fmt, rows, frames))
                    if not a.no_peers:
                        for peer in a.peer_list:
                            for fmt in a.format_list:
                                if peer == "pyarrow-boto3":
                                    bench.guarded("peer pyarrow+boto3", target, fmt, rows,
                                                  lambda: bench.peer(target, fmt, rows, ipc))
                                else:
                                    bench.guarded(f"peer {peer}", target, fmt, rows,
                                                  lambda: bench.engine_peer(target, fmt, rows, ipc, peer))
            if not cli_done and rows == cli_rows:
                cli_done = True
                fmt = a.cli_format
                if fmt == "auto":
                    fmt = next((f for f in CLI_FORMAT_PREFERENCE if f not in bench.refused), "json")
                target = next((t for t in targets if t.name == a.cli_target), targets[0])
                bench.ours_cli(target, fmt, rows, ipc)
            for path in (ipc, frames):
                os.remove(path)
        if not a.no_peers and a.curl_mib:
            blob = os.path.join(work, "curl-object.bin")
            make_blob(blob, a.curl_mib)
            for target in targets:
                bench.curl(target, blob)
            os.remove(blob)
    finally:
        if sink:
            sink.stop()

    vs_peer, vs_curl = ratios(bench.results)
    settings = {"rows": a.sizes, "formats": a.format_list, "targets": [t.name for t in targets],
                "insert_rows": a.insert_rows, "rows_per_object": a.rows_per_object, "spec_extra": a.spec_extra,
                "curl_mib": 0 if a.no_peers else a.curl_mib, "data_prep_s_not_measured": round(prep_s, 1)}
    doc = {"machine": machine_facts(binary), "settings": settings, "results": bench.results,
           "ratios_vs_best_peer": best_peer_ratios(bench.results), "ratios_vs_peer": vs_peer,
           "ratios_vs_curl": vs_curl, "notes": bench.notes}
    text = markdown(doc)
    os.makedirs(a.out_dir, exist_ok=True)
    stamp = bench.run_id.split("-")[0]
    base = os.path.join(a.out_dir, f"bench-{stamp}")
    with open(base + ".md", "w") as f:
        f.write(text)
    with open(base + ".json", "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(text)
    print(f"bench: results in {base}.md and {base}.json", file=sys.stderr)
    if not a.keep_work and not a.work_dir:
        shutil.rmtree(work, ignore_errors=True)
    elif a.keep_work:
        print(f"bench: work dir kept: {work}", file=sys.stderr)


if __name__ == "__main__":
    main()
