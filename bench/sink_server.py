#!/usr/bin/env python3
"""Bench-only local S3 sink: speaks the upload API and throws the bytes away (127.0.0.1 only).

    sink_server.py [--listen 0] [--max-seconds 3600] [--md5] [--verify-checksums]
                   [--min-part-size 5242880] [--keep-bytes 65536] [--vhost-suffix localhost] [--log]

A benchmark against a real S3 server measures the server too; this sink reads every body at
full speed (threaded, 1 MiB reads) and keeps only an index, so what is left is the client's own
cost. It is not a test double for correctness: there is no authentication and no persistence.

Speaks: PutObject, CreateMultipartUpload, UploadPart, CompleteMultipartUpload (parts checked as
S3 does: ascending, known ETags, EntityTooSmall below --min-part-size except the last),
AbortMultipartUpload, ListMultipartUploads, HeadObject, GetObject (only bodies up to
--keep-bytes are kept; larger ones answer 501), DeleteObject, DeleteObjects, ListObjects(V2),
HeadBucket, CreateBucket, GetBucketLocation. Every bucket exists. Path-style and virtual-hosted
(`Host: <bucket>.localhost:PORT`) addressing.

ETags: PutObject/UploadPart ETags are a per-object random MD5 unless --md5 hashes the bodies
(costs CPU the bench would otherwise not pay); multipart ETags are S3's md5-of-md5s "-N" form.
`x-amz-checksum-*` request headers are echoed; --verify-checksums checks CRC32 (400 BadDigest).

Counters: `GET /__stats` (JSON: requests per operation, body bytes, objects, uploads, parts,
max parts in flight, errors, the sink's own CPU seconds and peak RSS); `DELETE /__stats` zeroes
them. Prints `READY 127.0.0.1:PORT` once listening; exits after --max-seconds or on SIGTERM.
"""
import argparse
import base64
import hashlib
import json
import signal
import sys
import threading
import traceback
import urllib.parse
import xml.etree.ElementTree as ET
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

from sink_store import S3_MIN_PART, S3Error, SinkStore, synthetic_md5

NS = "http://s3.amazonaws.com/doc/2006-03-01/"
READ_CHUNK = 1 << 20
MAX_XML_BODY = 8 * 1024 * 1024  # Complete of 10,000 parts is ~1 MB of XML


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def http_date(dt):
    return dt.strftime("%a, %d %b %Y %H:%M:%S GMT")


class SinkHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "cq-bench-sink"
    sys_version = ""
    timeout = 300

    def setup(self):
        super().setup()
        self.buffer = bytearray(READ_CHUNK)  # one per connection, reused for every body

    def log_message(self, fmt, *args):
        if self.server.log_requests:
            sys.stderr.write("sink: " + (fmt % args) + "\n")

    # --- plumbing ---------------------------------------------------------------------------

    def send(self, status, body=b"", headers=(), content_type="application/xml"):
        self.send_response(status)
        self.send_header("x-amz-request-id", f"sink-{threading.get_ident() % 1000000}")
        for k, v in headers:
            self.send_header(k, v)
        if body or status not in (204, 304):
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def send_xml(self, status, xml, headers=()):
        self.send(status, b'<?xml version="1.0" encoding="UTF-8"?>\n' + xml.encode(), headers)

    def send_s3_error(self, err, resource):
        body = (f"<Error><Code>{err.code}</Code><Message>{escape(err.message)}</Message>"
                f"<Resource>{escape(resource)}</Resource><RequestId>sink</RequestId></Error>")
        if self.command == "HEAD":
            self.send(err.status)
        else:
            self.send_xml(err.status, body)

    def read_body(self, md5=False, crc32=False, keep=False):
        """Reads the whole request body in large chunks. Returns (wire bytes, md5 digest or None,
        crc32 or None, kept bytes or None). Handles Content-Length and chunked framing."""
        digest = hashlib.md5() if md5 else None
        crc = 0 if crc32 else None
        kept = bytearray() if keep else None
        view = memoryview(self.buffer)
        total = 0

        def take(n):
            nonlocal crc, total
            left = n
            while left:
                got = self.rfile.readinto(view[:min(left, READ_CHUNK)])
                if not got:
                    raise ConnectionError(f"client closed with {left} body bytes missing")
                chunk = view[:got]
                if digest is not None:
                    digest.update(chunk)
                if crc is not None:
                    crc = zlib.crc32(chunk, crc)
                if kept is not None:
                    kept.extend(chunk)
                left -= got
                total += got

        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            while True:
                size = int(self.rfile.readline(1024).split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass
                    break
                take(size)
                self.rfile.readline(16)
        else:
            take(int(self.headers.get("Content-Length") or 0))
        return total, (digest.digest() if digest else None), crc, kept

    def object_size(self, wire_bytes):
        # aws-chunked bodies (STREAMING-* payloads) carry framing; the object is the decoded size.
        decoded = self.headers.get("x-amz-decoded-content-length")
        return int(decoded) if decoded else wire_bytes

    def streaming_payload(self):
        return self.headers.get("x-amz-content-sha256", "").startswith("STREAMING-")

    def checksum_headers(self):
        return [(k, v) for k, v in self.headers.items()
                if k.lower().startswith("x-amz-checksum-") and k.lower() != "x-amz-checksum-algorithm"]

    def verify(self, wire_md5, crc):
        md5_header = self.headers.get("Content-MD5")
        if wire_md5 is not None and md5_header and base64.b64encode(wire_md5).decode() != md5_header.strip():
            raise S3Error(400, "BadDigest", "The Content-MD5 you specified did not match what we received.")
        crc_header = self.headers.get("x-amz-checksum-crc32")
        if crc is not None and crc_header:
            if base64.b64encode(crc.to_bytes(4, "big")).decode() != crc_header.strip():
                raise S3Error(400, "BadDigest", "The CRC32 you specified did not match the calculated checksum.")

    def address(self):
        """(bucket, key, query dict) for path-style or virtual-hosted requests."""
        path, _, query = self.path.partition("?")
        q = {k: v[-1] for k, v in urllib.parse.parse_qs(query, keep_blank_values=True).items()}
        host = self.headers.get("Host", "").rsplit(":", 1)[0].lower()
        suffix = "." + self.server.vhost_suffix
        if host.endswith(suffix) and len(host) > len(suffix):
            return host[:-len(suffix)], urllib.parse.unquote(path[1:]), q
        bucket, _, key = path[1:].partition("/")
        return urllib.parse.unquote(bucket), urllib.parse.unquote(key), q

    # --- dispatch ---------------------------------------------------------------------------

    def dispatch(self):
        if self.path.split("?", 1)[0] == "/__stats":
            return self.stats()
        bucket, key, q = self.address()
        m = self.command
        if m == "PUT" and key and "uploadId" in q and "partNumber" in q:
            return self.run("UploadPart", self.upload_part, bucket, key, q)
        if m == "PUT" and key:
            return self.run("PutObject", self.put_object, bucket, key, q)
        if m == "PUT" and bucket:
            return self.run("CreateBucket", self.drained_ok, bucket, key, q)
        if m == "POST" and key and "uploads" in q:
            return self.run("CreateMultipartUpload", self.create_upload, bucket, key, q)
        if m == "POST" and key and "uploadId" in q:
            return self.run("CompleteMultipartUpload", self.complete, bucket, key, q)
        if m == "POST" and bucket and not key and "delete" in q:
            return self.run("DeleteObjects", self.delete_objects, bucket, key, q)
        if m == "DELETE" and key and "uploadId" in q:
            return self.run("AbortMultipartUpload", self.abort, bucket, key, q)
        if m == "DELETE" and key:
            return self.run("DeleteObject", self.delete_object, bucket, key, q)
        if m in ("GET", "HEAD") and key and "uploadId" not in q:
            return self.run("GetObject" if m == "GET" else "HeadObject", self.get_object, bucket, key, q)
        if m == "GET" and bucket and not key and "uploads" in q:
            return self.run("ListMultipartUploads", self.list_uploads, bucket, key, q)
        if m == "GET" and bucket and not key and "location" in q:
            return self.run("GetBucketLocation", self.location, bucket, key, q)
        if m == "GET" and bucket and not key:
            return self.run("ListObjects", self.list_objects, bucket, key, q)
        if m in ("HEAD", "DELETE") and bucket and not key:
            return self.run("HeadBucket" if m == "HEAD" else "DeleteBucket", self.drained_ok, bucket, key, q)
        return self.run("Unsupported", self.unsupported, bucket, key, q)

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = dispatch

    def run(self, op, fn, bucket, key, q):
        store = self.server.store
        store.request_started(op)
        self.body_bytes = 0
        error_code = None
        try:
            fn(bucket, key, q)
        except S3Error as e:
            error_code = e.code
            if self.body_unread:
                self.drain()
            self.send_s3_error(e, f"/{bucket}/{key}")
        except (ConnectionError, OSError) as e:
            error_code = type(e).__name__  # the client went away mid-request
            self.close_connection = True
        except Exception as e:  # a sink bug must show, not hang the client
            error_code = "InternalError"
            traceback.print_exc()
            self.close_connection = True
            try:
                self.send_s3_error(S3Error(500, "InternalError", f"sink: {type(e).__name__}: {e}"), self.path)
            except OSError:
                pass
        finally:
            store.request_done(op, self.body_bytes, error_code)

    @property
    def body_unread(self):
        return getattr(self, "_body_unread", True)

    def consume(self, **kw):
        self._body_unread = False
        wire, md5, crc, kept = self.read_body(**kw)
        self.body_bytes = wire
        return wire, md5, crc, kept

    def drain(self):
        self.consume()

    def handle_one_request(self):
        self._body_unread = True
        super().handle_one_request()

    # --- operations -------------------------------------------------------------------------

    def drained_ok(self, bucket, key, q):
        self.drain()
        self.send(200 if self.command != "DELETE" else 204, headers=[("x-amz-bucket-region", "us-east-1")])

    def unsupported(self, bucket, key, q):
        self.drain()
        raise S3Error(501, "NotImplemented", f"the bench sink does not implement {self.command} {self.path}")

    def hash_body(self):
        return self.server.md5 and not self.streaming_payload()

    def put_object(self, bucket, key, q):
        store = self.server.store
        length = int(self.headers.get("Content-Length") or 0)
        keep = store.wants_body(length) and not self.streaming_payload()
        wire, md5, crc, kept = self.consume(md5=self.hash_body(), crc32=self.server.verify_crc, keep=keep)
        self.verify(md5, crc)
        size = self.object_size(wire)
        digest = md5 or synthetic_md5(bucket, key, size)
        etag = f'"{digest.hex()}"'
        store.put_object(bucket, key, size, etag, self.headers.get("Content-Type", "binary/octet-stream"), kept)
        self.send(200, headers=[("ETag", etag)] + self.checksum_headers())

    def create_upload(self, bucket, key, q):
        self.drain()
        upload = self.server.store.create_upload(bucket, key, self.headers.get("Content-Type", "binary/octet-stream"))
        self.send_xml(200, f'<InitiateMultipartUploadResult xmlns="{NS}"><Bucket>{escape(bucket)}</Bucket>'
                           f"<Key>{escape(key)}</Key><UploadId>{upload.upload_id}</UploadId>"
                           f"</InitiateMultipartUploadResult>")

    def upload_part(self, bucket, key, q):
        wire, md5, crc, _ = self.consume(md5=self.hash_body(), crc32=self.server.verify_crc)
        store = self.server.store
        upload = store.upload_for(bucket, key, q["uploadId"])
        self.verify(md5, crc)
        try:
            number = int(q["partNumber"])
        except ValueError:
            raise S3Error(400, "InvalidArgument", f"partNumber {q['partNumber']!r} is not a number")
        size = self.object_size(wire)
        etag = store.add_part(upload, number, size, md5 or synthetic_md5(bucket, f"{key}#{number}", size))
        self.send(200, headers=[("ETag", etag)] + self.checksum_headers())

    def read_xml(self):
        if int(self.headers.get("Content-Length") or 0) > MAX_XML_BODY:
            raise S3Error(400, "MaxMessageLengthExceeded", "Your request was too big.")
        _, _, _, kept = self.consume(keep=True)
        try:
            return ET.fromstring(bytes(kept))
        except ET.ParseError:
            raise S3Error(400, "MalformedXML", "The XML you provided was not well-formed.")

    def complete(self, bucket, key, q):
        root = self.read_xml()
        upload = self.server.store.upload_for(bucket, key, q["uploadId"])
        parts = []
        for part in root:
            if part.tag.rsplit("}", 1)[-1] != "Part":
                continue
            fields = {child.tag.rsplit("}", 1)[-1]: (child.text or "") for child in part}
            try:
                parts.append((int(fields["PartNumber"]), fields["ETag"]))
            except (KeyError, ValueError):
                raise S3Error(400, "MalformedXML", "Each Part needs a PartNumber and an ETag.")
        etag = self.server.store.complete(upload, parts)
        self.send_xml(200, f'<CompleteMultipartUploadResult xmlns="{NS}">'
                           f"<Location>http://127.0.0.1:{self.server.server_address[1]}/{escape(bucket)}/"
                           f"{escape(urllib.parse.quote(key))}</Location><Bucket>{escape(bucket)}</Bucket>"
                           f"<Key>{escape(key)}</Key><ETag>{escape(etag)}</ETag></CompleteMultipartUploadResult>")

    def abort(self, bucket, key, q):
        self.drain()
        store = self.server.store
        store.abort(store.upload_for(bucket, key, q["uploadId"]))
        self.send(204)

    def delete_object(self, bucket, key, q):
        self.drain()
        self.server.store.delete(bucket, key)
        self.send(204)

    def delete_objects(self, bucket, key, q):
        root = self.read_xml()
        deleted = []
        for obj in root:
            if obj.tag.rsplit("}", 1)[-1] != "Object":
                continue
            fields = {child.tag.rsplit("}", 1)[-1]: (child.text or "") for child in obj}
            if "Key" in fields:
                self.server.store.delete(bucket, fields["Key"])
                deleted.append(fields["Key"])
        items = "".join(f"<Deleted><Key>{escape(k)}</Key></Deleted>" for k in deleted)
        self.send_xml(200, f'<DeleteResult xmlns="{NS}">{items}</DeleteResult>')

    def get_object(self, bucket, key, q):
        self.drain()
        obj = self.server.store.get(bucket, key)
        headers = [("ETag", obj.etag), ("Last-Modified", http_date(obj.modified)), ("Accept-Ranges", "bytes")]
        if self.command == "HEAD":
            self.send_response(200)
            for k, v in headers + [("Content-Type", obj.content_type), ("Content-Length", str(obj.size))]:
                self.send_header(k, v)
            self.end_headers()
            return
        if obj.body is None:
            raise S3Error(501, "NotImplemented", f"the bench sink kept no body for this object ({obj.size} bytes; "
                                                 f"bodies up to --keep-bytes {self.server.store.keep_bytes} are kept)")
        self.send(200, obj.body, headers, content_type=obj.content_type)

    def encode_key(self, key, q):
        # boto3 asks for encoding-type=url and decodes keys itself; answer in kind.
        return urllib.parse.quote(key, safe="/~") if q.get("encoding-type") == "url" else key

    def list_objects(self, bucket, key, q):
        self.drain()
        v2 = q.get("list-type") == "2"
        prefix = q.get("prefix", "")
        start = q.get("continuation-token") or q.get("start-after", "") if v2 else q.get("marker", "")
        max_keys = max(0, min(1000, int(q.get("max-keys") or 1000)))
        objects, truncated = self.server.store.list(bucket, prefix, start, max_keys)
        contents = "".join(
            f"<Contents><Key>{escape(self.encode_key(k, q))}</Key><LastModified>{iso(o.modified)}</LastModified>"
            f"<ETag>{escape(o.etag)}</ETag><Size>{o.size}</Size><StorageClass>STANDARD</StorageClass></Contents>"
            for k, o in objects)
        last = escape(self.encode_key(objects[-1][0], q)) if objects else ""
        if v2:
            paging = f"<KeyCount>{len(objects)}</KeyCount>" + (
                f"<NextContinuationToken>{escape(objects[-1][0])}</NextContinuationToken>" if truncated else "")
        else:
            paging = f"<Marker>{escape(start)}</Marker>" + (f"<NextMarker>{last}</NextMarker>" if truncated else "")
        encoding = "<EncodingType>url</EncodingType>" if q.get("encoding-type") == "url" else ""
        self.send_xml(200, f'<ListBucketResult xmlns="{NS}"><Name>{escape(bucket)}</Name>'
                           f"<Prefix>{escape(prefix)}</Prefix>{paging}<MaxKeys>{max_keys}</MaxKeys>{encoding}"
                           f"<IsTruncated>{'true' if truncated else 'false'}</IsTruncated>{contents}"
                           f"</ListBucketResult>")

    def list_uploads(self, bucket, key, q):
        self.drain()
        prefix = q.get("prefix", "")
        items = "".join(
            f"<Upload><Key>{escape(self.encode_key(u.key, q))}</Key><UploadId>{u.upload_id}</UploadId>"
            f"<Initiator><ID>sink</ID><DisplayName>sink</DisplayName></Initiator>"
            f"<Owner><ID>sink</ID><DisplayName>sink</DisplayName></Owner>"
            f"<StorageClass>STANDARD</StorageClass><Initiated>{iso(u.initiated)}</Initiated></Upload>"
            for u in self.server.store.open_uploads(bucket, prefix))
        encoding = "<EncodingType>url</EncodingType>" if q.get("encoding-type") == "url" else ""
        self.send_xml(200, f'<ListMultipartUploadsResult xmlns="{NS}"><Bucket>{escape(bucket)}</Bucket>'
                           f"<KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker><Prefix>{escape(prefix)}</Prefix>"
                           f"<MaxUploads>1000</MaxUploads>{encoding}<IsTruncated>false</IsTruncated>{items}"
                           f"</ListMultipartUploadsResult>")

    def location(self, bucket, key, q):
        self.drain()
        self.send_xml(200, f'<LocationConstraint xmlns="{NS}"></LocationConstraint>')

    def stats(self):
        store = self.server.store
        self.drain()
        if self.command == "DELETE":
            store.reset_stats()
        elif self.command not in ("GET", "HEAD"):
            return self.send(405, b'{"error": "use GET or DELETE /__stats"}', content_type="application/json")
        self.send(200, json.dumps(store.snapshot(), sort_keys=True).encode(), content_type="application/json")


class SinkServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--listen", type=int, default=0, help="port on 127.0.0.1 (0 = pick a free one)")
    p.add_argument("--max-seconds", type=float, default=3600, help="exit after this long (bounded run)")
    p.add_argument("--md5", action="store_true", help="hash bodies for real MD5 ETags (costs sink CPU)")
    p.add_argument("--verify-checksums", action="store_true", help="check x-amz-checksum-crc32 (BadDigest)")
    p.add_argument("--min-part-size", type=int, default=S3_MIN_PART,
                   help="EntityTooSmall below this for non-last parts (S3: 5 MiB; 0 = off)")
    p.add_argument("--keep-bytes", type=int, default=64 * 1024,
                   help="PutObject bodies up to this size are kept for GetObject (64 MiB in all)")
    p.add_argument("--vhost-suffix", default="localhost", help="Host <bucket>.<suffix> means virtual-hosted")
    p.add_argument("--log", action="store_true", help="log every request to stderr")
    a = p.parse_args()
    if not 0 < a.max_seconds <= 7 * 86400:
        raise SystemExit("--max-seconds must be > 0 and at most a week")
    server = SinkServer(("127.0.0.1", a.listen), SinkHandler)
    server.store = SinkStore(min_part_size=a.min_part_size, keep_bytes=a.keep_bytes)
    server.md5, server.verify_crc = a.md5, a.verify_checksums
    server.vhost_suffix, server.log_requests = a.vhost_suffix.lower().lstrip("."), a.log
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()
    print(f"READY 127.0.0.1:{server.server_address[1]}", flush=True)
    stop.wait(a.max_seconds)
    server.shutdown()
    server.server_close()
    print(f"sink: stopped; {json.dumps(server.store.snapshot(), sort_keys=True)}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
