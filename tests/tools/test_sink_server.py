"""bench/sink_server.py driven by boto3 (not our code): the S3 calls the plugin makes get S3's
answers, multipart parts are checked as S3 checks them, and the counters add up."""
import base64
import hashlib
import http.client
import json
import os
import zlib

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from conftest import BENCH

SINK = os.path.join(BENCH, "sink_server.py")
MIB = 1024 * 1024


def client(port):
    return boto3.client("s3", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
                        aws_access_key_id="AKIDBENCH", aws_secret_access_key="any",
                        config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}))


def stats(port, method="GET"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(method, "/__stats")
    data = json.loads(conn.getresponse().read())
    conn.close()
    return data


def error_code(call):
    with pytest.raises(ClientError) as got:
        call()
    return got.value.response["Error"]["Code"]


@pytest.fixture
def sink(spawn):
    return spawn(SINK, "--md5", "--max-seconds", 120)


def test_put_head_get_list_delete(sink):
    s3 = client(sink.port)
    key = "dir one/ä+b=c&d.txt"
    put = s3.put_object(Bucket="bucket", Key=key, Body=b"hello", ContentType="text/csv")
    assert put["ETag"] == f'"{hashlib.md5(b"hello").hexdigest()}"'
    head = s3.head_object(Bucket="bucket", Key=key)
    assert head["ContentLength"] == 5 and head["ContentType"] == "text/csv" and head["ETag"] == put["ETag"]
    assert s3.get_object(Bucket="bucket", Key=key)["Body"].read() == b"hello"
    for i in range(5):
        s3.put_object(Bucket="bucket", Key=f"page/{i}", Body=b"x" * i)
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket="bucket", Prefix="page/",
                                                         PaginationConfig={"PageSize": 2})
    listed = [(o["Key"], o["Size"]) for page in pages for o in page.get("Contents", [])]
    assert listed == [(f"page/{i}", i) for i in range(5)]
    s3.delete_object(Bucket="bucket", Key=key)
    assert error_code(lambda: s3.get_object(Bucket="bucket", Key=key)) == "NoSuchKey"


def test_virtual_hosted_addressing(sink):
    # What a client sends for https://vbucket.localhost:PORT/obj, without needing the name to resolve.
    conn = http.client.HTTPConnection("127.0.0.1", sink.port, timeout=10)
    conn.request("PUT", "/obj", body=b"vhost", headers={"Host": f"vbucket.localhost:{sink.port}"})
    assert conn.getresponse().status == 200
    conn.close()
    assert client(sink.port).head_object(Bucket="vbucket", Key="obj")["ContentLength"] == 5


def test_multipart_of_three_parts_then_no_upload_is_left(sink):
    s3 = client(sink.port)
    parts_data = [os.urandom(5 * MIB), os.urandom(5 * MIB), os.urandom(1024)]
    upload = s3.create_multipart_upload(Bucket="b", Key="mp/object.bin", ContentType="application/octet-stream")
    upload_id = upload["UploadId"]
    listed = s3.list_multipart_uploads(Bucket="b")["Uploads"]
    assert [(u["Key"], u["UploadId"]) for u in listed] == [("mp/object.bin", upload_id)]
    parts = []
    for number, data in enumerate(parts_data, start=1):
        etag = s3.upload_part(Bucket="b", Key="mp/object.bin", UploadId=upload_id, PartNumber=number, Body=data)["ETag"]
        assert etag == f'"{hashlib.md5(data).hexdigest()}"'
        parts.append({"PartNumber": number, "ETag": etag})
    done = s3.complete_multipart_upload(Bucket="b", Key="mp/object.bin", UploadId=upload_id,
                                        MultipartUpload={"Parts": parts})
    expected = hashlib.md5(b"".join(hashlib.md5(d).digest() for d in parts_data)).hexdigest() + "-3"
    assert done["ETag"] == f'"{expected}"'
    head = s3.head_object(Bucket="b", Key="mp/object.bin")
    assert head["ContentLength"] == sum(len(d) for d in parts_data)
    assert "Uploads" not in s3.list_multipart_uploads(Bucket="b")

    aborted = s3.create_multipart_upload(Bucket="b", Key="mp/aborted")["UploadId"]
    s3.upload_part(Bucket="b", Key="mp/aborted", UploadId=aborted, PartNumber=1, Body=b"a")
    s3.abort_multipart_upload(Bucket="b", Key="mp/aborted", UploadId=aborted)
    assert "Uploads" not in s3.list_multipart_uploads(Bucket="b")
    assert error_code(lambda: s3.abort_multipart_upload(Bucket="b", Key="mp/aborted", UploadId=aborted)) \
        == "NoSuchUpload"

    s = stats(sink.port)
    assert s["multipart_created"] == 2 and s["multipart_completed"] == 1 and s["multipart_aborted"] == 1
    assert s["parts_uploaded"] == 4 and s["open_uploads"] == 0
    assert s["body_bytes_received"] >= sum(len(d) for d in parts_data) + 1
    assert s["requests"]["UploadPart"] == 4


