"""Many tables at once into RGW (issue: 200 tables peaked at 570–721 MiB RSS against a 512 MiB
budget, the budget cut JSON into 263 objects for 200 tables, and 200 uploads ran at once): the
stdio transport feeds 200 CloudQuery-shaped tables round-robin, default spec, in every format.
Every table must land as one object with all its rows (`batch_timeout` off, so that only memory
could cut an object), and peak RSS (the kernel's ru_maxrss of
the plugin process) must stay within 256 MiB."""
import json
import os
import subprocess
import sys

import pytest

from conftest import HERE

BENCH = os.path.join(os.path.dirname(os.path.dirname(HERE)), "bench", "memory_bench.py")
PEAK_RSS_MIB = 256


@pytest.mark.parametrize("fmt", ["json", "csv", "parquet"])
def test_200_tables_at_once_stay_within_256_mib_with_every_row_in_one_object_per_table(s3, plugin_binary, tmp_path, fmt):
    env = dict(os.environ, CQ_DEST_S3_BIN=plugin_binary)
    proc = subprocess.run([sys.executable, BENCH, "--scenarios", "tables", "--formats", fmt, "--tables", "200",
                           "--rows-per-table", "6000", "--insert-rows", "2000", "--target", "rgw", "--verify-rows",
                           "--out-dir", str(tmp_path), "--work-dir", str(tmp_path / "work"), "--max-seconds", "1200",
                           # The default spec, but no batch_timeout: a debug build streams for longer
                           # than its 30 s, and objects closed by the timer are not what is measured.
                           "--spec-extra", '{"batch_timeout": "0s"}'],
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=1500)
    assert proc.returncode == 0, proc.stdout[-3000:]
    [result_file] = [p for p in os.listdir(tmp_path) if p.endswith(".json")]
    [result] = json.load(open(tmp_path / result_file))["results"]
    assert result["status"] == "ok", result
    assert result["verified"] == {"tables": 200, "objects_per_table": [1, 1], "bad": []}, result["verified"]
    assert result["peak_rss_mib"] <= PEAK_RSS_MIB, result
