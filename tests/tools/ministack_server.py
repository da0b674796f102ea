#!/usr/bin/env python3
"""ministack (PyPI `ministack==1.5.33`) on 127.0.0.1 with AUTH=true, bootstrapped for S3 tests.

    ministack_server.py --keys-file keys.json [--port 0] [--bucket test-bucket] [--env-file env.sh]
                        [--ministack-bin PATH] [--dir DIR] [--max-seconds 3600]

Why ministack: it is the one installable S3 server that verifies `x-amz-checksum-*` values
(400 BadDigest) and handles STREAMING-UNSIGNED-PAYLOAD-TRAILER; Ceph RGW 16 ignores flexible
checksums (testbed.md §1, §4). With AUTH=true it checks SigV4 for IAM-user keys, but accepts
"root" keys (`test`, its own AWS_ACCESS_KEY_ID, any 12-digit id) with *any* secret, so tests
must use the IAM user's key this script creates:

  1. start `ministack` with BIND_HOST=127.0.0.1 (its default is 0.0.0.0), AUTH=true, SFTP and
     IoT mTLS listeners off, only the s3/iam/sts services, a random root key id, and no AWS_*
     variables of ours (so no real credential reaches it);
  2. wait for GET /_ministack/health;
  3. as root: iam CreateUser tester, PutUserPolicy allow-all, CreateAccessKey (a random
     AKIA… pair), s3 CreateBucket; then check the user's key can HeadBucket;
  4. write {endpoint, region, bucket, access_key_id, secret_access_key, pid} to --keys-file (0600)
     and, with --env-file, `export MINISTACK_ENDPOINT=…` lines (prefix: --env-prefix);
  5. print `READY http://127.0.0.1:PORT` (never the secret).
It stops ministack by its PID (SIGTERM, then SIGKILL after 10 s) on SIGTERM/SIGINT, after
--max-seconds, or if this script fails, and removes the files it wrote. State is in memory only.

The ministack executable is found via --ministack-bin, $MINISTACK_BIN, next to this Python
(same venv), then $PATH.
"""
import argparse
import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid

PINNED = "ministack==1.5.33"
ALLOW_ALL = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})


def find_binary(explicit):
    candidates = [explicit, os.environ.get("MINISTACK_BIN"),
                  os.path.join(os.path.dirname(sys.executable), "ministack"), shutil.which("ministack")]
    for path in candidates:
        if path and os.access(path, os.X_OK):
            return path
    raise SystemExit(f"ministack not found (looked at --ministack-bin, $MINISTACK_BIN, next to {sys.executable}, "
                     f"$PATH): `pip install {PINNED}` into the test venv")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def child_env(port, root_key, state_dir):
    # Nothing of ours that looks like a credential is passed on; ministack treats its own
    # AWS_ACCESS_KEY_ID as the root key, so that is a random id made here.
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update({
        "BIND_HOST": "127.0.0.1", "GATEWAY_PORT": str(port), "AUTH": "true",
        "IOT_MTLS_ENABLED": "0", "SFTP_ENABLED": "0", "SERVICES": "s3,iam,sts",
        "S3_PERSIST": "0", "PERSIST_STATE": "0", "LOG_LEVEL": "WARNING",
        "AWS_ACCESS_KEY_ID": root_key, "AWS_SECRET_ACCESS_KEY": uuid.uuid4().hex,
        "AWS_DEFAULT_REGION": "us-east-1",
        "TMPDIR": state_dir,  # its PID file and any scratch files stay in our directory
    })
    return env


def wait_healthy(endpoint, proc, log_path, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"ministack exited with {proc.returncode} while starting; log:\n{tail(log_path)}")
        try:
            with urllib.request.urlopen(f"{endpoint}/_ministack/health", timeout=1) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.1)
    raise SystemExit(f"ministack did not become healthy on {endpoint} within {seconds:g}s; log:\n{tail(log_path)}")


def tail(path, n=30):
    try:
        with open(path, errors="replace") as f:
            return "".join(f.readlines()[-n:])
    except OSError:
        return "(no log)"


