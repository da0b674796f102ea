"""tests/tools/ministack_server.py: ministack starts on 127.0.0.1, the bootstrapped IAM key works,
a wrong secret is refused, a wrong CRC32 is refused (the reason ministack is in the testbed), and
stopping the wrapper stops ministack and removes the key file."""
import json
import os
import stat
import sys

import pytest

from conftest import HERE

WRAPPER = os.path.join(HERE, "ministack_server.py")


def ministack_binary():
    for path in (os.environ.get("MINISTACK_BIN"), os.path.join(os.path.dirname(sys.executable), "ministack")):
        if path and os.access(path, os.X_OK):
            return path
    return None


@pytest.fixture
def ministack(spawn, tmp_path):
    binary = ministack_binary()
    if binary is None:
        pytest.skip(f"ministack is not installed next to {sys.executable} (nor $MINISTACK_BIN): "
                    f"add `ministack==1.5.33` to tests/requirements.txt and run `make deps`")
    keys = tmp_path / "keys.json"
    server = spawn(WRAPPER, "--keys-file", keys, "--ministack-bin", binary, "--max-seconds", 120, ready_timeout=60)
    return server, keys


def test_bootstrapped_key_works_and_checksums_are_verified(ministack):
    import boto3
    from botocore.config import Config
    from botocore.exceptions import ClientError

    server, keys_path = ministack
    assert stat.S_IMODE(os.stat(keys_path).st_mode) == 0o600
    keys = json.loads(keys_path.read_text())
    assert keys["endpoint"] == f"http://127.0.0.1:{server.port}"
    assert keys["secret_access_key"] not in server.ready_line

    def s3(secret):
        return boto3.client("s3", endpoint_url=keys["endpoint"], region_name="us-east-1",
                            aws_access_key_id=keys["access_key_id"], aws_secret_access_key=secret,
                            config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}))

    good = s3(keys["secret_access_key"])
    good.put_object(Bucket=keys["bucket"], Key="ok", Body=b"hello")
    assert good.get_object(Bucket=keys["bucket"], Key="ok")["Body"].read() == b"hello"
    with pytest.raises(ClientError) as wrong_checksum:
        good.put_object(Bucket=keys["bucket"], Key="bad", Body=b"hello", ChecksumCRC32="AAAAAA==")
    assert wrong_checksum.value.response["Error"]["Code"] == "BadDigest"
    with pytest.raises(ClientError) as wrong_secret:
        s3("not-the-secret").put_object(Bucket=keys["bucket"], Key="x", Body=b"x")
    assert wrong_secret.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403

    child = keys["pid"]
    server.stop()
    assert server.proc.returncode == 0
    assert not os.path.exists(f"/proc/{child}") or " Z " in open(f"/proc/{child}/stat").read(), \
        "ministack must be stopped with its wrapper"
    assert not keys_path.exists(), "the key file goes away with the server"
