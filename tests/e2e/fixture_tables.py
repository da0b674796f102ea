"""Deterministic tables for the end-to-end tests: the source plugin sends them, the tests
compute the same rows again to check what landed in S3. Row i of a table is a pure function of
(table, i), so no state is shared between the two processes."""
import datetime as dt
import json
import uuid

import pyarrow as pa
from cloudquery.sdk.types import JSONType, UUIDType  # registers the "uuid" and "json" extensions


class InetType(pa.ExtensionType):
    """CloudQuery's inet extension: binary storage holding the CIDR text."""

    def __init__(self):
        super().__init__(pa.binary(), "inet")

    def __arrow_ext_serialize__(self):
        return b"inet-serialized"

    @classmethod
    def __arrow_ext_deserialize__(cls, storage_type, serialized):
        return cls()


class MACType(pa.ExtensionType):
    """CloudQuery's mac extension: binary storage holding the raw hardware address."""

    def __init__(self):
        super().__init__(pa.binary(), "mac")

    def __arrow_ext_serialize__(self):
        return b"mac-serialized"

    @classmethod
    def __arrow_ext_deserialize__(cls, storage_type, serialized):
        return cls()


for _t in (InetType(), MACType()):
    try:
        pa.register_extension_type(_t)
    except pa.ArrowKeyError:
        pass


def _field(name, typ, pk=False, not_null=False):
    md = {"cq:extension:primary_key": "true" if pk else "false", "cq:extension:unique": "false",
          "cq:extension:incremental": "false"}
    return pa.field(name, typ, nullable=not not_null, metadata=md)


# Tables named "all_types…" also carry the nested and rarer types of the Go SDK's test table.
EXTRA_TYPES = [
    ("tiny_u", pa.uint8()), ("mid", pa.int16()), ("u32", pa.uint32()),
    ("when_ns", pa.timestamp("ns")), ("day64", pa.date64()), ("clock", pa.time64("us")),
    ("took", pa.duration("ms")), ("amount", pa.decimal128(10, 2)), ("raw", pa.large_binary()),
    ("scores", pa.list_(pa.int64())), ("tags", pa.list_(pa.string())),
    ("props", pa.struct([("k", pa.string()), ("v", pa.int64())])), ("labels", pa.map_(pa.string(), pa.string())),
]


def extra_values(i):
    return {
        "tiny_u": i % 256, "mid": (i * 7) % 30000, "u32": i * 100_000,
        "when_ns": dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=None) + dt.timedelta(microseconds=i),
        "day64": dt.date(2023, 7, 7) + dt.timedelta(days=i), "clock": dt.time(1, 2, 3, i % 1000000),
        "took": dt.timedelta(milliseconds=i * 10), "amount": __import__("decimal").Decimal(i) / 4,
        "raw": bytes([i % 256]) * 3, "scores": list(range(i % 4)) if i % 6 else None, "tags": [f"t{i}", "x"],
        "props": {"k": f"k{i}", "v": i}, "labels": [("env", "test"), ("n", str(i))],
    }


# Tables named "parts…" also carry partition columns (issue 13): an account id of three values,
# regions that need Hive escaping (quotes, slashes, `=`, UTF-8, a newline, `%`…), null and empty
# (both the default partition), and a shard of 1 000 values.
PARTITION_REGIONS = ["us-east-1", "eu-west-1", "a/b=c", "it's \"q\"", "Zürich 東京", "new\nline", None, "",
                     "50%#?:\\*[]^{}", ".."]
PARTITION_TYPES = [("account_id", pa.string()), ("region", pa.string()), ("shard", pa.int64())]


def partition_values(i):
    return {"account_id": str(100000000000 + i % 3), "region": PARTITION_REGIONS[i % len(PARTITION_REGIONS)],
            "shard": i % 1000}


def schema_for(table):
    """The Arrow schema of `table`, with the table metadata a Go source sends."""
    fields = [
        _field("id", pa.int64(), pk=True, not_null=True),
        _field("name", pa.string()),
        _field("small", pa.int8()),
        _field("count", pa.int32()),
        _field("big", pa.uint64()),
        _field("ratio", pa.float32()),
        _field("price", pa.float64()),
        _field("active", pa.bool_()),
        _field("created_at", pa.timestamp("us", tz="UTC")),
        _field("day", pa.date32()),
        _field("blob", pa.binary()),
        _field("notes", pa.large_string()),
        _field("uid", UUIDType()),
        _field("doc", JSONType()),
        _field("ip", InetType()),
        _field("mac", MACType()),
    ]
    if table.startswith("all_types"):
        fields += [_field(name, typ) for name, typ in EXTRA_TYPES]
    if table.startswith("parts"):
        fields += [_field(name, typ) for name, typ in PARTITION_TYPES]
    md = {"cq:table_name": table, "cq:table_title": table.title(), "cq:table_description": f"fixture {table}",
          "cq:extension:constraint_name": "", "cq:table_permissions_needed": "null",
          "cq:table_sensitive_columns": "null"}
    return pa.schema(fields, metadata=md)


BASE_TIME = dt.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=dt.timezone.utc)


def row(table, i, big_blob_bytes=0):
    """Row i of `table` as Python values (None = null). With big_blob_bytes, row 1's blob has
    that many bytes (to push one Insert message past gRPC's default 4 MiB limit)."""
    return {
        "id": i,
        "name": None if i % 5 == 0 else f"{table}-{i} \"quoted\" <&>",
        "small": (-1) ** i * (i % 100),
        "count": i * 1000,
        "big": 2**63 + i,
        "ratio": i / 4,
        "price": i * 1.5,
        "active": i % 2 == 0,
        "created_at": BASE_TIME + dt.timedelta(seconds=i),
        "day": dt.date(2024, 1, 1) + dt.timedelta(days=i),
        "blob": b"\xab" * big_blob_bytes if (big_blob_bytes and i == 1) else bytes([i % 256, 0, 255]),
        "notes": "line1\nline2" if i % 3 == 0 else "",
        "uid": uuid.uuid5(uuid.NAMESPACE_URL, f"{table}/{i}"),
        "doc": {"i": i, "tags": ["a", "b"], "nested": {"ok": True}},
        "ip": f"10.0.{i % 256}.0/24",
        "mac": bytes([0, 0x1a, 0x2b, 0x3c, 0x4d, i % 256]),
        **(extra_values(i) if table.startswith("all_types") else {}),
        **(partition_values(i) if table.startswith("parts") else {}),
    }


def record_batch(table, start, count, big_blob_bytes=0):
    """Rows start..start+count-1 of `table` as one Arrow record batch."""
    schema = schema_for(table)
    rows = [row(table, i, big_blob_bytes) for i in range(start, start + count)]

    def column(name):
        return [r[name] for r in rows]

    def ext(typ, storage, values):
        return pa.ExtensionArray.from_storage(typ, pa.array(values, storage))

    arrays = []
    for f in schema:
        values = column(f.name)
        if f.name == "uid":
            arrays.append(ext(UUIDType(), pa.binary(16), [v.bytes for v in values]))
        elif f.name == "doc":
            arrays.append(ext(JSONType(), pa.binary(), [json.dumps(v).encode() for v in values]))
        elif f.name == "ip":
            arrays.append(ext(InetType(), pa.binary(), [v.encode() for v in values]))
        elif f.name == "mac":
            arrays.append(ext(MACType(), pa.binary(), values))
        else:
            arrays.append(pa.array(values, f.type))
    return pa.RecordBatch.from_arrays(arrays, schema=schema)
