"""The stdio transport driven by a client that is not the plugin's own code: frames and envelopes
written by hand (bench/stdio_client.py, shared with the benchmarks), messages from CloudQuery's own
Python protobuf package (cloudquery-plugin-pb)."""
import json
import os
import struct
import subprocess
import uuid

import pyarrow as pa
import pytest
from cloudquery.discovery_v1 import discovery_pb2
from cloudquery.plugin_v3 import plugin_pb2

import fixture_tables
from bench.stdio_client import envelope, frame, parse_envelope
from conftest import list_objects

PLUGIN = "/cloudquery.plugin.v3.Plugin/"


class StdioClient:
    def __init__(self, binary, env):
        self.proc = subprocess.Popen([binary, "stdio", "--log-format", "json"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)

    def send(self, method, message=b"", end_of_stream=False):
        self.proc.stdin.write(frame(envelope(method, message, end_of_stream)))
        self.proc.stdin.flush()

    def receive(self):
        header = self.proc.stdout.read(5)
        assert len(header) == 5, "plugin closed stdout"
        flag, length = struct.unpack(">BI", header)
        assert flag == 0
        return parse_envelope(self.proc.stdout.read(length))

    def call(self, method, message=b""):
        self.send(method, message)
        return self.receive()

    def close(self):
        self.proc.stdin.close()
        code = self.proc.wait(timeout=30)
        stderr = self.proc.stderr.read().decode()
        return code, stderr


def ipc_stream(batch=None, schema=None):
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, schema if schema is not None else batch.schema) as w:
        if batch is not None:
            w.write_batch(batch)
    return sink.getvalue().to_pybytes()


def test_stdio_init_write_close(plugin_binary, s3, s3_client):
    prefix = f"stdio/{uuid.uuid4().hex[:12]}"
    env = dict(os.environ, AWS_ACCESS_KEY_ID=s3["access_key"], AWS_SECRET_ACCESS_KEY=s3["secret_key"])
    client = StdioClient(plugin_binary, env)
    try:
        versions = client.call("/cloudquery.discovery.v1.Discovery/GetVersions")
        assert versions["status_code"] == 0
        assert 3 in discovery_pb2.GetVersions.Response.FromString(versions["message"]).versions

        spec = {"bucket": s3["bucket"], "region": s3["region"], "endpoint": s3["endpoint"], "use_path_style": True,
                "path": f"{prefix}/{{{{TABLE}}}}/{{{{UUID}}}}.{{{{FORMAT}}}}", "format": "json", "test_write": False}
        init = client.call(PLUGIN + "Init", plugin_pb2.Init.Request(
            spec=json.dumps(spec).encode(), invocation_id=str(uuid.uuid4())).SerializeToString())
        assert init["status_code"] == 0, init["status_message"]

        schema = fixture_tables.schema_for("stdio_items")
        client.send(PLUGIN + "Write", plugin_pb2.Write.Request(
            migrate_table=plugin_pb2.Write.MessageMigrateTable(table=ipc_stream(schema=schema))).SerializeToString())
        for start in (0, 5):
            batch = fixture_tables.record_batch("stdio_items", start, 5)
            client.send(PLUGIN + "Write", plugin_pb2.Write.Request(
                insert=plugin_pb2.Write.MessageInsert(record=ipc_stream(batch))).SerializeToString())
        client.send(PLUGIN + "Write", end_of_stream=True)
        write = client.receive()
        assert write["status_code"] == 0, write["status_message"]

        assert client.call(PLUGIN + "Close")["status_code"] == 0
        unimplemented = client.call(PLUGIN + "Sync")
        assert unimplemented["status_code"] == 12 and "Sync" in unimplemented["status_message"]
    finally:
        code, stderr = client.close()
    assert code == 0, stderr
    for line in stderr.splitlines():  # logs go to stderr in this mode, as JSON lines
        assert json.loads(line)["level"] in {"trace", "debug", "info", "warn", "error"}
    objects = list_objects(s3_client, s3["bucket"], prefix)
    ids = sorted(json.loads(line)["id"] for _, body in objects.values() for line in body.decode().splitlines())
    assert ids == list(range(10))


def test_stdio_reports_errors_as_status(plugin_binary, s3):
    env = dict(os.environ, AWS_ACCESS_KEY_ID=s3["access_key"], AWS_SECRET_ACCESS_KEY=s3["secret_key"])
    client = StdioClient(plugin_binary, env)
    try:
        reply = client.call(PLUGIN + "Init", plugin_pb2.Init.Request(spec=b"null").SerializeToString())
        assert reply["status_code"] != 0
        assert "`bucket` is required" in reply["status_message"]
        # A Write before a successful Init fails, and the stream's remaining frames are skipped.
        client.send(PLUGIN + "Write", plugin_pb2.Write.Request(
            insert=plugin_pb2.Write.MessageInsert(record=b"not arrow")).SerializeToString())
        client.send(PLUGIN + "Write", end_of_stream=True)
        reply = client.receive()
        assert reply["status_code"] != 0 and reply["status_message"]
        assert client.call("/cloudquery.discovery.v1.Discovery/GetVersions")["status_code"] == 0
    finally:
        code, _ = client.close()
    assert code == 0


