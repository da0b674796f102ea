#!/usr/bin/env python3
"""Checks that two plugin builds write byte-identical objects for the same rows.

    compare_binaries.py --rgw-env .testbed/bench-rgw/env --before OLD_BINARY --after NEW_BINARY
                        [--rows 200000] [--rows-per-object 50000] [--formats csv,json,parquet]

Both binaries write --rows rows of bench/wide_table.py over the stdio transport into RGW (the
same Write stream, --rows-per-object rows per object); the objects of each run are fetched,
hashed, and the two lists of (size, sha256) compared, sorted (object keys hold a UUID, so they
differ by design). Exit 1 when any format differs. Objects are deleted afterwards.
"""
import argparse
import hashlib
import os
import shutil
import sys
import tempfile
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))


def run(binary, target, fmt, frames, prefix, rows_per_object, work):
    from stdio_client import write_frames_once
    spec = target.spec(fmt, prefix + "/{{UUID}}.{{FORMAT}}", {"batch_size": rows_per_object})
    usage = write_frames_once(binary, target.plugin_env(), spec, frames, os.path.join(work, f"{fmt}.log"), 1200)
    if usage.exit_code != 0:
        raise SystemExit(f"{binary} exited with {usage.exit_code}; see {work}/{fmt}.log")
    s3 = target.client()
    digests = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=target.bucket, Prefix=prefix + "/"):
        for obj in page.get("Contents", []):
            body = s3.get_object(Bucket=target.bucket, Key=obj["Key"])["Body"].read()
            digests.append((len(body), hashlib.sha256(body).hexdigest()))
    target.delete_prefix(prefix)
    return sorted(digests), usage.cpu_s


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rgw-env", required=True)
    p.add_argument("--before", required=True)
    p.add_argument("--after", required=True)
    p.add_argument("--rows", type=int, default=200_000)
    p.add_argument("--rows-per-object", type=int, default=50_000)
    p.add_argument("--formats", default="csv,json,parquet")
    a = p.parse_args()
    import subprocess
    from run_bench import rgw_target
    from stdio_client import write_stream_from_ipc
    target = rgw_target(a.rgw_env)
    if target is None:
        raise SystemExit(f"{a.rgw_env}: no S3_TEST_* connection in it")
    work = tempfile.mkdtemp(prefix="cq-compare-")
    try:
        ipc, frames = os.path.join(work, "t.arrows"), os.path.join(work, "t.frames")
        subprocess.run([sys.executable, os.path.join(HERE, "wide_table.py"), "--rows", str(a.rows), "--out", ipc],
                       check=True, stdout=subprocess.DEVNULL)
        write_stream_from_ipc(ipc, frames)
        differ = False
        for fmt in [f.strip() for f in a.formats.split(",") if f.strip()]:
            run_id = uuid.uuid4().hex[:8]
            before, cpu_before = run(a.before, target, fmt, frames, f"compare/{run_id}/before", a.rows_per_object, work)
            after, cpu_after = run(a.after, target, fmt, frames, f"compare/{run_id}/after", a.rows_per_object, work)
            same = before == after and len(before) > 0
            differ |= not same
            print(f"{fmt}: {len(before)} objects, {sum(s for s, _ in before):,} bytes; "
                  f"{'identical' if same else 'DIFFERENT'}; cpu s {cpu_before:.2f} -> {cpu_after:.2f}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # the frames file is hundreds of MB
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
