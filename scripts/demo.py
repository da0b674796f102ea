#!/usr/bin/env python3
"""`make demo`: a real sync — the CloudQuery CLI runs cq-dest-s3 against the local S3 server —
then a listing of what was written (key, bytes, rows) and a sample line, read with boto3."""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

import boto3
from botocore.config import Config

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    env = dict(os.environ)
    port = free_port()
    source = subprocess.Popen([sys.executable, os.path.join(ROOT, "tests/e2e/fixture_source.py"), "serve",
                               "--address", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        env.update({
            "DEMO_SOURCE_ADDRESS": f"127.0.0.1:{port}",
            "DEMO_PLUGIN_PATH": env["CQ_DEST_S3_BIN"],
            "AWS_ACCESS_KEY_ID": env["S3_TEST_ACCESS_KEY"],
            "AWS_SECRET_ACCESS_KEY": env["S3_TEST_SECRET_KEY"],
        })
        workdir = tempfile.mkdtemp(prefix="cq-demo-")
        print("$ cloudquery sync spec-examples/demo.yml", flush=True)
        started = time.time()
        subprocess.run([env["CLOUDQUERY_BIN"], "sync", os.path.join(ROOT, "spec-examples/demo.yml"),
                        "--telemetry-level", "none", "--log-file-name", os.path.join(workdir, "cloudquery.log")],
                       env=env, cwd=workdir, check=True)
        print(f"sync finished in {time.time() - started:.1f}s (CLI log: {workdir}/cloudquery.log)\n")
    finally:
        source.send_signal(signal.SIGTERM)
        source.wait(timeout=10)

    s3 = boto3.client("s3", endpoint_url=env["S3_TEST_ENDPOINT"], region_name="us-east-1",
                      aws_access_key_id=env["S3_TEST_ACCESS_KEY"], aws_secret_access_key=env["S3_TEST_SECRET_KEY"],
                      config=Config(s3={"addressing_style": "path"}))
    print(f"{'key':<90} {'bytes':>9} {'rows':>6}")
    sample = None
    total_rows = 0
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=env["S3_TEST_BUCKET"], Prefix="demo/"):
        for obj in page.get("Contents", []):
            body = s3.get_object(Bucket=env["S3_TEST_BUCKET"], Key=obj["Key"])["Body"].read()
            lines = body.decode().splitlines()
            total_rows += len(lines)
            sample = sample or (lines[0] if lines else None)
            print(f"{obj['Key']:<90} {obj['Size']:>9} {len(lines):>6}")
    print(f"\n{total_rows} rows in total. A sample line:\n{sample}")


if __name__ == "__main__":
    main()