def test_complete_is_checked_like_s3(sink):
    s3 = client(sink.port)
    upload_id = s3.create_multipart_upload(Bucket="b", Key="bad")["UploadId"]
    small = s3.upload_part(Bucket="b", Key="bad", UploadId=upload_id, PartNumber=1, Body=b"tiny")["ETag"]
    last = s3.upload_part(Bucket="b", Key="bad", UploadId=upload_id, PartNumber=2, Body=b"end")["ETag"]

    def complete(parts):
        return lambda: s3.complete_multipart_upload(Bucket="b", Key="bad", UploadId=upload_id,
                                                    MultipartUpload={"Parts": parts})

    assert error_code(complete([{"PartNumber": 2, "ETag": last}, {"PartNumber": 1, "ETag": small}])) \
        == "InvalidPartOrder"
    assert error_code(complete([{"PartNumber": 1, "ETag": '"0000"'}])) == "InvalidPart"
    assert error_code(complete([{"PartNumber": 1, "ETag": small}, {"PartNumber": 2, "ETag": last}])) \
        == "EntityTooSmall"
    assert error_code(lambda: s3.upload_part(Bucket="b", Key="bad", UploadId="nope", PartNumber=1, Body=b"x")) \
        == "NoSuchUpload"
    assert s3.list_multipart_uploads(Bucket="b")["Uploads"][0]["UploadId"] == upload_id, "failed Completes keep it"
    assert stats(sink.port)["errors"] == {"InvalidPartOrder": 1, "InvalidPart": 1, "EntityTooSmall": 1,
                                          "NoSuchUpload": 1}


def test_checksum_verification_and_echo(spawn):
    sink = spawn(SINK, "--verify-checksums", "--max-seconds", 60)
    s3 = client(sink.port)
    good = base64.b64encode(zlib.crc32(b"payload").to_bytes(4, "big")).decode()
    conn = http.client.HTTPConnection("127.0.0.1", sink.port, timeout=10)
    conn.request("PUT", "/b/crc", body=b"payload", headers={"x-amz-checksum-crc32": good})
    response = conn.getresponse()
    response.read()
    assert response.status == 200 and response.getheader("x-amz-checksum-crc32") == good
    conn.close()
    assert error_code(lambda: s3.put_object(Bucket="b", Key="crc-bad", Body=b"payload", ChecksumCRC32="AAAAAA==")) \
        == "BadDigest"


def test_large_bodies_are_discarded_but_indexed_and_stats_reset(spawn):
    sink = spawn(SINK, "--max-seconds", 60)
    s3 = client(sink.port)
    s3.put_object(Bucket="b", Key="big", Body=b"\0" * (2 * MIB))
    assert s3.head_object(Bucket="b", Key="big")["ContentLength"] == 2 * MIB
    assert error_code(lambda: s3.get_object(Bucket="b", Key="big")) == "NotImplemented"
    s = stats(sink.port)
    assert s["objects_put"] == 1 and s["body_bytes_received"] == 2 * MIB and s["sink_cpu_seconds"] >= 0
    assert s["max_in_flight"] >= 1 and s["in_flight"] == 0
    reset = stats(sink.port, "DELETE")
    assert reset["objects_put"] == 0 and reset["body_bytes_received"] == 0
    assert reset["objects_stored"] == 1, "the index survives a counter reset"
