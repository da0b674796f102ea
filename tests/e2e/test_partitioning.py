"""Issue 13 through a real CLI sync into RGW: row variables (`{{.column}}`) partition objects the
Hive way and every Hive-partitioned reader (pyarrow dataset discovery, DuckDB) reads the same rows
with the same partition values back; 1 000 partitions stay within the memory budget; a missing or
nested partition column fails MigrateTable with its name; fastparquet reads struct columns of the
default spec (no REPEATED root)."""
import json
import os
import re
import urllib.parse

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from conftest import list_objects
from fixture_tables import PARTITION_REGIONS, partition_values
from test_sync import dest_spec

DEFAULT = "__HIVE_DEFAULT_PARTITION__"


def hive_unescape(segment):
    """apache/hive FileUtils.unescapePathName."""
    return None if segment == DEFAULT else urllib.parse.unquote(segment)


def expected_region(i):
    value = partition_values(i)["region"]
    return value if value else None  # null and "" are both the default partition


def download(s3_client, s3, prefix, root):
    """Every data object under prefix, copied to root with its key as path (Hive readers list directories)."""
    objects = list_objects(s3_client, s3["bucket"], prefix)
    files = []
    for key, (_, body) in objects.items():
        if "/TEST_TABLE/" in key:
            continue
        path = os.path.join(root, key)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(body)
        files.append(key)
    return files


def test_rows_land_in_their_partition_and_hive_readers_read_them_back(run_sync, s3, s3_client, prefix, tmp_path):
    rows = 60
    path = f"{prefix}/{{{{TABLE}}}}/acct={{{{.account_id}}}}/reg={{{{.region}}}}/{{{{UUID}}}}.{{{{FORMAT}}}}"
    code, out, _ = run_sync(dest_spec(s3, prefix, path=path, format="parquet", test_write=False, batch_size=4),
                            source_spec={"tables": {"parts": rows}, "batch_rows": 7})
    assert code == 0, out
    root = tmp_path / "lake"
    keys = download(s3_client, s3, prefix, str(root))
    assert keys
    seen = []
    for key in keys:
        m = re.fullmatch(re.escape(prefix) + r"/parts/acct=([^/]+)/reg=([^/]+)/[0-9a-f-]{36}\.parquet", key)
        assert m, key
        account, region = hive_unescape(m.group(1)), hive_unescape(m.group(2))
        table = pq.read_table(root / key)
        assert 0 < table.num_rows <= 4, key  # batch_size applies per partition
        for r in table.to_pylist():
            assert r["account_id"] == account, (key, r["id"])
            assert (r["region"] or None) == region, (key, r["id"], r["region"])
            seen.append(r["id"])
    assert sorted(seen) == list(range(rows)), "every row exactly once"
    # Escaping took place where Hive escapes, and UTF-8 stayed as it is.
    joined = "\n".join(keys)
    assert "reg=a%2Fb%3Dc/" in joined and "reg=it%27s %22q%22/" in joined and "reg=new%0Aline/" in joined
    assert "reg=Zürich 東京/" in joined and f"reg={DEFAULT}/" in joined and "reg=%2E%2E/" in joined
    assert "reg=50%25%23%3F%3A%5C%2A%5B%5D%5E%7B}/" in joined

    # pyarrow's Hive discovery: the partition fields come from the directory names only.
    part_schema = pa.schema([("acct", pa.string()), ("reg", pa.string())])
    dataset = ds.dataset(str(root / prefix / "parts"), format="parquet",
                         partitioning=ds.partitioning(part_schema, flavor="hive"))
    by_id = {r["id"]: r for r in dataset.to_table(columns=["id", "acct", "reg"]).to_pylist()}
    assert sorted(by_id) == list(range(rows))
    for i, r in by_id.items():
        assert r["acct"] == partition_values(i)["account_id"], r
        assert r["reg"] == expected_region(i), r

    # DuckDB's Hive partitioning, reading the same files.
    import duckdb
    con = duckdb.connect()
    glob = str(root / prefix / "parts" / "**" / "*.parquet")
    got = con.execute("SELECT id, acct, reg FROM read_parquet(?, hive_partitioning = true, hive_types_autocast = false) "
                      "ORDER BY id", [glob]).fetchall()
    assert [g[0] for g in got] == list(range(rows))
    for i, acct, reg in got:
        assert acct == partition_values(i)["account_id"], (i, acct)
        assert (None if reg in (None, DEFAULT) else reg) == expected_region(i), (i, reg)


