"""`Read` through the real CLI: cq-dest-s3 as a source's state backend (`backend_options`).

The fixture source (fixture_source.py + state_client.py, the plugin SDK's state client) reads its
state from the `s3_state` instance with Read, then writes `syncs` = what it read + 1 and
`previous` = everything it read. So the second sync's object holds the first sync's state only
if Read returned it, decoded from the object the first sync wrote, in every format.
"""
import gzip
import io
import json

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from test_sync import dest_spec

STATE_TABLE = "cq_state_fixture"


def state_spec(s3, prefix, **extra):
    spec = dest_spec(s3, prefix, path=f"{prefix}/state/{{{{TABLE}}}}.{{{{FORMAT}}}}", no_rotate=True)
    spec.update(extra)
    return spec


def read_state(s3_client, s3, key, fmt, compression):
    """The state object as key → (value, version), read with boto3 and pyarrow (not our code)."""
    body = s3_client.get_object(Bucket=s3["bucket"], Key=key)["Body"].read()
    if compression == "gzip":
        body = gzip.decompress(body)
    elif compression == "zstd":
        body = pa.input_stream(pa.BufferReader(body), compression="zstd").read()
    if fmt == "json":
        rows = [json.loads(line) for line in body.decode().splitlines()]
    elif fmt == "csv":
        rows = pacsv.read_csv(io.BytesIO(body)).to_pylist()
    else:
        rows = pq.read_table(io.BytesIO(body)).to_pylist()
    return {r["key"]: (str(r["value"]), int(r["version"])) for r in rows}


@pytest.mark.parametrize("fmt,compression,extra", [
    ("json", "", {}),
    ("json", "gzip", {}),
    ("csv", "zstd", {}),
    ("parquet", "", {}),
    ("parquet", "zstd", {"format_spec": {"compression": "zstd"}}),
])
def test_state_written_by_one_sync_is_read_by_the_next(run_sync, s3, s3_client, prefix, fmt, compression, extra):
    spec = state_spec(s3, prefix, format=fmt, **extra)
    suffix = ""
    if compression and fmt != "parquet":
        spec["compression"] = compression
        suffix = ".gz" if compression == "gzip" else ".zst"
    key = f"{prefix}/state/{STATE_TABLE}.{fmt}{suffix}"
    source = {"tables": {"items": 3}}

    code, out, log = run_sync(dest_spec(s3, prefix), source_spec=source, state_spec=spec)
    assert code == 0, out + log
    first = read_state(s3_client, s3, key, fmt, compression if fmt != "parquet" else "")
    # Nothing to read the first time (the object did not exist: no rows, no error).
    assert first == {"syncs": ("1", 1), "previous": ("{}", 1)}

    code, out, log = run_sync(dest_spec(s3, prefix), source_spec=source, state_spec=spec)
    assert code == 0, out + log
    second = read_state(s3_client, s3, key, fmt, compression if fmt != "parquet" else "")
    assert second["syncs"] == ("2", 2)
    # What Read gave the source: both keys of the first sync, values intact.
    assert json.loads(second["previous"][0]) == {"previous": "{}", "syncs": "1"}
    assert "read finished" in log


def test_read_without_no_rotate_fails_the_sync_with_gos_message(run_sync, s3, prefix):
    spec = state_spec(s3, prefix, no_rotate=False, path=f"{prefix}/state/{{{{TABLE}}}}/{{{{UUID}}}}.json")
    code, out, log = run_sync(dest_spec(s3, prefix), source_spec={"tables": {"items": 1}}, state_spec=spec)
    assert code != 0
    assert (f'reading is not supported when no_rotate is false. Table: \\"{STATE_TABLE}\\"' in out + log
            or f'reading is not supported when no_rotate is false. Table: "{STATE_TABLE}"' in out + log), out + log
