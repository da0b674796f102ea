#!/usr/bin/env python3
"""The benchmark table: a CloudQuery-shaped wide table (22 mixed columns), deterministic.

    wide_table.py --rows 1000000 [--chunk 10000] [--out table.arrows] [--max-seconds 600]
    wide_table.py --describe

Shaped like what a CloudQuery AWS source sends for an EC2-instances-like table: the CLI's
`_cq_sync_time` / `_cq_source_name`, the source's `_cq_id` / `_cq_parent_id` (uuid extension),
then resource columns: short categorical strings, ARNs and ids, timestamps, integers, floats,
booleans with nulls, a list<utf8>, a json extension column and free text with commas and
quotes (CSV quoting). Schema and field metadata follow the Go SDK (protocol.md §4.4–4.6).

Row i is a pure function of i (a splitmix64 hash of the row index per column), so any chunking
of the same range yields the same rows, and the plugin bench and the peer scripts see identical
data without sharing files. Generation is vectorised (numpy + pyarrow compute, no per-row
Python): about 600,000 rows/s on one core here. For benchmarks of 10 M rows, write the table
once with --out and feed the IPC file, so generation does not compete with what is measured.

With --out, writes an Arrow IPC stream (one schema, one record batch per chunk); otherwise
prints rows/s of generation alone. --describe prints the schema.
"""
import argparse
import functools
import sys
import time

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from cloudquery.sdk.types import JSONType, UUIDType  # registers the "uuid" and "json" extensions

TABLE_NAME = "bench_wide_instances"
SOURCE_NAME = "aws"
# One sync: every row carries the same _cq_sync_time, as the CLI stamps it.
SYNC_TIME_US = 1_735_787_045_123_456            # 2025-01-02T03:04:05.123456Z
LAUNCH_BASE_US = 1_672_531_200_000_000          # 2023-01-01T00:00:00Z
YEAR_US = 365 * 86_400 * 1_000_000

REGIONS = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-west-3",
           "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1",
           "ap-southeast-2", "ca-central-1", "sa-east-1", "me-south-1"]
ACCOUNTS = [f"{(123456789012 + k * 7919317) % 10**12:012d}" for k in range(20)]
INSTANCE_TYPES = ["t3.micro", "t3.small", "t3.medium", "m5.large", "m5.xlarge", "m6i.2xlarge", "c5.large",
                  "c6g.xlarge", "r5.large", "r6i.4xlarge", "g4dn.xlarge", "i3.large"]
VCPUS = np.array([2, 2, 2, 2, 4, 8, 2, 4, 2, 16, 4, 2], dtype=np.int64)
MEMORY_MIB = np.array([1024, 2048, 4096, 8192, 16384, 32768, 4096, 8192, 16384, 131072, 16384, 15616],
                      dtype=np.int64)
STATES = ["running", "running", "running", "stopped", "pending", "terminated"]
ENVS = ["prod", "staging", "dev", "test"]
TEAMS = ["data", "platform", "web", "security", "ml"]

# 4 hex chars per 16-bit value: one gather per two bytes keeps hex formatting off the profile.
_HEX4 = np.frombuffer(b"".join(f"{v:04x}".encode() for v in range(65536)), dtype=np.uint32)
# Lookup tables for composite strings: one take() + one join instead of a five-way join per row.
_OCTET = [str(v) for v in range(256)]
_IP_HEAD = [f"10.{a}.{b}." for a in range(256) for b in range(256)]
_DNS_HEAD = [f"ec2-54-{a}-{b}-" for a in range(256) for b in range(256)]


def _field(name, typ, nullable=True, pk=False, unique=False, type_schema=""):
    md = {"cq:extension:primary_key": str(pk).lower(), "cq:extension:unique": str(unique).lower(),
          "cq:extension:incremental": "false", "cq:extension:primary_key_component": "false",
          "cq:extension:type_schema": type_schema}
    return pa.field(name, typ, nullable=nullable, metadata=md)


