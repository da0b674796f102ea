"""The bench sink's memory: an index of objects (key → size, ETag), open multipart uploads and
counters. Bodies are not kept (except small ones, for GetObject), so a benchmark of many GB
costs the sink almost no memory. Thread-safe: one lock, held only for dictionary updates.
"""
import hashlib
import os
import resource
import threading
import time
import uuid
from datetime import datetime, timezone

S3_MIN_PART = 5 * 1024 * 1024


class S3Error(Exception):
    """An S3 error response: HTTP status, S3 code and message."""

    def __init__(self, status, code, message):
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message = status, code, message


class StoredObject:
    __slots__ = ("size", "etag", "content_type", "body", "modified", "parts")

    def __init__(self, size, etag, content_type, body=None, parts=0):
        self.size, self.etag, self.content_type, self.body, self.parts = size, etag, content_type, body, parts
        self.modified = datetime.now(timezone.utc)


class Upload:
    def __init__(self, bucket, key, content_type):
        self.bucket, self.key, self.content_type = bucket, key, content_type
        self.upload_id = uuid.uuid4().hex
        self.initiated = datetime.now(timezone.utc)
        self.parts = {}  # part number → (etag, size, md5 digest bytes)


def quoted_md5(digest):
    return f'"{digest.hex()}"'


def multipart_etag(digests):
    """S3's multipart ETag: md5 over the parts' binary MD5s, then '-<part count>'."""
    return f'"{hashlib.md5(b"".join(digests)).hexdigest()}-{len(digests)}"'


