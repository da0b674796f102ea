"""The upload engine through a real CLI sync: multipart objects, batching counts, headers that
must take effect (ACL, SSE), TLS verification, faults injected between the plugin and RGW,
the sync manifest, and the Go plugin's write-mode message."""
import json
import os
import re
import subprocess
import sys
import zlib

import pytest

from conftest import HERE, free_port, list_objects
from test_sync import dest_spec, rows_by_table

TOOLS = os.path.join(os.path.dirname(HERE), "tools")


def urllib_delete(url):
    import urllib.request
    urllib.request.urlopen(urllib.request.Request(url, method="DELETE"))


def open_multipart_uploads(s3_client, bucket, prefix):
    return s3_client.list_multipart_uploads(Bucket=bucket, Prefix=prefix).get("Uploads", [])


def test_objects_above_part_size_are_multipart_and_byte_identical(run_sync, s3, s3_client, prefix):
    # Row 1 carries a 4 MB blob (5.3 MB as base64 JSON): its object needs 2 parts of 5 MiB.
    spec = dest_spec(s3, prefix, part_size=5 * 1024 * 1024, batch_size=2, test_write=False)
    code, out, _ = run_sync(spec, source_spec={"tables": {"items": 4}, "batch_rows": 4, "big_blob_bytes": 4_000_000})
    assert code == 0, out
    objects = list_objects(s3_client, s3["bucket"], prefix)
    assert len(objects) == 2
    sizes = sorted(len(body) for _, body in objects.values())
    assert sizes[-1] > 5 * 1024 * 1024 > sizes[0]
    for key, (head, body) in objects.items():
        # A multipart object's ETag is "<md5 of part md5s>-<parts>"; a single PUT's is the body's MD5.
        assert ("-" in head["ETag"]) == (len(body) >= 5 * 1024 * 1024), (key, head["ETag"])
    ids = sorted(json.loads(line)["id"] for _, body in objects.values() for line in body.decode().splitlines())
    assert ids == [0, 1, 2, 3]
    assert open_multipart_uploads(s3_client, s3["bucket"], prefix) == []


@pytest.mark.parametrize("rows,batch_size,expected", [(100, 30, [30, 30, 30, 10]), (10, 10, [10]), (9, 1, [1] * 9)])
def test_batch_size_gives_the_go_object_counts(run_sync, s3, s3_client, prefix, rows, batch_size, expected):
    spec = dest_spec(s3, prefix, batch_size=batch_size, test_write=False)
    code, out, _ = run_sync(spec, source_spec={"tables": {"items": rows}, "batch_rows": 7})
    assert code == 0, out
    tables = rows_by_table(list_objects(s3_client, s3["bucket"], prefix), prefix)
    assert sorted((len(lines) for _, _, lines in tables["items"]), reverse=True) == expected


def test_acl_and_sse_headers_take_effect(run_sync, s3, s3_client, prefix):
    spec = dest_spec(s3, prefix, acl="public-read", test_write=False,
                     server_side_encryption_configuration={"server_side_encryption": "aws:kms",
                                                           "sse_kms_key_id": "testkey-1"})
    code, out, _ = run_sync(spec, source_spec={"tables": {"items": 3}})
    assert code == 0, out
    (key,) = list_objects(s3_client, s3["bucket"], prefix)
    grants = s3_client.get_object_acl(Bucket=s3["bucket"], Key=key)["Grants"]
    assert any(g["Grantee"].get("URI", "").endswith("/global/AllUsers") and g["Permission"] == "READ" for g in grants)
    head = s3_client.head_object(Bucket=s3["bucket"], Key=key)
    assert head["ServerSideEncryption"] == "aws:kms"
    assert head["SSEKMSKeyId"] == "testkey-1"


def test_invalid_acl_fails_init_with_the_go_message(run_sync, s3, prefix):
    code, out, _ = run_sync(dest_spec(s3, prefix, acl="everyone"))
    assert code != 0
    assert "invalid `acl` value: everyone" in out