@pytest.mark.parametrize("fmt", ["json", "parquet"])
def test_1000_partition_values_stay_within_the_memory_budget(run_sync, s3, s3_client, prefix, fmt):
    rows, budget = 3000, 16 * 1024 * 1024
    path = f"{prefix}/{{{{TABLE}}}}/shard={{{{.shard}}}}/{{{{UUID}}}}.{{{{FORMAT}}}}"
    code, out, log = run_sync(dest_spec(s3, prefix, path=path, format=fmt, test_write=False,
                                        max_open_partitions=1000, memory_budget_bytes=budget),
                              source_spec={"tables": {"parts": rows}, "batch_rows": 500}, timeout=900)
    assert code == 0, out
    objects = list_objects(s3_client, s3["bucket"], prefix)
    if fmt == "json":
        assert len(objects) == 1000, "one object per shard: all 1 000 (a few rows each) fit in the budget"
    else:
        # 1 000 Parquet encoders (page scratch for every column) do not: the least recently written
        # objects close early under memory pressure instead of the budget being exceeded.
        assert len(objects) >= 1000
    ids = []
    for key, (_, body) in objects.items():
        shard = int(re.search(r"/shard=(\d+)/", key).group(1))
        if fmt == "json":
            lines = [json.loads(line) for line in body.decode().splitlines()]
        else:
            lines = pq.read_table(pa.BufferReader(body), columns=["id", "shard"]).to_pylist()
        assert {r["shard"] for r in lines} == {shard}, key
        ids += [r["id"] for r in lines]
    assert sorted(ids) == list(range(rows))
    most = [int(v) for v in re.findall(r'most_memory_bytes[" =:]+"?(\d+)', log)]
    assert most, "the plugin logs the most memory it held"
    assert max(most) <= budget + 2 * 1024 * 1024, most


def test_open_partitions_are_limited_and_the_least_recently_written_closes(run_sync, s3, s3_client, prefix):
    rows = 200
    path = f"{prefix}/{{{{TABLE}}}}/shard={{{{.shard}}}}/{{{{UUID}}}}.{{{{FORMAT}}}}"
    code, out, log = run_sync(dest_spec(s3, prefix, path=path, test_write=False, max_open_partitions=10),
                              source_spec={"tables": {"parts": rows}, "batch_rows": 50})
    assert code == 0, out
    objects = list_objects(s3_client, s3["bucket"], prefix)
    # shard = id here (200 < 1000): 200 partitions of one row, at most 10 open at a time.
    assert len(objects) == rows
    closed = [int(v) for v in re.findall(r'partitions_closed_early[" =:]+"?(\d+)', log)]
    assert closed and max(closed) == rows - 10, closed


def test_a_table_without_the_partition_column_fails_naming_table_and_column(run_sync, s3, prefix):
    path = f"{prefix}/{{{{TABLE}}}}/account_id={{{{.account_id}}}}/{{{{UUID}}}}.{{{{FORMAT}}}}"
    code, out, log = run_sync(dest_spec(s3, prefix, path=path, test_write=False),
                              source_spec={"tables": {"items": 3}})
    assert code != 0
    assert 'table \\"items\\" has no column \\"account_id\\"' in (out + log) or \
        'table "items" has no column "account_id"' in (out + log), out


def test_a_nested_partition_column_is_refused_at_migrate(run_sync, s3, prefix):
    path = f"{prefix}/{{{{TABLE}}}}/p={{{{.props}}}}/{{{{UUID}}}}.{{{{FORMAT}}}}"
    code, out, log = run_sync(dest_spec(s3, prefix, path=path, test_write=False),
                              source_spec={"tables": {"all_types": 3}})
    assert code != 0
    assert "is of nested type" in (out + log) and "props" in (out + log), out


def test_no_rotate_with_a_row_variable_fails_init(run_sync, s3, prefix):
    path = f"{prefix}/{{{{TABLE}}}}/a={{{{.account_id}}}}/data.{{{{FORMAT}}}}"
    code, out, _ = run_sync(dest_spec(s3, prefix, path=path, no_rotate=True), source_spec={"tables": {"parts": 3}})
    assert code != 0
    assert "`no_rotate` cannot be used with row variables" in out


def test_fastparquet_reads_struct_columns_of_the_default_spec(run_sync, s3, s3_client, prefix, tmp_path):
    code, out, _ = run_sync(dest_spec(s3, prefix, format="parquet", test_write=False),
                            source_spec={"tables": {"all_types": 30}})
    assert code == 0, out
    [key] = download(s3_client, s3, prefix, str(tmp_path))
    footer = pq.ParquetFile(tmp_path / key).metadata.schema
    assert "REPEATED" not in str(footer).split("\n")[1], str(footer)[:200]
    import fastparquet
    # fastparquet flattens a struct into one column per member; with a REPEATED root all were null.
    frame = fastparquet.ParquetFile(str(tmp_path / key)).to_pandas().sort_values("id")
    assert frame["props.k"].tolist() == [f"k{i}" for i in range(30)]
    assert frame["props.v"].tolist() == list(range(30))
