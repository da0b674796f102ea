#!/usr/bin/env python3
"""Profile of the plugin writing the wide table over the stdio transport: perf or callgrind.

    profile_plugin.py --format parquet [--rows 200000] [--rows-per-object 100000] [--binary PATH]
                      [--tool perf|callgrind|none] [--out-dir bench-results/profiles] [--top 40]

Writes --rows rows of bench/wide_table.py in objects of --rows-per-object rows into
bench/sink_server.py (started here, stopped by PID; bodies are discarded, so the profile is
the plugin's own work) with `<binary> stdio` running under:
  perf       `perf record -e cpu-clock -g` (a software clock: this VM has no hardware counters);
             prints the top functions by self and by inclusive share of the samples
  callgrind  `valgrind --tool=callgrind` (instruction counts). Valgrind 3.19 (Debian 12) cannot
             read the DWARF 5 of a Swift release build (pass a `strip --strip-debug` copy) and
             then dies on a signal inside the plugin (rt_sigsuspend): kept for newer valgrinds
  none       natively: only the plugin's CPU seconds (wait4) are printed
Swift symbols are demangled with `swift demangle --simplified`. The raw file stays in --out-dir.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--format", choices=["csv", "json", "parquet"], default="parquet")
    p.add_argument("--rows", type=int, default=200_000)
    p.add_argument("--rows-per-object", type=int, default=100_000)
    p.add_argument("--binary", default=os.environ.get("CQ_DEST_S3_BIN")
                   or os.path.join(REPO, ".build", "release", "cq-dest-s3"))
    p.add_argument("--out-dir", default=os.path.join(REPO, "bench-results", "profiles"))
    p.add_argument("--top", type=int, default=40)
    p.add_argument("--spec-extra", default="{}")
    p.add_argument("--tool", choices=["perf", "callgrind", "none"], default="perf")
    p.add_argument("--event", default="cpu-clock",
                   help="perf's event: cpu-clock (where the time goes) or page-faults (who touches fresh memory)")
    a = p.parse_args()
    if not os.access(a.binary, os.X_OK):
        raise SystemExit(f"{a.binary} is not an executable: build it (swift build -c release --product cq-dest-s3)")
    os.makedirs(a.out_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="cq-profile-")
    try:
        profile(a, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # the frames file is hundreds of MB


def profile(a, work):
    from run_bench import Sink
    from stdio_client import write_frames_once, write_stream_from_ipc
    ipc, frames = os.path.join(work, "t.arrows"), os.path.join(work, "t.frames")
    subprocess.run([sys.executable, os.path.join(HERE, "wide_table.py"), "--rows", str(a.rows), "--out", ipc],
                   check=True, stdout=subprocess.DEVNULL)
    write_stream_from_ipc(ipc, frames)
    out = os.path.join(a.out_dir, f"{a.tool}.{a.event}.{a.format}.{a.rows}.out")
    binary = a.binary
    if a.tool != "none":
        binary = os.path.join(work, f"under-{a.tool}")
        tool = (f"valgrind --tool=callgrind --callgrind-out-file={out} --dump-instr=no --collect-jumps=no"
                if a.tool == "callgrind" else (f"perf record -q -e {a.event} -F 1999 -g -o {out}" if a.event == "cpu-clock"
                   else f"perf record -q -e {a.event} -c 1 -g -o {out}"))
        with open(binary, "w") as f:
            f.write(f"#!/bin/sh\nexec {tool} {a.binary} \"$@\"\n")
        os.chmod(binary, 0o755)
    sink = Sink(3600, os.path.join(work, "sink.log"))
    try:
        target = sink.target()
        spec = target.spec(a.format, "p/{{TABLE}}/{{UUID}}.{{FORMAT}}",
                           {"batch_size": a.rows_per_object, **json.loads(a.spec_extra)})
        usage = write_frames_once(binary, target.plugin_env(), spec, frames, os.path.join(work, "plugin.log"), 3000,
                                  wait_timeout=600)
        stats = target.stats()
    finally:
        sink.stop()
        shutil.copy(os.path.join(work, "plugin.log"), os.path.join(a.out_dir, f"plugin.{a.format}.{a.rows}.log"))
    print(f"profile: {a.format} {a.rows} rows, exit {usage.exit_code}, cpu {usage.cpu_s:.3f} s, "
          f"peak RSS {usage.peak_rss_mib:.0f} MiB, "
          f"objects {stats.get('objects_put')} + multipart {stats.get('multipart_completed')}", file=sys.stderr)
    if a.tool == "none":
        return
    for inclusive in ("no", "yes"):
        if a.tool == "perf":
            argv = ["perf", "report", "-i", out, "--stdio", "--sort", "symbol", "-g", "none",
                    "--children" if inclusive == "yes" else "--no-children"]
        else:
            argv = ["callgrind_annotate", f"--inclusive={inclusive}", "--threshold=99", out]
        text = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
        if shutil.which("swift"):  # Swift symbols are mangled in the profile
            text = subprocess.run(["swift", "demangle", "--simplified"], input=text, stdout=subprocess.PIPE,
                                  text=True).stdout
        lines = text.splitlines()
        start = next((i for i, l in enumerate(lines) if "file:function" in l or l.startswith("# Overhead")), 0)
        head = [l for l in lines[:start] if "PROGRAM TOTALS" in l or "Samples" in l]
        print(f"== {'inclusive' if inclusive == 'yes' else 'exclusive'} ==")
        print("\n".join(head + lines[start:start + a.top + 2]))
    print(f"profile: {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
