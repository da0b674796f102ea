"""Every format through a real CLI sync into RGW, read back by pyarrow (not our code): CSV, JSON
Lines and Parquet, with the compressions and Parquet codecs, over a table of many column types."""
import gzip
import io
import json

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.json as pajson
import pyarrow.parquet as pq
import pytest

import fixture_tables
from conftest import list_objects
from test_sync import dest_spec

ROWS = 23


def decompress(body, compression):
    if compression == "gzip":
        assert body[:2] == b"\x1f\x8b"
        return gzip.decompress(body)
    if compression == "zstd":
        assert body[:4] == b"\x28\xb5\x2f\xfd"
        return pa.input_stream(pa.BufferReader(body), compression="zstd").read()
    return body


def read_back(fmt, body, compression):
    data = decompress(body, compression)
    # uint64 values above 2^63 would be inferred as doubles: name that column's type.
    if fmt == "csv":
        return pacsv.read_csv(io.BytesIO(data), convert_options=pacsv.ConvertOptions(
            strings_can_be_null=True, column_types={"big": pa.uint64()}))
    if fmt == "json":
        return pajson.read_json(io.BytesIO(data), parse_options=pajson.ParseOptions(
            explicit_schema=pa.schema([("big", pa.uint64())]), unexpected_field_behavior="infer"))
    return pq.read_table(io.BytesIO(data))


CASES = [("csv", "", {}), ("csv", "gzip", {}), ("json", "", {}), ("json", "zstd", {}),
         ("parquet", "", {}), ("parquet", "", {"compression": "zstd", "version": "v1.0"}),
         ("parquet", "", {"compression": "none", "root_repetition": "undefined"})]


@pytest.mark.parametrize("fmt,compression,format_spec", CASES)
def test_every_format_reads_back_with_pyarrow(run_sync, s3, s3_client, prefix, fmt, compression, format_spec):
    spec = dest_spec(s3, prefix, format=fmt, test_write=False, batch_size=10)
    if compression:
        spec["compression"] = compression
    if format_spec:
        spec["format_spec"] = format_spec
    code, out, _ = run_sync(spec, source_spec={"tables": {"all_types": ROWS}, "batch_rows": 6})
    assert code == 0, out
    objects = list_objects(s3_client, s3["bucket"], prefix)
    assert len(objects) == 3  # 10 + 10 + 3 rows
    ext = {"": "", "gzip": ".gz", "zstd": ".zst"}[compression]
    tables = []
    for key, (head, body) in objects.items():
        assert key.endswith(f".{fmt}{ext}"), key
        tables.append(read_back(fmt, body, compression))
    table = pa.concat_tables([t.select(tables[0].column_names) for t in tables]).sort_by("id")
    assert table.column("id").to_pylist() == list(range(ROWS))
    expected_columns = ["_cq_sync_time", "_cq_source_name"] + fixture_tables.schema_for("all_types").names
    assert sorted(table.column_names) == sorted(expected_columns)
    rows = table.to_pylist()
    for r in rows:
        want = fixture_tables.row("all_types", r["id"])
        assert r["_cq_source_name"] == "fixture"
        assert r["name"] == want["name"] or (fmt == "csv" and want["name"] is None and r["name"] in (None, ""))
        assert r["active"] == want["active"]
        assert r["big"] == want["big"]
        assert abs(r["price"] - want["price"]) < 1e-9
        assert str(r["uid"]) == str(want["uid"])
        assert r["ip"] == want["ip"]
        if fmt == "parquet":
            # Parquet keeps native types where the Go plugin does (§5.4) and strings where it does not.
            assert r["created_at"] == want["created_at"]
            assert r["day"] == want["day"]
            assert r["blob"] == want["blob"]
            assert r["scores"] == want["scores"]
            assert r["props"] == want["props"]
            assert dict(r["labels"]) == dict(want["labels"])
            assert r["amount"] == want["amount"]
            assert r["took"] == f"{r['id'] * 10}ms"
            assert json.loads(r["doc"]) == want["doc"]
    if fmt == "parquet":
        schema = pq.read_schema(io.BytesIO(decompress(next(iter(objects.values()))[1], "")))
        assert schema.metadata[b"cq:table_name"] == b"all_types"
