#!/usr/bin/env python3
"""A CloudQuery source plugin (Python SDK) that sends the fixture tables of fixture_tables.py.

    python fixture_source.py serve --address 127.0.0.1:PORT

Source spec: {"tables": {"<name>": <rows>, ...}, "batch_rows": N, "big_blob_bytes": B}. Every table gets a
MigrateTable, then its rows in Inserts of at most batch_rows rows, tables interleaved.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from cloudquery.sdk import message, plugin  # noqa: E402
from cloudquery.sdk.schema import Table  # noqa: E402
from cloudquery.sdk.serve import PluginCommand  # noqa: E402

import fixture_tables  # noqa: E402


class FixtureSource(plugin.Plugin):
    def __init__(self):
        super().__init__("fixture-source", "v0.0.1", opts=plugin.plugin.Options(team="cq-dest-s3", kind="source"))
        self._spec = {}

    def init(self, spec, no_connection=False):
        self._spec = json.loads(spec) if spec else {}

    def _tables(self):
        return dict(self._spec.get("tables", {"items": 10}))

    def get_tables(self, options=None):
        return [Table.from_arrow_schema(fixture_tables.schema_for(t)) for t in self._tables()]

    def sync(self, options):
        tables = self._tables()
        batch = int(self._spec.get("batch_rows", 4))
        big = int(self._spec.get("big_blob_bytes", 0))
        for t in tables:
            yield message.SyncMigrateTableMessage(table=fixture_tables.schema_for(t))
        sent = {t: 0 for t in tables}
        while any(sent[t] < n for t, n in tables.items()):
            for t, n in tables.items():
                if sent[t] < n:
                    count = min(batch, n - sent[t])
                    yield message.SyncInsertMessage(record=fixture_tables.record_batch(t, sent[t], count, big))
                    sent[t] += count

    def close(self):
        pass


if __name__ == "__main__":
    PluginCommand(FixtureSource()).run(sys.argv[1:])