def schema(table=TABLE_NAME):
    """The table's Arrow schema with the Go SDK's table and field metadata."""
    fields = [
        pa.field("_cq_sync_time", pa.timestamp("us", tz="UTC")),
        pa.field("_cq_source_name", pa.string()),
        _field("_cq_id", UUIDType(), nullable=False, unique=True),
        _field("_cq_parent_id", UUIDType()),
        _field("account_id", pa.string()),
        _field("region", pa.string()),
        _field("arn", pa.string(), nullable=False, pk=True),
        _field("instance_id", pa.string()),
        _field("instance_type", pa.string()),
        _field("state", pa.string()),
        _field("launch_time", pa.timestamp("us", tz="UTC")),
        _field("vcpu_count", pa.int64()),
        _field("memory_mib", pa.int64()),
        _field("ebs_optimized", pa.bool_()),
        _field("hibernation_enabled", pa.bool_()),
        _field("cpu_utilization", pa.float64()),
        _field("network_in_bytes", pa.int64()),
        _field("private_ip_address", pa.string()),
        _field("public_dns_name", pa.string()),
        _field("security_group_ids", pa.list_(pa.string())),
        _field("tags", JSONType(), type_schema='{"Name":"utf8","env":"utf8","team":"utf8"}'),
        _field("description", pa.string()),
    ]
    md = {"cq:table_name": table, "cq:table_title": "Bench Wide Instances",
          "cq:table_description": "CloudQuery-shaped wide table for benchmarks", "cq:extension:constraint_name": "",
          "cq:table_permissions_needed": "null", "cq:table_sensitive_columns": "null"}
    return pa.schema(fields, metadata=md)


def _mix(index, salt):
    """splitmix64 of (index, salt), vectorised; numpy uint64 arithmetic wraps like the C original."""
    z = index * np.uint64(0x9E3779B97F4A7C15) + np.uint64((salt * 0xD1B54A32D192ED03) & 0xFFFFFFFFFFFFFFFF)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


@functools.lru_cache(maxsize=64)
def _dictionary(values):
    return pa.array(values, pa.string())


def _pick(values, index):
    """values[index] per row, as a string array (values: a list, converted to Arrow once)."""
    return _dictionary(tuple(values)).take(pa.array(index.astype(np.int64)))


def _hex(words, nbytes):
    """Lower-case hex of the low nbytes (2, 4, 6 or 8) of each uint64: a 2*nbytes-char string array."""
    n = len(words)
    halves = words.astype(">u8").view(">u2").reshape(n, 4)[:, 4 - nbytes // 2:]
    chars = np.ascontiguousarray(_HEX4[halves.astype(np.int64)])
    offsets = np.arange(0, 2 * nbytes * (n + 1), 2 * nbytes, dtype=np.int32)
    return pa.StringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(chars))


def _text(numbers):
    return pc.cast(pa.array(numbers), pa.string())


def _join(*parts):
    return pc.binary_join_element_wise(*parts, "")


def _uuids(index, salt, valid=None):
    n = len(index)
    words = np.empty((n, 2), dtype=">u8")
    words[:, 0] = _mix(index, salt)
    words[:, 1] = _mix(index, salt + 1)
    raw = words.view(np.uint8).reshape(n, 16)
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40   # version 4
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80   # RFC 4122 variant
    validity = None if valid is None else pa.py_buffer(np.packbits(valid, bitorder="little"))
    storage = pa.FixedSizeBinaryArray.from_buffers(pa.binary(16), n, [validity, pa.py_buffer(raw.tobytes())])
    return pa.ExtensionArray.from_storage(UUIDType(), storage)


def _nulls_where(array, null_mask):
    return pc.if_else(pa.array(null_mask), pa.scalar(None, array.type), array)


def _combos(template, *lists):
    """Every combination of the lists rendered through template; index = mixed-radix position."""
    out = [""]
    for values in lists:
        out = [prefix + "\0" + v if prefix else v for prefix in out for v in values]
    return [template.format(*item.split("\0")) for item in out]


_ARN_HEAD = _combos("arn:aws:ec2:{}:{}:instance/i-0", REGIONS, ACCOUNTS)
_TAGS_TAIL = _combos('","env":"{}","team":"{}"}}', ENVS, TEAMS)
_DESCRIPTION_TAIL = _combos(', "{}" in {} for team {}', STATES, REGIONS, TEAMS)


