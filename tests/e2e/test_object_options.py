"""Issue 13 §3: storage_class, tags, metadata, content_encoding and if_none_match on the objects
RGW stores, read back with boto3 (HeadObject, GetObjectTagging), single PUT and multipart alike."""
import json

import pytest

from conftest import list_objects
from test_sync import dest_spec

OPTIONS = {"storage_class": "STANDARD", "tags": {"team": "data eng", "source": "cq/s3=1"},
           "metadata": {"Pipeline": "cloudquery", "owner": "data-team"}, "content_encoding": "identity"}


@pytest.mark.parametrize("multipart", [False, True])
def test_storage_class_tags_metadata_and_content_encoding_are_on_the_object(run_sync, s3, s3_client, prefix, multipart):
    source = {"tables": {"items": 3}}
    extra = dict(OPTIONS)
    if multipart:
        # Row 1 carries a 6 MB blob: the object is uploaded in 5 MiB parts.
        source.update(big_blob_bytes=6_000_000)
        extra.update(part_size=5 * 1024 * 1024)
    code, out, _ = run_sync(dest_spec(s3, prefix, test_write=False, **extra), source_spec=source)
    assert code == 0, out
    (key,) = list_objects(s3_client, s3["bucket"], prefix)
    head = s3_client.head_object(Bucket=s3["bucket"], Key=key)
    assert ("-" in head["ETag"]) == multipart
    assert head["Metadata"] == {"pipeline": "cloudquery", "owner": "data-team"}
    assert head["ContentEncoding"] == "identity"
    # RGW reports no x-amz-storage-class for STANDARD (S3 does the same); a class it does not know is refused.
    assert head.get("StorageClass", "STANDARD") == "STANDARD"
    tags = s3_client.get_object_tagging(Bucket=s3["bucket"], Key=key).get("TagSet", [])
    if multipart:
        # Ceph RGW keeps no tags given to CreateMultipartUpload (boto3's own Tagging= gets the same
        # empty TagSet); the header is sent there as on PutObject (S3 applies it).
        assert tags == []
    else:
        assert sorted((t["Key"], t["Value"]) for t in tags) == [("source", "cq/s3=1"), ("team", "data eng")]


def test_a_storage_class_rgw_does_not_have_fails_the_object_with_rgws_answer(run_sync, s3, prefix):
    # RGW's default placement defines STANDARD only: it answers 400 InvalidArgument for GLACIER, and
    # the sync fails naming the object (nothing is lost silently).
    code, out, log = run_sync(dest_spec(s3, prefix, test_write=False, storage_class="GLACIER"),
                              source_spec={"tables": {"items": 2}})
    assert code != 0
    assert "InvalidArgument" in out + log and f"{prefix}/items/" in out + log, out


def test_if_none_match_keeps_the_first_object_and_fails_the_second_write_naming_the_key(run_sync, s3, s3_client, prefix):
    path = f"{prefix}/{{{{TABLE}}}}/fixed.{{{{FORMAT}}}}"
    spec = dest_spec(s3, prefix, path=path, no_rotate=True, test_write=False, if_none_match=True)
    code, out, _ = run_sync(spec, source_spec={"tables": {"items": 3}})
    assert code == 0, out
    key = f"{prefix}/items/fixed.json"
    first = s3_client.get_object(Bucket=s3["bucket"], Key=key)["Body"].read()
    assert [json.loads(line)["id"] for line in first.decode().splitlines()] == [0, 1, 2]
    code, out, log = run_sync(spec, source_spec={"tables": {"items": 5}})
    assert code != 0
    assert f"object {key} already exists and `if_none_match` is true" in out + log, out
    assert s3_client.get_object(Bucket=s3["bucket"], Key=key)["Body"].read() == first


# A multipart object sends `If-None-Match: *` on CompleteMultipartUpload (S3 decides there), but
# Ceph RGW 16 ignores it on Complete (boto3's own IfNoneMatch= overwrites too): that path is checked
# on the wire in Tests/S3ClientTests/MultipartRequestTests.swift (completeConditional) instead.


def test_bad_object_options_fail_init_with_a_message(run_sync, s3, prefix):
    code, out, _ = run_sync(dest_spec(s3, prefix, tags={f"k{i}": "v" for i in range(11)}))
    assert code != 0
    assert "`tags` has 11 tags; S3 allows at most 10 per object" in out