def bootstrap(endpoint, root_key, bucket, user):
    """Returns the IAM user's (access key id, secret)."""
    import boto3
    from botocore.config import Config

    def client(service, key, secret):
        return boto3.client(service, endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id=key,
                            aws_secret_access_key=secret,
                            config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 3}))

    root_secret = uuid.uuid4().hex  # any secret goes with a root key
    iam = client("iam", root_key, root_secret)
    iam.create_user(UserName=user)
    iam.put_user_policy(UserName=user, PolicyName="allow-all", PolicyDocument=ALLOW_ALL)
    key = iam.create_access_key(UserName=user)["AccessKey"]
    client("s3", root_key, root_secret).create_bucket(Bucket=bucket)
    user_s3 = client("s3", key["AccessKeyId"], key["SecretAccessKey"])
    deadline = time.monotonic() + 10
    while True:
        try:
            user_s3.head_bucket(Bucket=bucket)
            return key["AccessKeyId"], key["SecretAccessKey"]
        except Exception as e:
            if time.monotonic() > deadline:
                raise SystemExit(f"the new IAM user's key cannot reach bucket {bucket}: {e}")
            time.sleep(0.2)


def write_private(path, text):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)


def stop_child(proc):
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0 = pick a free one)")
    p.add_argument("--bucket", default="test-bucket")
    p.add_argument("--user", default="tester")
    p.add_argument("--keys-file", required=True, help="JSON with endpoint, bucket and the user's key pair (0600)")
    p.add_argument("--env-file", help="also write shell `export` lines here (0600)")
    p.add_argument("--env-prefix", default="MINISTACK_")
    p.add_argument("--ministack-bin")
    p.add_argument("--dir", help="state/log directory (default: a new temporary one, removed at exit)")
    p.add_argument("--start-timeout", type=float, default=30)
    p.add_argument("--max-seconds", type=float, default=3600, help="stop after this long (bounded run)")
    a = p.parse_args()
    if not 0 < a.max_seconds <= 7 * 86400:
        raise SystemExit("--max-seconds must be > 0 and at most a week")
    binary = find_binary(a.ministack_bin)
    own_dir = a.dir is None
    state_dir = a.dir or tempfile.mkdtemp(prefix="ministack-")
    os.makedirs(state_dir, exist_ok=True)
    port = a.port or free_port()
    endpoint = f"http://127.0.0.1:{port}"
    root_key = "ROOT" + uuid.uuid4().hex[:16].upper()
    log_path = os.path.join(state_dir, "ministack.log")
    written = []

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    with open(log_path, "w") as log:
        proc = subprocess.Popen([binary], env=child_env(port, root_key, state_dir), stdout=log,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=state_dir)
    try:
        wait_healthy(endpoint, proc, log_path, a.start_timeout)
        access_key, secret_key = bootstrap(endpoint, root_key, a.bucket, a.user)
        info = {"endpoint": endpoint, "region": "us-east-1", "bucket": a.bucket, "access_key_id": access_key,
                "secret_access_key": secret_key, "pid": proc.pid, "log": log_path}
        write_private(a.keys_file, json.dumps(info, indent=1) + "\n")
        written.append(a.keys_file)
        if a.env_file:
            names = {"ENDPOINT": endpoint, "REGION": "us-east-1", "BUCKET": a.bucket,
                     "ACCESS_KEY": access_key, "SECRET_KEY": secret_key}
            write_private(a.env_file, "".join(f"export {a.env_prefix}{k}={shlex.quote(v)}\n" for k, v in names.items()))
            written.append(a.env_file)
        print(f"READY {endpoint} bucket={a.bucket} pid={proc.pid} keys={a.keys_file}", flush=True)
        deadline = time.monotonic() + a.max_seconds
        while not stop.is_set() and time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit(f"ministack exited unexpectedly with {proc.returncode}; log:\n{tail(log_path)}")
            stop.wait(0.5)
    finally:
        stop_child(proc)
        for path in written:
            try:
                os.remove(path)
            except OSError:
                pass
        if own_dir:
            shutil.rmtree(state_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