def test_https_with_a_self_signed_certificate_needs_skip_verify(run_sync, s3, s3_client, prefix):
    tls = os.environ.get("S3_TEST_TLS_ENDPOINT")
    if not tls:
        pytest.fail("S3_TEST_TLS_ENDPOINT is not set: run `make test` (RGW is started with --tls-port)", pytrace=False)
    code, out, log = run_sync(dest_spec(s3, prefix, endpoint=tls), source_spec={"tables": {"items": 2}})
    assert code != 0
    assert "certificate" in (out + log).lower()
    code, out, _ = run_sync(dest_spec(s3, prefix, endpoint=tls, endpoint_skip_tls_verify=True),
                            source_spec={"tables": {"items": 2}})
    assert code == 0, out
    tables = rows_by_table(list_objects(s3_client, s3["bucket"], prefix), prefix)
    assert sum(len(lines) for _, _, lines in tables["items"]) == 2


def test_overwrite_delete_stale_fails_with_the_go_message(run_sync, s3, prefix, tmp_path):
    code, out, _ = run_sync(dest_spec(s3, prefix), source_spec={"tables": {"items": 2}},
                            write_mode="overwrite-delete-stale")
    assert code != 0
    assert "handler failed on items: DeleteStale: not implemented" in out


def test_sync_manifest_lists_exactly_the_objects_written(run_sync, s3, s3_client, prefix):
    spec = dest_spec(s3, prefix, batch_size=4, test_write=False, manifest_path=f"{prefix}-manifests/{{{{SYNC_ID}}}}.json")
    code, out, _ = run_sync(spec, source_spec={"tables": {"items": 10, "events": 3}})
    assert code == 0, out
    data = list_objects(s3_client, s3["bucket"], prefix + "/")
    (manifest_key, (_, manifest_body)), = list_objects(s3_client, s3["bucket"], prefix + "-manifests/").items()
    manifest = json.loads(manifest_body)
    assert manifest_key == f"{prefix}-manifests/{manifest['sync_id']}.json"
    assert sorted(o["key"] for o in manifest["objects"]) == sorted(data)
    for entry in manifest["objects"]:
        body = data[entry["key"]][1]
        assert entry["bytes"] == len(body)
        assert entry["rows"] == len(body.decode().splitlines())
        assert entry["crc32"] == f"{zlib.crc32(body):08x}"
    assert manifest["total_rows"] == 13


