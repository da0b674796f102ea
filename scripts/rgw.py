#!/usr/bin/env python3
"""A throw-away Ceph RGW (the S3 server of the tests and the demo) on 127.0.0.1.

    scripts/rgw.py up   [--dir .testbed/rgw] [--port 7480] [--tls-port N] [--sts]
    scripts/rgw.py down [--dir .testbed/rgw]

`up` starts one monitor, one memstore OSD and one radosgw (no cephx, nothing outside --dir),
creates the test user and bucket, and writes DIR/env (S3_TEST_* variables). Each daemon writes
its PID file under DIR/run; `down` stops exactly those PIDs. Facts behind the settings:
../shared/reference/testbed.md §3. Needs Debian's radosgw, ceph-mon and ceph-osd (make deps).
"""
import argparse
import base64
import os
import shutil
import subprocess
import sys
import time
import urllib.request
import uuid

ACCESS_KEY = "AKIDTESTKEY0000000001"
SECRET_KEY = "testsecret/abcdefghijklmnopqrstuvwxyz0123"
BUCKET = "test-bucket"
DAEMONS = ["client.rgw.a", "osd.0", "mon.a"]  # stop order


def ceph_conf(d, port, mon_port, tls_port, sts):
    frontends = f"beast endpoint=127.0.0.1:{port}"
    if tls_port:
        frontends += f" ssl_endpoint=127.0.0.1:{tls_port} ssl_certificate={d}/tls.crt ssl_private_key={d}/tls.key"
    kms_key = base64.b64encode(os.urandom(32)).decode()
    return f"""[global]
fsid = {uuid.uuid4()}
mon host = v1:127.0.0.1:{mon_port}
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv6 = false
auth cluster required = none
auth service required = none
auth client required = none
run dir = {d}/run
admin socket = {d}/run/$name.asok
pid file = {d}/run/$name.pid
log file = {d}/log/$name.log
keyring = {d}/keyring
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
mon allow pool size one = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
osd crush chooseleaf type = 0
[mon]
mon data = {d}/mon/$cluster-$id
mon data avail crit = 0
mon data avail warn = 0
[osd]
osd data = {d}/osd/$cluster-$id
osd objectstore = memstore
memstore device bytes = {os.environ.get("RGW_MEMSTORE_BYTES", str(4 << 30))}
osd memory target = 1073741824
# The OSD must not talk to the monitor before it has the monmap ("wrong fsid") under auth none.
osd class update on start = false
osd crush update on start = false
[client.rgw.a]
rgw frontends = {frontends}
rgw dns name = localhost
rgw crypt require ssl = false
rgw crypt s3 kms backend = testing
rgw crypt s3 kms encryption keys = testkey-1={kms_key}
rgw s3 auth use sts = {"true" if sts else "false"}
rgw sts key = {os.urandom(8).hex()}
"""


