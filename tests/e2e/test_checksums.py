"""CRC32 checksums checked by a server that verifies them: ministack (Ceph RGW ignores them).
A real CLI sync whose PutObject and UploadPart requests carry our x-amz-checksum-crc32 values
succeeds only if every value is right; a corrupted one is refused with BadDigest."""
import json
import os
import signal
import subprocess
import sys

import boto3
import pytest
from botocore.config import Config

from conftest import HERE
from test_sync import dest_spec

LAUNCHER = os.path.join(os.path.dirname(HERE), "tools", "ministack_server.py")


@pytest.fixture(scope="module")
def ministack(tmp_path_factory):
    if not os.environ.get("MINISTACK_BIN"):
        pytest.fail("MINISTACK_BIN is not set: run `make test` (make deps installs ministack in .venv-ministack)",
                    pytrace=False)
    keys = tmp_path_factory.mktemp("ministack") / "keys.json"
    proc = subprocess.Popen([sys.executable, LAUNCHER, "--keys-file", str(keys), "--max-seconds", "900"],
                            stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("READY"), f"ministack did not start: {line!r}"
        yield json.loads(keys.read_text())
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)


def test_our_checksums_are_accepted_by_a_verifying_server(run_sync, ministack, prefix):
    s3 = {"bucket": ministack["bucket"], "region": ministack["region"], "endpoint": ministack["endpoint"]}
    # Row 1's 6 MB blob makes one object multipart (parts of 5 MiB), the others single PUTs.
    spec = dest_spec(s3, prefix, batch_size=2, part_size=5 * 1024 * 1024)
    env = {"AWS_ACCESS_KEY_ID": ministack["access_key_id"], "AWS_SECRET_ACCESS_KEY": ministack["secret_access_key"]}
    code, out, log = run_sync(spec, source_spec={"tables": {"items": 5}, "big_blob_bytes": 6_000_000}, env=env)
    assert code == 0, out
    client = boto3.client("s3", endpoint_url=ministack["endpoint"], region_name=ministack["region"],
                          aws_access_key_id=ministack["access_key_id"],
                          aws_secret_access_key=ministack["secret_access_key"],
                          config=Config(s3={"addressing_style": "path"}))
    keys = [o["Key"] for o in client.list_objects_v2(Bucket=ministack["bucket"], Prefix=prefix)["Contents"]]
    data_keys = [k for k in keys if "/items/" in k]
    assert len(data_keys) == 3
    modes = set()
    for key in data_keys:
        head = client.head_object(Bucket=ministack["bucket"], Key=key, ChecksumMode="ENABLED")
        assert head.get("ChecksumCRC32"), key  # the server stored (and verified) our checksum
        modes.add("-" in head["ETag"])
    assert modes == {True, False}  # both a multipart and a single-PUT object were verified


def test_a_corrupted_checksum_is_refused(run_sync, ministack, prefix):
    # The same request path with a wrong value: the server must answer BadDigest.
    client = boto3.client("s3", endpoint_url=ministack["endpoint"], region_name=ministack["region"],
                          aws_access_key_id=ministack["access_key_id"],
                          aws_secret_access_key=ministack["secret_access_key"],
                          config=Config(s3={"addressing_style": "path"}))
    upload = client.create_multipart_upload(Bucket=ministack["bucket"], Key=f"{prefix}/x", ChecksumAlgorithm="CRC32")
    with pytest.raises(client.exceptions.ClientError) as refused:
        client.upload_part(Bucket=ministack["bucket"], Key=f"{prefix}/x", UploadId=upload["UploadId"], PartNumber=1,
                           Body=b"data", ChecksumCRC32="AAAAAA==")
    assert refused.value.response["Error"]["Code"] == "BadDigest"
    client.abort_multipart_upload(Bucket=ministack["bucket"], Key=f"{prefix}/x", UploadId=upload["UploadId"])