def record_batch(start, count, table=TABLE_NAME):
    """Rows start .. start+count-1 as one record batch."""
    if start < 0 or count < 0:
        raise ValueError(f"start and count must be >= 0, got {start}, {count}")
    u = np.uint64
    i = np.arange(start, start + count, dtype=np.uint64)
    h = {salt: _mix(i, salt) for salt in range(2, 16)}
    region_ix = h[3] % u(len(REGIONS))
    account_ix = h[4] % u(len(ACCOUNTS))
    type_ix = (h[5] % u(len(INSTANCE_TYPES))).astype(np.int64)
    state_ix = h[6] % u(len(STATES))
    env_ix, team_ix = h[9] % u(len(ENVS)), (h[9] >> u(8)) % u(len(TEAMS))
    instance_hex = _hex(h[7], 8)
    ip_head = (h[8] & u(0xFFFF))
    ip_last = _pick(_OCTET, (h[8] >> u(16)) & u(255))
    row_text = _text(i)

    # list<utf8>: 0-3 security groups per row; item j of row i hashes (4i + j), not its position.
    n_groups = (h[10] % u(4)).astype(np.int32)
    offsets = np.zeros(count + 1, dtype=np.int32)
    np.cumsum(n_groups, out=offsets[1:])
    item_row = np.repeat(i, n_groups)
    item_j = np.arange(offsets[-1], dtype=np.int32) - np.repeat(offsets[:-1], n_groups)
    group_ids = _join("sg-", _hex(_mix(item_row * u(4) + item_j.astype(np.uint64), 11), 4))

    tags = _join('{"Name":"web-', _text(i % u(100000)), _pick(_TAGS_TAIL, env_ix * u(len(TEAMS)) + team_ix))
    description = _join("Instance ", row_text, _pick(
        _DESCRIPTION_TAIL, (state_ix * u(len(REGIONS)) + region_ix) * u(len(TEAMS)) + team_ix))

    columns = [
        pa.array(np.full(count, SYNC_TIME_US, dtype=np.int64), pa.timestamp("us", tz="UTC")),
        pa.repeat(pa.scalar(SOURCE_NAME), count),
        _uuids(i, 1),
        _uuids(i, 12, valid=(h[2] % u(4)) == 0),
        _pick(ACCOUNTS, account_ix),
        _pick(REGIONS, region_ix),
        _join(_pick(_ARN_HEAD, region_ix * u(len(ACCOUNTS)) + account_ix), instance_hex),
        _join("i-0", instance_hex),
        _pick(INSTANCE_TYPES, type_ix),
        _pick(STATES, state_ix),
        pa.array((LAUNCH_BASE_US + (h[13] % u(YEAR_US)).astype(np.int64)), pa.timestamp("us", tz="UTC")),
        pa.array(VCPUS[type_ix]),
        pa.array(MEMORY_MIB[type_ix]),
        pa.array((h[14] & u(1)).astype(bool)),
        pa.array((h[14] & u(2)).astype(bool), mask=(h[14] % u(7)) == 0),
        pa.array((h[15] % u(10000)).astype(np.float64) / 100.0),
        pa.array((h[15] >> u(24)).astype(np.int64)),
        _join(_pick(_IP_HEAD, ip_head), ip_last),
        _nulls_where(_join(_pick(_DNS_HEAD, ip_head), ip_last, ".compute-1.amazonaws.com"), (h[8] % u(3)) == 0),
        pa.ListArray.from_arrays(pa.array(offsets), group_ids),
        pa.ExtensionArray.from_storage(JSONType(), pc.cast(tags, pa.binary())),
        _nulls_where(description, (h[9] % u(5)) == 0),
    ]
    return pa.RecordBatch.from_arrays(columns, schema=_schema_cached(table))


@functools.lru_cache(maxsize=8)
def _schema_cached(table):
    return schema(table)


def batches(total_rows, chunk_rows=10_000, table=TABLE_NAME, start=0):
    """Yields record batches of at most chunk_rows covering rows start .. start+total_rows-1."""
    if chunk_rows < 1:
        raise ValueError("chunk_rows must be >= 1")
    done = 0
    while done < total_rows:
        n = min(chunk_rows, total_rows - done)
        yield record_batch(start + done, n, table)
        done += n


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--chunk", type=int, default=10_000, help="rows per record batch")
    p.add_argument("--table", default=TABLE_NAME)
    p.add_argument("--out", help="write an Arrow IPC stream here")
    p.add_argument("--describe", action="store_true", help="print the schema and exit")
    p.add_argument("--max-seconds", type=float, default=600, help="give up after this long")
    a = p.parse_args()
    if a.describe:
        print(schema(a.table))
        return
    deadline = time.monotonic() + a.max_seconds
    t0 = time.perf_counter()
    rows = nbytes = 0
    sink = pa.OSFile(a.out, "wb") if a.out else None
    writer = pa.ipc.new_stream(sink, schema(a.table)) if sink else None
    try:
        for batch in batches(a.rows, a.chunk, a.table):
            if time.monotonic() > deadline:
                raise SystemExit(f"--max-seconds {a.max_seconds:g} reached after {rows} rows")
            rows += batch.num_rows
            nbytes += batch.nbytes
            if writer:
                writer.write_batch(batch)
    finally:
        if writer:
            writer.close()
            sink.close()
    dt = time.perf_counter() - t0
    print(f"{rows} rows, {nbytes / 1e6:.1f} MB of Arrow buffers in {dt:.2f}s "
          f"({rows / dt:,.0f} rows/s){' -> ' + a.out if a.out else ''}", file=sys.stderr)


if __name__ == "__main__":
    main()
