"""bench/wide_table.py (deterministic, CloudQuery-shaped) and the two peer scripts, run for a
few thousand rows against the sink, with what they uploaded read back and checked."""
import io
import json
import os
import subprocess
import sys
import uuid

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from conftest import BENCH

from bench import wide_table

SINK = os.path.join(BENCH, "sink_server.py")
EXPECTED_TYPES = {
    "_cq_sync_time": "timestamp[us, tz=UTC]", "_cq_source_name": "string", "_cq_id": "extension<uuid>",
    "_cq_parent_id": "extension<uuid>", "account_id": "string", "region": "string", "arn": "string",
    "instance_id": "string", "instance_type": "string", "state": "string", "launch_time": "timestamp[us, tz=UTC]",
    "vcpu_count": "int64", "memory_mib": "int64", "ebs_optimized": "bool", "hibernation_enabled": "bool",
    "cpu_utilization": "double", "network_in_bytes": "int64", "private_ip_address": "string",
    "public_dns_name": "string", "security_group_ids": "list<item: string>", "tags": "extension<json>",
    "description": "string",
}


def type_name(t):
    return f"extension<{t.extension_name}>" if isinstance(t, pa.ExtensionType) else str(t)


def test_rows_are_a_function_of_their_index_not_of_chunking():
    whole = wide_table.record_batch(0, 2500)
    chunked = pa.Table.from_batches(list(wide_table.batches(2500, 1000)))
    assert [b.num_rows for b in wide_table.batches(2500, 1000)] == [1000, 1000, 500]
    assert pa.Table.from_batches([whole]).equals(chunked)
    assert wide_table.record_batch(0, 2500).equals(whole), "same call, same rows"
    assert wide_table.record_batch(1000, 10).equals(whole.slice(1000, 10))
    assert not wide_table.record_batch(10, 10).equals(whole.slice(0, 10))


def test_schema_is_cloudquery_shaped():
    batch = wide_table.record_batch(0, 5000)
    assert {f.name: type_name(f.type) for f in batch.schema} == EXPECTED_TYPES
    assert list(EXPECTED_TYPES)[:4] == batch.schema.names[:4], "CLI and source columns come first"
    assert batch.schema.metadata[b"cq:table_name"] == wide_table.TABLE_NAME.encode()
    arn = batch.schema.field("arn")
    assert arn.metadata[b"cq:extension:primary_key"] == b"true" and not arn.nullable
    assert batch.schema.field("_cq_id").metadata[b"cq:extension:unique"] == b"true"
    ids = batch.column("_cq_id").storage.to_pylist()
    assert None not in ids and len(set(ids)) == 5000
    assert all(uuid.UUID(bytes=b).version == 4 for b in ids[:100])
    assert len(set(batch.column("arn").to_pylist())) == 5000
    for name in ("_cq_parent_id", "hibernation_enabled", "public_dns_name", "description"):
        nulls = batch.column(name).null_count
        assert 0 < nulls < 5000, f"{name} should mix values and nulls"
    lengths = [len(v) for v in batch.column("security_group_ids").to_pylist()]
    assert set(lengths) == {0, 1, 2, 3}
    tags = [json.loads(t) for t in batch.column("tags").storage.to_pylist()[:50]]
    assert all(set(t) == {"Name", "env", "team"} for t in tags)
    assert any('"' in d and "," in d for d in batch.column("description").to_pylist() if d), "CSV quoting is exercised"


def test_ipc_output_round_trips(tmp_path):
    out = tmp_path / "t.arrows"
    subprocess.run([sys.executable, os.path.join(BENCH, "wide_table.py"), "--rows", "2500", "--chunk", "1000",
                    "--out", str(out), "--max-seconds", "60"], check=True, capture_output=True, timeout=60)
    with pa.OSFile(str(out), "rb") as f:
        table = pa.ipc.open_stream(f).read_all()
    assert table.equals(pa.Table.from_batches([wide_table.record_batch(0, 2500)]))


def get(s3, key):
    return s3.get_object(Bucket="b", Key=key)["Body"].read()