def run(*args, **kw):
    return subprocess.run(list(args), check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def wait_http(url, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except urllib.error.HTTPError:
            return  # any HTTP answer means radosgw is serving
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"radosgw did not answer on {url} within {seconds}s")


def up(a):
    for tool in ("ceph-mon", "ceph-osd", "radosgw", "monmaptool", "ceph-authtool"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} not found: run `make deps` (installs radosgw ceph-mon ceph-osd)")
    down(a)
    d = os.path.abspath(a.dir)
    shutil.rmtree(d, ignore_errors=True)
    for sub in ("mon/ceph-a", "osd/ceph-0", "run", "log"):
        os.makedirs(os.path.join(d, sub))
    if a.tls_port:
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
            "-addext", f"subjectAltName=DNS:localhost,DNS:{BUCKET}.localhost,IP:127.0.0.1",
            "-keyout", f"{d}/tls.key", "-out", f"{d}/tls.crt")
    conf = os.path.join(d, "ceph.conf")
    with open(conf, "w") as f:
        f.write(ceph_conf(d, a.port, a.mon_port, a.tls_port, a.sts))
    c = ["-c", conf]
    run("ceph-authtool", "--create-keyring", f"{d}/keyring", "--gen-key", "-n", "mon.", "--cap", "mon", "allow *")
    fsid = next(l.split("=", 1)[1].strip() for l in open(conf) if l.startswith("fsid"))
    run("monmaptool", "--create", "--addv", "a", f"[v1:127.0.0.1:{a.mon_port}]", "--fsid", fsid, f"{d}/monmap")
    run("ceph-mon", *c, "--mkfs", "-i", "a", "--monmap", f"{d}/monmap")
    run("ceph-mon", *c, "-i", "a")  # daemonizes; PID in run/mon.a.pid
    osd_uuid = str(uuid.uuid4())
    osd_id = run("ceph", *c, "osd", "new", osd_uuid, timeout=60).stdout.strip()
    run("ceph", *c, "osd", "crush", "add", f"osd.{osd_id}", "1.0", "root=default", timeout=60)
    run("ceph-osd", *c, "-i", osd_id, "--mkfs", "--osd-uuid", osd_uuid)
    run("ceph-osd", *c, "-i", osd_id)
    run("radosgw", *c, "-n", "client.rgw.a")
    wait_http(f"http://127.0.0.1:{a.port}/", 90)
    run("radosgw-admin", *c, "user", "create", "--uid=tester", "--display-name=tester",
        f"--access-key={ACCESS_KEY}", f"--secret-key={SECRET_KEY}", timeout=60)
    run("radosgw-admin", *c, "caps", "add", "--uid=tester", "--caps=user-policy=*", timeout=60)
    endpoint = f"http://127.0.0.1:{a.port}"
    create_bucket(endpoint)
    env = {
        "S3_TEST_ENDPOINT": endpoint,
        "S3_TEST_BUCKET": BUCKET,
        "S3_TEST_ACCESS_KEY": ACCESS_KEY,
        "S3_TEST_SECRET_KEY": SECRET_KEY,
        "S3_TEST_REGION": "us-east-1",
        "S3_TEST_CEPH_CONF": conf,
    }
    if a.tls_port:
        env["S3_TEST_TLS_ENDPOINT"] = f"https://127.0.0.1:{a.tls_port}"
        env["S3_TEST_TLS_CERT"] = f"{d}/tls.crt"
    with open(os.path.join(d, "env"), "w") as f:
        f.writelines(f"export {k}='{v}'\n" for k, v in env.items())
    print(f"S3 ready: {endpoint} bucket={BUCKET} (env in {d}/env)")


def create_bucket(endpoint):
    # boto3 is in the project venv; a client that is not the plugin's own code.
    import boto3
    from botocore.config import Config
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id=ACCESS_KEY,
                      aws_secret_access_key=SECRET_KEY, config=Config(s3={"addressing_style": "path"}))
    for attempt in range(50):
        try:
            s3.create_bucket(Bucket=BUCKET)
            return
        except s3.exceptions.BucketAlreadyOwnedByYou:
            return
        except Exception as e:  # radosgw may still be creating its pools
            if attempt == 49:
                raise SystemExit(f"could not create bucket {BUCKET}: {e}")
            time.sleep(0.2)


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return ") Z " not in f.read()
    except OSError:
        return False


def down(a):
    run_dir = os.path.join(os.path.abspath(a.dir), "run")
    for name in DAEMONS:
        pid_file = os.path.join(run_dir, f"{name}.pid")
        try:
            pid = int(open(pid_file).read().strip())
        except (OSError, ValueError):
            continue
        try:
            os.kill(pid, 15)
        except ProcessLookupError:
            pass
        deadline = time.time() + 10
        while alive(pid) and time.time() < deadline:
            time.sleep(0.1)
        if alive(pid):
            os.kill(pid, 9)
        if os.path.exists(pid_file):  # a daemon that exits cleanly removes its own
            os.remove(pid_file)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", choices=["up", "down"])
    p.add_argument("--dir", default=".testbed/rgw")
    p.add_argument("--port", type=int, default=7480)
    p.add_argument("--mon-port", type=int, default=6789)
    p.add_argument("--tls-port", type=int)
    p.add_argument("--sts", action="store_true", help="turn on RGW's STS (every auth failure then reads AccessDenied)")
    a = p.parse_args()
    up(a) if a.command == "up" else down(a)


if __name__ == "__main__":
    main()
