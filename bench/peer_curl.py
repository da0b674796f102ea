#!/usr/bin/env python3
"""The raw-upload peer: `curl --aws-sigv4` PUTs one large object (1 GiB by default) and we
report MB/s, CPU seconds and peak RSS of curl — the ceiling for a single-stream upload here.

    peer_curl.py [--size-mib 1024] [--file PATH] [--payload unsigned|sha256] [--key bench/curl/obj.bin]
                 [--endpoint URL] [--bucket B] [--region R] [--out result.json] [--max-seconds 600]

Connection as in peer_pyarrow_boto3.py (S3_TEST_* or AWS_* variables). The secret goes to curl
through a 0600 config file (`-K`), never on the command line. Quirks of curl 7.88
(testbed.md §8): it does not send `x-amz-content-sha256` itself, so the header is always passed
(UNSIGNED-PAYLOAD, or the file's SHA-256 with --payload sha256: the hash time is reported and
counted in wall_s); and `Expect: 100-continue` is left alone, since dropping it breaks the
signature. Without --file, a file of random bytes is made in $TMPDIR first (not timed) and
removed afterwards. The object is checked with a signed HEAD (size) after the upload.
"""
import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

CHUNK = 8 << 20


def connection(a):
    env = os.environ.get
    c = {"endpoint": a.endpoint or env("S3_TEST_ENDPOINT"), "bucket": a.bucket or env("S3_TEST_BUCKET"),
         "region": a.region or env("S3_TEST_REGION") or "us-east-1",
         "access_key": env("S3_TEST_ACCESS_KEY") or env("AWS_ACCESS_KEY_ID"),
         "secret_key": env("S3_TEST_SECRET_KEY") or env("AWS_SECRET_ACCESS_KEY")}
    missing = [k for k in ("endpoint", "bucket", "access_key", "secret_key") if not c[k]]
    if missing:
        raise SystemExit(f"missing {', '.join(missing)}: pass --endpoint/--bucket and set S3_TEST_ACCESS_KEY/"
                         f"S3_TEST_SECRET_KEY (e.g. `source .testbed/rgw/env`)")
    return c


def make_file(path, size):
    with open(path, "wb") as f:
        left = size
        while left:
            n = min(CHUNK, left)
            f.write(os.urandom(n))
            left -= n


def curl_config(directory, c):
    """A curl config holding the credentials, readable by us only."""
    path = os.path.join(directory, "curl.cfg")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    user = f"{c['access_key']}:{c['secret_key']}".replace("\\", "\\\\").replace('"', '\\"')
    with os.fdopen(fd, "w") as f:
        f.write(f'user = "{user}"\n')
    return path


def children_usage():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime, r.ru_maxrss


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--endpoint")
    p.add_argument("--bucket")
    p.add_argument("--region")
    p.add_argument("--size-mib", type=int, default=1024)
    p.add_argument("--file", help="upload this file instead of a fresh random one")
    p.add_argument("--payload", choices=["unsigned", "sha256"], default="unsigned")
    p.add_argument("--key", default="bench/peer-curl/object.bin")
    p.add_argument("--out", help="also write the JSON result here")
    p.add_argument("--max-seconds", type=float, default=600, help="curl is killed after this long")
    a = p.parse_args()
    c = connection(a)
    curl = shutil.which("curl")
    if not curl:
        raise SystemExit("curl not found: apt-get install curl")
    if a.size_mib < 1 and not a.file:
        raise SystemExit("--size-mib must be >= 1")
    url = f"{c['endpoint'].rstrip('/')}/{urllib.parse.quote(c['bucket'])}/{urllib.parse.quote(a.key)}"
    sigv4 = f"aws:amz:{c['region']}:s3"
    with tempfile.TemporaryDirectory(prefix="peer-curl-") as tmp:
        path = a.file or os.path.join(tmp, "object.bin")
        if not a.file:
            make_file(path, a.size_mib << 20)
        size = os.path.getsize(path)
        config = curl_config(tmp, c)
        t0 = time.perf_counter()
        hash_s = 0.0
        if a.payload == "sha256":
            digest = hashlib.sha256()
            with open(path, "rb") as f:
                for block in iter(lambda: f.read(CHUNK), b""):
                    digest.update(block)
            payload_hash = digest.hexdigest()
            hash_s = time.perf_counter() - t0
        else:
            payload_hash = "UNSIGNED-PAYLOAD"
        cpu0, _ = children_usage()
        t_up = time.perf_counter()
        try:
            proc = subprocess.run(
                [curl, "-sS", "-K", config, "--aws-sigv4", sigv4, "-H", f"x-amz-content-sha256: {payload_hash}",
                 "-T", path, "-o", os.path.join(tmp, "response.xml"),
                 "-w", "%{http_code} %{size_upload} %{speed_upload} %{time_total}", url],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=a.max_seconds)
        except subprocess.TimeoutExpired:
            raise SystemExit(f"curl did not finish within --max-seconds {a.max_seconds:g}")
        upload_s = time.perf_counter() - t_up
        cpu1, peak_kib = children_usage()
        wall = time.perf_counter() - t0
        fields = proc.stdout.split()
        if proc.returncode != 0 or len(fields) != 4 or fields[0] != "200":
            body = ""
            try:
                with open(os.path.join(tmp, "response.xml"), errors="replace") as f:
                    body = f.read(2000)
            except OSError:
                pass
            raise SystemExit(f"curl PUT {url} failed: exit {proc.returncode}, {proc.stdout!r} {proc.stderr.strip()} "
                             f"{body}")
        head = subprocess.run([curl, "-sS", "-I", "-K", config, "--aws-sigv4", sigv4,
                               "-H", "x-amz-content-sha256: UNSIGNED-PAYLOAD", url],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60)
        stored = next((int(line.split(":", 1)[1]) for line in head.stdout.splitlines()
                       if line.lower().startswith("content-length:")), None)
        if stored != size:
            raise SystemExit(f"HEAD {url}: server reports {stored} bytes, {size} were uploaded")
    result = {"peer": "curl --aws-sigv4", "payload": a.payload, "bytes": size, "wall_s": round(wall, 3),
              "upload_s": round(upload_s, 3), "hash_s": round(hash_s, 3), "mb_per_s": round(size / wall / 1e6, 1),
              "upload_mb_per_s": round(size / upload_s / 1e6, 1),
              "curl_speed_mb_per_s": round(float(fields[2]) / 1e6, 1),
              "cpu_s": round(cpu1 - cpu0, 3), "peak_rss_mib": round(peak_kib / 1024, 1)}
    text = json.dumps(result)
    if a.out:
        with open(a.out, "w") as f:
            f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    sys.exit(main())