def run_peer(sink, *args):
    env = dict(os.environ, S3_TEST_ACCESS_KEY="AKIDPEER", S3_TEST_SECRET_KEY="any")
    proc = subprocess.run([sys.executable, os.path.join(BENCH, "peer_pyarrow_boto3.py"),
                           "--endpoint", f"http://127.0.0.1:{sink.port}", "--bucket", "b", "--rows", "3000",
                           "--chunk", "700", "--rows-per-object", "1000", "--max-seconds", "90", *args],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    results = {r["format"]: r for r in json.loads(proc.stdout)["results"]}
    for r in results.values():
        assert r["rows"] == 3000 and r["objects"] == 3 and r["bytes"] > 0
        assert r["rows_per_s"] > 0 and r["cpu_s"] > 0 and r["peak_rss_mib"] >= r["baseline_rss_mib"] > 0
    return results


def sink_client(sink):
    import boto3
    from botocore.config import Config
    return boto3.client("s3", endpoint_url=f"http://127.0.0.1:{sink.port}", region_name="us-east-1",
                        aws_access_key_id="x", aws_secret_access_key="y", config=Config(s3={"addressing_style": "path"}))


def test_peer_pyarrow_boto3_streams_csv_and_json_lines(spawn):
    sink = spawn(SINK, "--keep-bytes", 16 * 1024 * 1024, "--min-part-size", 0, "--max-seconds", 120)
    assert set(run_peer(sink, "--formats", "csv,jsonl", "--prefix", "peer")) == {"csv", "jsonl"}
    s3 = sink_client(sink)
    expected = wide_table.record_batch(1000, 1000)  # the second object of each format
    csv = pacsv.read_csv(io.BytesIO(get(s3, "peer/csv/part-00001.csv")))
    assert csv.num_rows == 1000
    assert csv.column("_cq_id").to_pylist() == [str(uuid.UUID(bytes=b)) for b in expected.column("_cq_id").storage.to_pylist()]
    assert csv.column("description").to_pylist() == [d or "" for d in expected.column("description").to_pylist()], \
        "quotes and commas survive (CSV null reads back as empty)"
    lines = get(s3, "peer/jsonl/part-00001.jsonl").decode().splitlines()
    assert len(lines) == 1000
    first = json.loads(lines[0])
    assert first["arn"] == expected.column("arn")[0].as_py()
    assert first["tags"] == json.loads(expected.column("tags").storage[0].as_py()), "json column embedded"
    listed = s3.list_objects_v2(Bucket="b", Prefix="peer/")["Contents"]
    assert len(listed) == 6 and "Uploads" not in s3.list_multipart_uploads(Bucket="b")


def test_peer_pyarrow_boto3_writes_parquet_through_a_spool_file(spawn):
    sink = spawn(SINK, "--keep-bytes", 16 * 1024 * 1024, "--max-seconds", 120)
    results = run_peer(sink, "--formats", "parquet", "--spool", "file", "--prefix", "spooled")
    assert results["parquet"]["spool"] == "file"
    s3 = sink_client(sink)
    tables = [pq.read_table(io.BytesIO(get(s3, f"spooled/parquet/part-{k:05d}.parquet"))) for k in range(3)]
    expected = wide_table.record_batch(0, 3000)
    assert pa.concat_tables(tables).column("_cq_id").combine_chunks().storage.equals(expected.column("_cq_id").storage)
    assert pa.concat_tables(tables).column("arn").to_pylist() == expected.column("arn").to_pylist()


def test_peer_curl_uploads_and_reports(spawn, tmp_path):
    sink = spawn(SINK, "--max-seconds", 60)
    out = tmp_path / "curl.json"
    env = dict(os.environ, S3_TEST_ACCESS_KEY="AKIDCURL", S3_TEST_SECRET_KEY="s3cr3t/with\"quote")
    proc = subprocess.run([sys.executable, os.path.join(BENCH, "peer_curl.py"), "--endpoint",
                           f"http://127.0.0.1:{sink.port}", "--bucket", "b", "--size-mib", "4", "--out", str(out),
                           "--max-seconds", "30"], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(out.read_text())
    assert result["bytes"] == 4 * 1024 * 1024 and result["mb_per_s"] > 0 and result["peak_rss_mib"] > 0
    assert "s3cr3t" not in proc.stdout + proc.stderr