def test_stdio_answers_undecodable_frames_and_stays_in_step(plugin_binary):
    """Issue 11: a bad envelope gets INVALID_ARGUMENT (not a dead pipe); a Write that is only its
    end_of_stream, before Init, is refused and the next call is still answered."""
    client = StdioClient(plugin_binary, dict(os.environ))
    try:
        for payload in [b"\x0f", b"\x0a\x05/a", b"\x0a\x02\xc3\x28"]:  # bad wire type, truncated, invalid UTF-8
            client.proc.stdin.write(frame(payload))
            client.proc.stdin.flush()
            reply = client.receive()
            assert reply["status_code"] == 3 and "is not a cqdests3.stdio.v1.Envelope" in reply["status_message"]
        client.send(PLUGIN + "Write", end_of_stream=True)
        assert client.receive()["status_code"] == 9
        reply = client.call(PLUGIN + "GetName")
        assert reply["status_code"] == 0 and plugin_pb2.GetName.Response.FromString(reply["message"]).name == "s3"
        # A frame over the 200 MiB limit is read past and answered with grpc-go's status.
        size = 200 * 1024 * 1024 + 1025
        client.proc.stdin.write(struct.pack(">BI", 0, size))
        chunk = bytes(1 << 20)
        for _ in range(size // len(chunk)):
            client.proc.stdin.write(chunk)
        client.proc.stdin.write(bytes(size % len(chunk)))
        client.proc.stdin.flush()
        reply = client.receive()
        assert reply["status_code"] == 8 and "received message larger than max" in reply["status_message"]
        assert client.call(PLUGIN + "GetName")["status_code"] == 0
        # Only a broken header ends the stream, with the reason on stderr.
        client.proc.stdin.write(b"\x07\x00\x00\x00\x00")
        client.proc.stdin.flush()
    finally:
        code, stderr = client.close()
    assert code != 0 and "compressed flag 7" in stderr


def comparable(rows, fmt):
    """Rows with json column values parsed (the plugin writes JSON compacted, as Go); for CSV,
    empty strings as null (Go's CSV reader reads an empty cell as null, and so do we)."""
    out = []
    for r in rows:
        r = dict(r, doc=json.loads(r["doc"]))
        if fmt == "csv":
            r = {k: (None if v in ("", b"") else v) for k, v in r.items()}
        out.append(r)
    return out


@pytest.mark.parametrize("fmt", ["json", "csv", "parquet"])
def test_stdio_read_returns_every_value_a_no_rotate_write_stored(plugin_binary, s3, fmt):
    prefix = f"stdio-read/{uuid.uuid4().hex[:12]}"
    env = dict(os.environ, AWS_ACCESS_KEY_ID=s3["access_key"], AWS_SECRET_ACCESS_KEY=s3["secret_key"])
    client = StdioClient(plugin_binary, env)
    table = "all_types_read"
    schema = fixture_tables.schema_for(table)
    written = [fixture_tables.record_batch(table, start, 700) for start in (0, 700)]
    try:
        spec = {"bucket": s3["bucket"], "region": s3["region"], "endpoint": s3["endpoint"], "use_path_style": True,
                "path": f"{prefix}/{{{{TABLE}}}}.{{{{FORMAT}}}}", "format": fmt, "no_rotate": True,
                "test_write": False}
        init = client.call(PLUGIN + "Init", plugin_pb2.Init.Request(
            spec=json.dumps(spec).encode(), invocation_id=str(uuid.uuid4())).SerializeToString())
        assert init["status_code"] == 0, init["status_message"]
        read_request = plugin_pb2.Read.Request(table=ipc_stream(schema=schema)).SerializeToString()

        # Before anything is written the object does not exist: no rows, a clean end of stream.
        reply = client.call(PLUGIN + "Read", read_request)
        assert reply["status_code"] == 0 and reply["end_of_stream"], reply["status_message"]

        client.send(PLUGIN + "Write", plugin_pb2.Write.Request(
            migrate_table=plugin_pb2.Write.MessageMigrateTable(table=ipc_stream(schema=schema))).SerializeToString())
        for batch in written:
            client.send(PLUGIN + "Write", plugin_pb2.Write.Request(
                insert=plugin_pb2.Write.MessageInsert(record=ipc_stream(batch))).SerializeToString())
        client.send(PLUGIN + "Write", end_of_stream=True)
        assert client.receive()["status_code"] == 0

        client.send(PLUGIN + "Read", read_request)
        batches = []
        while True:
            reply = client.receive()
            assert reply["status_code"] == 0, reply["status_message"]
            if reply["end_of_stream"]:
                break
            batches.append(pa.ipc.open_stream(plugin_pb2.Read.Response.FromString(reply["message"]).record).read_all())
    finally:
        code, stderr = client.close()
    assert code == 0, stderr
    assert all(b.num_rows <= 1024 for b in batches) and len(batches) == 2
    got = pa.concat_tables(batches)
    assert got.schema.equals(schema, check_metadata=True)
    expected = comparable(pa.Table.from_batches(written).to_pylist(), fmt)
    for i, (g, e) in enumerate(zip(comparable(got.to_pylist(), fmt), expected)):
        assert g == e, f"row {i}: " + ", ".join(f"{k}: {g[k]!r} != {e[k]!r}" for k in e if g[k] != e[k])
    assert got.num_rows == len(expected)