class FaultProxy:
    """tests/tools/faultproxy.py in front of RGW, started and stopped by PID."""

    def __init__(self, upstream_port, tmp_path):
        self.port = free_port()
        self.log = open(tmp_path / "faultproxy.log", "w")
        self.proc = subprocess.Popen([sys.executable, os.path.join(TOOLS, "faultproxy.py"), "--listen", str(self.port),
                                      "--upstream", str(upstream_port), "--max-seconds", "600"],
                                     stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.proc.stdout.readline()
        assert line.startswith("READY"), line

    def arm(self, **params):
        import urllib.request
        query = "&".join(f"{k}={v}" for k, v in params.items())
        urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{self.port}/__fault?{query}", method="PUT"))

    def stats(self):
        import urllib.request
        return json.load(urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__fault"))

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self.log.close()


@pytest.fixture
def fault_proxy(s3, tmp_path):
    proxy = FaultProxy(int(s3["endpoint"].rsplit(":", 1)[1]), tmp_path)
    yield proxy
    proxy.stop()


@pytest.mark.parametrize("mode", ["slowdown", "internal", "reset", "truncate"])
def test_a_sync_of_1000_objects_survives_faults_with_every_row_exactly_once(
        run_sync, s3, s3_client, prefix, fault_proxy, mode):
    fault_proxy.arm(mode=mode, every=7, methods="PUT,POST")
    # Every 7th upload request fails; with 8 attempts an object fails for good with odds of 7^-8.
    spec = dest_spec(s3, prefix, endpoint=f"http://127.0.0.1:{fault_proxy.port}", batch_size=1, test_write=False,
                     max_retries=8, max_backoff=1)
    code, out, _ = run_sync(spec, source_spec={"tables": {"items": 1000}, "batch_rows": 50})
    assert code == 0, out
    assert fault_proxy.stats()["stats"]["injected"] > 100
    tables = rows_by_table(list_objects(s3_client, s3["bucket"], prefix), prefix)
    ids = sorted(json.loads(line)["id"] for _, _, lines in tables["items"] for line in lines)
    assert ids == list(range(1000))
    assert open_multipart_uploads(s3_client, s3["bucket"], prefix) == []


def test_faults_beyond_max_retries_fail_the_sync_naming_table_and_key(run_sync, s3, s3_client, prefix, fault_proxy):
    fault_proxy.arm(mode="internal", methods="PUT,POST")  # every upload request fails
    spec = dest_spec(s3, prefix, endpoint=f"http://127.0.0.1:{fault_proxy.port}", test_write=False,
                     max_retries=2, max_backoff=1, part_size=5 * 1024 * 1024)
    code, out, log = run_sync(spec, source_spec={"tables": {"items": 3}, "big_blob_bytes": 6_000_000})
    assert code != 0
    text = out + log
    assert 'table "items"' in text and f"{prefix}/items/" in text and "InternalError" in text
    urllib_delete(f"http://127.0.0.1:{fault_proxy.port}/__fault")
    assert open_multipart_uploads(s3_client, s3["bucket"], prefix) == []


def test_slowdown_on_every_5th_upload_slows_1000_objects_down_without_losing_a_row(
        run_sync, s3, s3_client, prefix, fault_proxy):
    # The scenario (3): S3 answers 503 SlowDown to every 5th PUT/POST. With the default
    # max_retries (3 attempts) an object whose requests are throttled 3 times in a row used to fail the
    # sync; throttling answers now lower the request limit and are retried without spending attempts.
    fault_proxy.arm(mode="slowdown", every=5, methods="PUT,POST")
    spec = dest_spec(s3, prefix, endpoint=f"http://127.0.0.1:{fault_proxy.port}", batch_size=6, test_write=False,
                     max_backoff=1)
    code, out, log = run_sync(spec, source_spec={"tables": {"items": 6000}, "batch_rows": 60}, timeout=600)
    assert code == 0, out + log[-3000:]
    stats = fault_proxy.stats()["stats"]
    assert stats["injected"] >= 200, stats
    objects = list_objects(s3_client, s3["bucket"], prefix)
    assert len(objects) == 1000
    tables = rows_by_table(objects, prefix)
    ids = sorted(json.loads(line)["id"] for _, _, lines in tables["items"] for line in lines)
    assert ids == list(range(6000))
    assert open_multipart_uploads(s3_client, s3["bucket"], prefix) == []


@pytest.mark.parametrize("limit", [1, 4])
def test_requests_in_flight_never_exceed_max_concurrent_requests(run_sync, s3, s3_client, prefix, fault_proxy, limit):
    # 300 small objects and two multipart ones: the proxy counts the requests it is relaying at once.
    spec = dest_spec(s3, prefix, endpoint=f"http://127.0.0.1:{fault_proxy.port}", batch_size=10, test_write=False,
                     max_concurrent_requests=limit, part_size=5 * 1024 * 1024)
    code, out, log = run_sync(spec, source_spec={"tables": {"items": 3000, "blobs": 2}, "batch_rows": 100,
                                                 "big_blob_bytes": 8_000_000})
    assert code == 0, out + log[-3000:]
    stats = fault_proxy.stats()["stats"]
    assert stats["requests"] >= 300, stats
    assert 1 <= stats["max_requests_in_flight"] <= limit, stats
    assert stats["max_connections_open"] <= limit + 1, stats  # + the connection of an abandoned attempt at most
    # The plugin's own count, from its end-of-stream summary in the CLI log.
    reported = [int(n) for n in re.findall(r"write finished .*max_requests_in_flight=(\d+)", log)]
    assert reported and all(1 <= n <= limit for n in reported), reported
    tables = rows_by_table(list_objects(s3_client, s3["bucket"], prefix), prefix)
    assert sorted(json.loads(line)["id"] for _, _, lines in tables["items"] for line in lines) == list(range(3000))
    assert open_multipart_uploads(s3_client, s3["bucket"], prefix) == []
