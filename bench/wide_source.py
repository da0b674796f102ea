#!/usr/bin/env python3
"""A CloudQuery source plugin (Python SDK) that serves the benchmark's wide table.

    wide_source.py serve --address 127.0.0.1:PORT

Source spec: {"ipc": "/path/table.arrows", "rows": N}. The rows come from an Arrow IPC stream
written beforehand by `wide_table.py --out` (memory-mapped, one Insert per record batch), so
`make bench`'s CLI run spends no time generating data; without "ipc" the rows are generated
(wide_table.batches, 10k rows per batch). The table's name is the stream's `cq:table_name`.
"""
import json
import os
import sys

import pyarrow as pa
from cloudquery.sdk import message, plugin
from cloudquery.sdk.schema import Table
from cloudquery.sdk.serve import PluginCommand

import wide_table  # also registers the uuid/json extension types


class WideSource(plugin.Plugin):
    def __init__(self):
        super().__init__("bench-wide-source", "v0.0.1", opts=plugin.plugin.Options(team="cq-dest-s3", kind="source"))
        self._spec = {}

    def init(self, spec, no_connection=False):
        self._spec = json.loads(spec) if spec else {}
        path = self._spec.get("ipc")
        if path and not os.path.isfile(path):
            raise ValueError(f"spec.ipc {path!r} is not a file: write it with `wide_table.py --out {path}`")

    def _schema(self):
        path = self._spec.get("ipc")
        if not path:
            return wide_table.schema()
        with pa.memory_map(path, "r") as source:
            return pa.ipc.open_stream(source).schema

    def _batches(self):
        rows = int(self._spec.get("rows", 1_000_000))
        path = self._spec.get("ipc")
        if not path:
            yield from wide_table.batches(rows)
            return
        with pa.memory_map(path, "r") as source:
            left = rows
            for batch in pa.ipc.open_stream(source):
                if left <= 0:
                    return
                yield batch.slice(0, left) if batch.num_rows > left else batch
                left -= batch.num_rows

    def get_tables(self, options=None):
        return [Table.from_arrow_schema(self._schema())]

    def sync(self, options):
        yield message.SyncMigrateTableMessage(table=self._schema())
        for batch in self._batches():
            yield message.SyncInsertMessage(record=batch)

    def close(self):
        pass


if __name__ == "__main__":
    PluginCommand(WideSource()).run(sys.argv[1:])
