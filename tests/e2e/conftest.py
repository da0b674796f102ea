"""Fixtures of the end-to-end tests: the real CloudQuery CLI drives the plugin binary, a Python
source plugin feeds it, a Ceph RGW stores the objects and boto3 (not our code) reads them back.

`make test` starts RGW and exports S3_TEST_*; CQ_DEST_S3_BIN and CLOUDQUERY_BIN name the binaries.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid

import boto3
import pytest
from botocore.config import Config

HERE = os.path.dirname(os.path.abspath(__file__))


def _require_env(name, hint):
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: {hint}", pytrace=False)
    return value


@pytest.fixture(scope="session")
def s3():
    """Connection facts of the local S3 server started by `make test`."""
    hint = "run the suite with `make test` (it starts Ceph RGW and exports S3_TEST_*)"
    return {
        "endpoint": _require_env("S3_TEST_ENDPOINT", hint),
        "bucket": _require_env("S3_TEST_BUCKET", hint),
        "access_key": _require_env("S3_TEST_ACCESS_KEY", hint),
        "secret_key": _require_env("S3_TEST_SECRET_KEY", hint),
        "region": _require_env("S3_TEST_REGION", hint),
    }


@pytest.fixture(scope="session")
def s3_client(s3):
    return boto3.client("s3", endpoint_url=s3["endpoint"], region_name=s3["region"],
                        aws_access_key_id=s3["access_key"], aws_secret_access_key=s3["secret_key"],
                        config=Config(s3={"addressing_style": "path"}))


@pytest.fixture(scope="session")
def plugin_binary():
    path = _require_env("CQ_DEST_S3_BIN", "run `make test` (it builds the plugin and exports its path)")
    if not os.access(path, os.X_OK):
        pytest.fail(f"plugin binary {path} is missing: run `make build`", pytrace=False)
    return path


@pytest.fixture(scope="session")
def cloudquery_cli():
    path = _require_env("CLOUDQUERY_BIN", "run `make test` (make deps unpacks the CloudQuery CLI)")
    if not os.access(path, os.X_OK):
        pytest.fail(f"CloudQuery CLI {path} is missing: run `make deps`", pytrace=False)
    return path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, proc, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"source plugin exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"source plugin did not listen on {port} within {seconds}s")


@pytest.fixture
def source_address(tmp_path):
    """The fixture source plugin served on 127.0.0.1 (registry: grpc); stopped by PID afterwards."""
    port = free_port()
    log = open(tmp_path / "source.log", "w")
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, "fixture_source.py"), "serve",
                             "--address", f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_port(port, proc)
        yield f"127.0.0.1:{port}"
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture
def prefix():
    """A key prefix of this test's own, so tests never see each other's objects."""
    return f"e2e/{uuid.uuid4().hex[:12]}"


def destination_doc(name, plugin_binary, dest_spec, write_mode="append"):
    return {"kind": "destination", "spec": {"name": name, "registry": "local", "path": plugin_binary,
                                            "write_mode": write_mode, "spec": dest_spec}}


def sync_config(source_address, source_spec, plugin_binary, dest_spec, write_mode="append", state_spec=None):
    """A CloudQuery config: fixture source over gRPC, our binary as a local destination `s3`.
    With state_spec, a second instance `s3_state` is the source's state backend."""
    source = {"kind": "source", "spec": {"name": "fixture", "registry": "grpc", "path": source_address,
                                        "tables": ["*"], "destinations": ["s3"], "spec": source_spec}}
    docs = [source, destination_doc("s3", plugin_binary, dest_spec, write_mode)]
    if state_spec is not None:
        source["spec"]["backend_options"] = {"table_name": "cq_state_fixture",
                                             "connection": "@@plugins.s3_state.connection"}
        docs.append(destination_doc("s3_state", plugin_binary, state_spec))
    # JSON is YAML: no YAML writer needed.
    return "\n---\n".join(json.dumps(doc) for doc in docs) + "\n"


@pytest.fixture
def run_sync(tmp_path, source_address, plugin_binary, cloudquery_cli, s3):
    """Runs `cloudquery sync` and returns (exit code, stdout+stderr, CLI log text)."""

    def run(dest_spec, source_spec=None, env=None, timeout=300, write_mode="append", state_spec=None):
        config = tmp_path / "sync.yml"
        config.write_text(sync_config(source_address, source_spec or {"tables": {"items": 10}},
                                      plugin_binary, dest_spec, write_mode, state_spec))
        log_file = tmp_path / "cloudquery.log"
        full_env = dict(os.environ)
        full_env.update({"AWS_ACCESS_KEY_ID": s3["access_key"], "AWS_SECRET_ACCESS_KEY": s3["secret_key"]})
        full_env.pop("AWS_SESSION_TOKEN", None)
        full_env.update(env or {})
        proc = subprocess.run([cloudquery_cli, "sync", str(config), "--telemetry-level", "none",
                               "--log-file-name", str(log_file), "--log-level", "debug"],
                              cwd=tmp_path, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, timeout=timeout)
        cli_log = log_file.read_text() if log_file.exists() else ""
        return proc.returncode, proc.stdout, cli_log

    return run


def list_objects(s3_client, bucket, prefix):
    """Every object under prefix: key → (head, body bytes)."""
    out = {}
    for page in s3_client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for obj in page.get("Contents", []):
            got = s3_client.get_object(Bucket=bucket, Key=obj["Key"])
            out[obj["Key"]] = (got, got["Body"].read())
    return out
