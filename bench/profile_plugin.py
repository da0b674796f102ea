#!/usr/bin/env python3
"""Instruction profile of the plugin writing the wide table: callgrind over the stdio transport.

    profile_plugin.py --format parquet [--rows 20000] [--rows-per-object 10000] [--binary PATH]
                      [--out-dir bench-results/profiles] [--top 40] [--no-callgrind]

Runs `<binary> stdio` under `valgrind --tool=callgrind` (instruction counts: stable on a shared,
noisy machine, unlike wall time), writes --rows rows of bench/wide_table.py in objects of
--rows-per-object rows into bench/sink_server.py (started here, stopped by PID; bodies are
discarded, so the profile is the plugin's own work), then prints the total instructions and
the top functions by inclusive and exclusive count (callgrind_annotate). The raw file stays in
--out-dir as callgrind.<format>.<rows>.out for `callgrind_annotate --inclusive=yes --tree=calling`.
With --no-callgrind the plugin runs natively and only its CPU seconds are printed.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--format", choices=["csv", "json", "parquet"], default="parquet")
    p.add_argument("--rows", type=int, default=20_000)
    p.add_argument("--rows-per-object", type=int, default=10_000)
    p.add_argument("--binary", default=os.environ.get("CQ_DEST_S3_BIN")
                   or os.path.join(REPO, ".build", "release", "cq-dest-s3"))
    p.add_argument("--out-dir", default=os.path.join(REPO, "bench-results", "profiles"))
    p.add_argument("--top", type=int, default=40)
    p.add_argument("--spec-extra", default="{}")
    p.add_argument("--no-callgrind", action="store_true")
    a = p.parse_args()
    if not os.access(a.binary, os.X_OK):
        raise SystemExit(f"{a.binary} is not an executable: build it (swift build -c release --product cq-dest-s3)")
    from run_bench import Sink
    from stdio_client import PluginProcess, write_stream_from_ipc
    os.makedirs(a.out_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="cq-profile-")
    ipc, frames = os.path.join(work, "t.arrows"), os.path.join(work, "t.frames")
    subprocess.run([sys.executable, os.path.join(HERE, "wide_table.py"), "--rows", str(a.rows), "--out", ipc],
                   check=True, stdout=subprocess.DEVNULL)
    write_stream_from_ipc(ipc, frames)
    out = os.path.join(a.out_dir, f"callgrind.{a.format}.{a.rows}.out")
    binary = a.binary
    if not a.no_callgrind:
        binary = os.path.join(work, "under-callgrind")
        with open(binary, "w") as f:
            f.write(f"#!/bin/sh\nexec valgrind --tool=callgrind --callgrind-out-file={out} "
                    f"--dump-instr=no --collect-jumps=no {a.binary} \"$@\"\n")
        os.chmod(binary, 0o755)
    sink = Sink(3600, os.path.join(work, "sink.log"))
    try:
        target = sink.target()
        spec = target.spec(a.format, "p/{{TABLE}}/{{UUID}}.{{FORMAT}}",
                           {"batch_size": a.rows_per_object, **json.loads(a.spec_extra)})
        plugin = PluginProcess(binary, target.plugin_env(), os.path.join(work, "plugin.log"), time.monotonic() + 3000)
        try:
            plugin.init(spec)
            plugin.send_file(frames)
            plugin.finish_write()
            plugin.close_plugin()
        finally:
            usage = plugin.wait(timeout=600)
        stats = target.stats()
    finally:
        sink.stop()
    print(f"profile: {a.format} {a.rows} rows, exit {usage.exit_code}, cpu {usage.cpu_s:.3f} s, "
          f"objects {stats.get('objects_put')} + multipart {stats.get('multipart_completed')}", file=sys.stderr)
    if a.no_callgrind:
        return
    for inclusive in ("no", "yes"):
        text = subprocess.run(["callgrind_annotate", f"--inclusive={inclusive}", "--threshold=99", out],
                              stdout=subprocess.PIPE, text=True).stdout
        if shutil.which("swift"):  # Swift symbols are mangled in the profile
            text = subprocess.run(["swift", "demangle", "--simplified"], input=text, stdout=subprocess.PIPE,
                                  text=True).stdout
        lines = text.splitlines()
        start = next((i for i, l in enumerate(lines) if "file:function" in l), 0)
        head = [l for l in lines[:start] if "PROGRAM TOTALS" in l]
        print(f"== {'inclusive' if inclusive == 'yes' else 'exclusive'} ==")
        print("\n".join(head + lines[start:start + a.top + 2]))
    print(f"profile: {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
