#!/usr/bin/env python3
"""A CloudQuery source plugin (Python SDK) that sends the fixture tables of fixture_tables.py.

    python fixture_source.py serve --address 127.0.0.1:PORT

Source spec: {"tables": {"<name>": <rows>, ...}, "batch_rows": N, "big_blob_bytes": B}. Every table gets a
MigrateTable, then its rows in Inserts of at most batch_rows rows, tables interleaved.

With `backend_options` in the source's CLI spec (a state backend), the sync also does what an
incremental source does: it reads its state (state_client.py), then sets `syncs` to one more than
it read and `previous` to the JSON of every key/value it read, and flushes them.
"""
import json
import sys

from cloudquery.sdk import message, plugin
from cloudquery.sdk.schema import Table
from cloudquery.sdk.serve import PluginCommand

import fixture_tables
from state_client import StateClient


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
        backend = options.backend_options
        if backend is not None and backend.connection:
            self._update_state(backend)
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

    @staticmethod
    def _update_state(backend):
        state = StateClient(backend.connection, backend.table_name)
        try:
            read = {k: v for k, (v, _) in sorted(state.values.items())}
            state.set("syncs", str(int(state.get("syncs") or 0) + 1))
            state.set("previous", json.dumps(read, sort_keys=True))
            state.flush()
        finally:
            state.close()

    def close(self):
        pass


if __name__ == "__main__":
    PluginCommand(FixtureSource()).run(sys.argv[1:])