class SinkStore:
    def __init__(self, min_part_size=S3_MIN_PART, keep_bytes=64 * 1024, keep_total=64 * 1024 * 1024):
        self.lock = threading.Lock()
        self.objects = {}   # (bucket, key) → StoredObject
        self.uploads = {}   # upload id → Upload
        self.min_part_size = min_part_size
        self.keep_bytes, self.keep_total, self.kept = keep_bytes, keep_total, 0
        self._reset_stats_locked()

    def reset_stats(self):
        """Zeroes the counters (not the index): one sink can serve several bench runs."""
        with self.lock:
            self._reset_stats_locked()

    def _reset_stats_locked(self):
        # Requests still running keep their in-flight slots, or the gauges would go negative.
        old = getattr(self, "stats", None) or {}
        in_flight, parts_in_flight = old.get("in_flight", 0), old.get("parts_in_flight", 0)
        self.started = time.time()
        self.first_byte_at = None
        self.last_done_at = None
        self.cpu_at_reset = _cpu_seconds()
        self.stats = {"requests": {}, "errors": {}, "body_bytes_received": 0, "object_bytes": 0,
                      "objects_put": 0, "multipart_created": 0, "parts_uploaded": 0,
                      "multipart_completed": 0, "multipart_aborted": 0,
                      "in_flight": in_flight, "max_in_flight": in_flight, "parts_in_flight": parts_in_flight,
                      "max_parts_in_flight": parts_in_flight}

    # --- counters ---------------------------------------------------------------------------

    def request_started(self, op):
        with self.lock:
            s = self.stats
            s["requests"][op] = s["requests"].get(op, 0) + 1
            s["in_flight"] += 1
            s["max_in_flight"] = max(s["max_in_flight"], s["in_flight"])
            if op == "UploadPart":
                s["parts_in_flight"] += 1
                s["max_parts_in_flight"] = max(s["max_parts_in_flight"], s["parts_in_flight"])
            if self.first_byte_at is None:
                self.first_byte_at = time.time()

    def request_done(self, op, body_bytes, error_code=None):
        with self.lock:
            s = self.stats
            s["in_flight"] -= 1
            if op == "UploadPart":
                s["parts_in_flight"] -= 1
            s["body_bytes_received"] += body_bytes
            if error_code:
                s["errors"][error_code] = s["errors"].get(error_code, 0) + 1
            self.last_done_at = time.time()

    def snapshot(self):
        with self.lock:
            s = {k: (dict(v) if isinstance(v, dict) else v) for k, v in self.stats.items()}
            s["objects_stored"] = len(self.objects)
            s["stored_object_bytes"] = sum(o.size for o in self.objects.values())
            s["open_uploads"] = len(self.uploads)
            active = (self.last_done_at - self.first_byte_at) if self.first_byte_at and self.last_done_at else 0.0
            s["active_seconds"] = round(active, 6)
            s["received_mb_per_s"] = round(s["body_bytes_received"] / active / 1e6, 3) if active > 0 else 0.0
            s["sink_cpu_seconds"] = round(_cpu_seconds() - self.cpu_at_reset, 3)
            s["sink_peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
            s["uptime_seconds"] = round(time.time() - self.started, 3)
            return s

    # --- objects ----------------------------------------------------------------------------

    def put_object(self, bucket, key, size, etag, content_type, body):
        with self.lock:
            keep = body is not None and size <= self.keep_bytes and self.kept + size <= self.keep_total
            old = self.objects.get((bucket, key))
            if old is not None and old.body is not None:
                self.kept -= len(old.body)
            self.objects[(bucket, key)] = StoredObject(size, etag, content_type, bytes(body) if keep else None)
            if keep:
                self.kept += size
            self.stats["objects_put"] += 1
            self.stats["object_bytes"] += size

    def wants_body(self, size):
        """Whether a PutObject of this size is worth buffering for a later GetObject."""
        return size <= self.keep_bytes and self.kept + size <= self.keep_total

    def get(self, bucket, key):
        with self.lock:
            obj = self.objects.get((bucket, key))
        if obj is None:
            raise S3Error(404, "NoSuchKey", f"The specified key does not exist: {key}")
        return obj

    def delete(self, bucket, key):
        with self.lock:
            obj = self.objects.pop((bucket, key), None)
            if obj is not None and obj.body is not None:
                self.kept -= len(obj.body)

    def list(self, bucket, prefix, start_after, max_keys):
        """Sorted keys after start_after with prefix; returns (objects, truncated)."""
        with self.lock:
            keys = sorted(k for (b, k) in self.objects if b == bucket and k.startswith(prefix) and k > start_after)
            page = keys[:max_keys]
            return [(k, self.objects[(bucket, k)]) for k in page], len(keys) > len(page)

    # --- multipart --------------------------------------------------------------------------

    def create_upload(self, bucket, key, content_type):
        upload = Upload(bucket, key, content_type)
        with self.lock:
            self.uploads[upload.upload_id] = upload
            self.stats["multipart_created"] += 1
        return upload

    def upload_for(self, bucket, key, upload_id):
        with self.lock:
            upload = self.uploads.get(upload_id)
        if upload is None or upload.bucket != bucket or upload.key != key:
            raise S3Error(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, "
                                               "or the upload may have been aborted or completed.")
        return upload

    def add_part(self, upload, number, size, digest):
        if not 1 <= number <= 10000:
            raise S3Error(400, "InvalidArgument", f"Part number must be an integer between 1 and 10000: {number}")
        with self.lock:
            if upload.upload_id not in self.uploads:
                raise S3Error(404, "NoSuchUpload", "The specified upload does not exist.")
            upload.parts[number] = (quoted_md5(digest), size, digest)
            self.stats["parts_uploaded"] += 1
        return quoted_md5(digest)

    def complete(self, upload, listed_parts):
        """listed_parts: [(number, etag)] from the request body, checked the way S3 checks them."""
        if not listed_parts:
            raise S3Error(400, "MalformedXML", "You must specify at least one part.")
        numbers = [n for n, _ in listed_parts]
        if numbers != sorted(numbers) or len(set(numbers)) != len(numbers):
            raise S3Error(400, "InvalidPartOrder", "The list of parts was not in ascending order.")
        with self.lock:
            if upload.upload_id not in self.uploads:
                raise S3Error(404, "NoSuchUpload", "The specified upload does not exist.")
            digests, total = [], 0
            for i, (number, etag) in enumerate(listed_parts):
                part = upload.parts.get(number)
                if part is None or part[0].strip('"') != etag.strip().strip('"'):
                    raise S3Error(400, "InvalidPart", f"One or more of the specified parts could not be found "
                                                      f"or its ETag did not match: part {number}.")
                if i < len(listed_parts) - 1 and part[1] < self.min_part_size:
                    raise S3Error(400, "EntityTooSmall", f"Your proposed upload is smaller than the minimum "
                                                         f"allowed size: part {number} has {part[1]} bytes.")
                digests.append(part[2])
                total += part[1]
            etag = multipart_etag(digests)
            del self.uploads[upload.upload_id]
            self.objects[(upload.bucket, upload.key)] = StoredObject(total, etag, upload.content_type,
                                                                     parts=len(digests))
            self.stats["multipart_completed"] += 1
            self.stats["object_bytes"] += total
        return etag

    def abort(self, upload):
        with self.lock:
            if self.uploads.pop(upload.upload_id, None) is None:
                raise S3Error(404, "NoSuchUpload", "The specified upload does not exist.")
            self.stats["multipart_aborted"] += 1

    def open_uploads(self, bucket, prefix):
        with self.lock:
            return sorted((u for u in self.uploads.values() if u.bucket == bucket and u.key.startswith(prefix)),
                          key=lambda u: (u.key, u.initiated))


def _cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def synthetic_md5(bucket, key, size):
    """When bodies are not hashed (the default, to keep the sink cheap), the ETag is still a
    well-formed, per-object MD5: of the name, size and a random salt."""
    return hashlib.md5(f"{bucket}/{key}/{size}/{os.urandom(8).hex()}".encode()).digest()
