"""A real `cloudquery sync` (CLI 6.21.1) → cq-dest-s3 → Ceph RGW, read back with boto3."""
import json
import re

import pytest

import fixture_tables
from conftest import list_objects

UUID_RE = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"


def dest_spec(s3, prefix, **extra):
    spec = {"bucket": s3["bucket"], "region": s3["region"], "endpoint": s3["endpoint"], "use_path_style": True,
            "path": f"{prefix}/{{{{TABLE}}}}/{{{{UUID}}}}.{{{{FORMAT}}}}", "format": "json"}
    spec.update(extra)
    return spec


def rows_by_table(objects, prefix):
    """table → list of (key, parsed rows) of the data objects (the test object excluded)."""
    tables = {}
    for key, (head, body) in objects.items():
        table = key[len(prefix) + 1:].split("/")[0]
        if table == "TEST_TABLE":
            continue
        lines = body.decode().splitlines()
        tables.setdefault(table, []).append((key, head, lines))
    return tables


def test_json_sync_writes_every_row_exactly_once(run_sync, s3, s3_client, prefix):
    counts = {"items": 25, "events": 9}
    code, out, _ = run_sync(dest_spec(s3, prefix, batch_size=7),
                            source_spec={"tables": counts, "batch_rows": 4})
    assert code == 0, out
    objects = list_objects(s3_client, s3["bucket"], prefix)
    tables = rows_by_table(objects, prefix)
    assert set(tables) == set(counts)
    for table, n in counts.items():
        seen = []
        sizes = []
        for key, head, lines in tables[table]:
            assert re.fullmatch(rf"{re.escape(prefix)}/{table}/{UUID_RE}\.json", key), key
            assert head["ContentType"] == "application/json"
            sizes.append(len(lines))
            for line in lines:
                decoded = json.loads(line)
                # Keys sorted, as the Go plugin writes them.
                assert list(decoded) == sorted(decoded), line
                seen.append(decoded)
        # batch_size 7: objects of exactly 7 rows, the last one the remainder.
        assert sorted(sizes, reverse=True) == [7] * (n // 7) + ([n % 7] if n % 7 else [])
        assert sorted(r["id"] for r in seen) == list(range(n))
        for r in seen:
            expect = fixture_tables.row(table, r["id"])
            assert r["_cq_source_name"] == "fixture"
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", r["_cq_sync_time"])
            assert r["name"] == expect["name"]
            assert r["big"] == expect["big"]  # uint64 above 2^63, exact
            assert r["price"] == expect["price"]
            assert r["active"] == expect["active"]
            assert r["created_at"] == expect["created_at"].strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            assert r["day"] == expect["day"].isoformat()
            assert r["uid"] == str(expect["uid"])
            assert r["doc"] == expect["doc"]  # json columns are embedded, not strings
            assert r["ip"] == expect["ip"]
            assert r["mac"] == ":".join(f"{b:02x}" for b in expect["mac"])
    # The Go plugin's test object: empty, under the path rendered for TEST_TABLE/TEST_UUID.
    test_key = f"{prefix}/TEST_TABLE/TEST_UUID.json"
    assert test_key in objects and objects[test_key][1] == b""


def test_virtual_hosted_addressing_is_the_default(run_sync, s3, s3_client, prefix):
    # Virtual-hosted style: the bucket goes into the host name (test-bucket.localhost:PORT).
    endpoint = s3["endpoint"].replace("127.0.0.1", "localhost")
    spec = dest_spec(s3, prefix, endpoint=endpoint, test_write=False)
    del spec["use_path_style"]
    code, out, _ = run_sync(spec, source_spec={"tables": {"items": 3}})
    assert code == 0, out
    tables = rows_by_table(list_objects(s3_client, s3["bucket"], prefix), prefix)
    assert sum(len(lines) for _, _, lines in tables["items"]) == 3


def test_wrong_secret_key_fails_naming_the_signature_error(run_sync, s3, prefix):
    code, out, log = run_sync(dest_spec(s3, prefix), env={"AWS_SECRET_ACCESS_KEY": "wrong-secret-key"})
    assert code != 0
    assert "SignatureDoesNotMatch" in out + log
    assert "wrong-secret-key" not in out + log  # secrets never reach output


def test_spec_error_fails_init_with_the_go_message(run_sync, s3, prefix):
    spec = dest_spec(s3, prefix, path=f"{prefix}/{{{{TABLE}}}}.json")
    code, out, _ = run_sync(spec)
    assert code != 0
    assert ("failed to init plugin: failed to initialize client: `path` should contain {{UUID}} when using a "
            "non-zero `batch_size`, `batch_size_bytes` or `batch_timeout_ms`") in out


def test_failed_upload_fails_the_sync_naming_table_key_and_code(run_sync, s3, prefix):
    spec = dest_spec(s3, prefix, bucket="no-such-bucket-cq-dest-s3", test_write=False)
    code, out, log = run_sync(spec, source_spec={"tables": {"items": 3}})
    assert code != 0
    text = out + log
    assert "NoSuchBucket" in text
    assert "items" in text and f"{prefix}/items/" in text


def test_missing_credentials_fail_init_with_the_go_message(run_sync, s3, prefix, tmp_path):
    env = {"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "HOME": str(tmp_path),
           "AWS_EC2_METADATA_DISABLED": "true"}
    code, out, log = run_sync(dest_spec(s3, prefix), env=env)
    assert code != 0
    assert ("error retrieving AWS credentials (see logs for details). Please verify your credentials and try "
            "again") in out


def test_inserts_above_grpcs_default_4_mib_limit_are_accepted(run_sync, s3, s3_client, prefix):
    # One Insert message of ~6 MB: the plugin must raise gRPC's receive limit to the CLI's 200 MiB.
    code, out, _ = run_sync(dest_spec(s3, prefix, test_write=False),
                            source_spec={"tables": {"items": 3}, "big_blob_bytes": 6_000_000})
    assert code == 0, out
    tables = rows_by_table(list_objects(s3_client, s3["bucket"], prefix), prefix)
    rows = {json.loads(line)["id"]: json.loads(line) for _, _, lines in tables["items"] for line in lines}
    assert sorted(rows) == [0, 1, 2]
    assert len(rows[1]["blob"]) == 8_000_000  # base64 of 6,000,000 bytes


def test_cloudquery_test_connection_reports_success_and_unauthorized(tmp_path, plugin_binary, cloudquery_cli, s3,
                                                                      prefix):
    import os
    import subprocess

    from conftest import sync_config
    config = sync_config("127.0.0.1:1", {}, plugin_binary, dest_spec(s3, prefix)).split("---\n")[1]
    (tmp_path / "dest.yml").write_text(config)

    def test_connection(secret):
        env = dict(os.environ, AWS_ACCESS_KEY_ID=s3["access_key"], AWS_SECRET_ACCESS_KEY=secret)
        return subprocess.run([cloudquery_cli, "test-connection", str(tmp_path / "dest.yml"), "--telemetry-level",
                               "none", "--no-log-file"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=120)

    ok = test_connection(s3["secret_key"])
    assert ok.returncode == 0 and "Success" in ok.stdout, ok.stdout
    bad = test_connection("not-the-secret")
    assert bad.returncode != 0
    assert "Failure: UNAUTHORIZED" in bad.stdout and "SignatureDoesNotMatch" in bad.stdout
