"""The write engine under a slow store, through a real CLI sync (issue: `batch_timeout` firing while
a multipart upload was in flight crashed the plugin and lost rows): every request to S3 waits in a
proxy first, objects close by the timer while their parts are on the way, and every row must land
exactly once with no multipart upload left behind, in every format."""
import csv
import io
import json

import sys

import pyarrow.parquet as pq
import pytest

from conftest import list_objects
from test_sync import dest_spec
from test_upload_engine import fault_proxy, open_multipart_uploads  # noqa: F401  (fixture)


def ids_in(body, fmt):
    if fmt == "json":
        return [json.loads(line)["id"] for line in body.decode().splitlines()]
    if fmt == "csv":
        csv.field_size_limit(sys.maxsize)  # row 1's blob is one 8 MB cell
        return [int(row["id"]) for row in csv.DictReader(io.StringIO(body.decode()))]
    return pq.read_table(io.BytesIO(body), columns=["id"]).column("id").to_pylist()


@pytest.mark.parametrize("fmt", ["json", "csv", "parquet"])
def test_a_timer_firing_during_slow_multipart_uploads_loses_no_row(run_sync, s3, s3_client, prefix, fault_proxy, fmt):
    fault_proxy.arm(mode="stall:1.5", methods="PUT,POST")  # a slow or distant store
    rows = 20_000
    # Row 1 of each table carries a 6 MB blob: the object holding it is a multipart upload in every
    # format (Parquet uncompressed, or snappy would shrink the repeated bytes), and its parts are
    # still on their way through the slow proxy when the timer closes the next objects.
    extra = {"format_spec": {"compression": "none"}} if fmt == "parquet" else {}
    spec = dest_spec(s3, prefix, endpoint=f"http://127.0.0.1:{fault_proxy.port}", format=fmt, test_write=False,
                     batch_timeout="200ms", part_size=5 * 1024 * 1024, batch_size=1_000_000,
                     batch_size_bytes=1 << 30, **extra)
    code, out, log = run_sync(spec, source_spec={"tables": {"items": rows, "others": rows}, "batch_rows": 500,
                                                 "big_blob_bytes": 6_000_000}, timeout=600)
    assert code == 0, out + log[-3000:]
    objects = list_objects(s3_client, s3["bucket"], prefix)
    for table in ("items", "others"):
        keys = [k for k in objects if k.startswith(f"{prefix}/{table}/")]
        ids = sorted(i for k in keys for i in ids_in(objects[k][1], fmt))
        assert ids == list(range(rows)), f"{table}: every row exactly once"
        assert len(keys) > 1, f"{table}: the timer closed objects while the sync went on ({len(keys)} object)"
    sizes = sorted(len(body) for _, body in objects.values())
    print(f"{fmt}: {len(objects)} objects, sizes {sizes}")
    assert any("-" in head["ETag"] for head, _ in objects.values()), "a multipart object"
    assert fault_proxy.stats()["stats"]["injected"] > 0
    assert open_multipart_uploads(s3_client, s3["bucket"], prefix) == []
