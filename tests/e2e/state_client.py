"""The plugin SDK's state client (plugin-sdk v4 internal/clients/state/v3) as a Python source
would use it: what the CLI's `backend_options` make a source do against its state backend.

On open: GetVersions (must list 3), a Write stream with only the table's MigrateTable, then a Read
of the table into a key → (value, version) map (the highest version of a key wins). `flush()`
writes the changed keys, with version + 1, as one Insert on a new Write stream — so with the s3
plugin (`no_rotate: true`) the object holds only what the last flush wrote, as with the Go plugin.
"""
import grpc
import pyarrow as pa

from cloudquery.discovery_v1 import discovery_pb2, discovery_pb2_grpc
from cloudquery.plugin_v3 import arrow, plugin_pb2, plugin_pb2_grpc


def state_schema(table_name):
    """The SDK's state table: key (primary key), value, version."""
    pk = {b"cq:extension:primary_key": b"true"}
    return pa.schema([pa.field("key", pa.utf8(), metadata=pk), pa.field("value", pa.utf8()),
                      pa.field("version", pa.uint64())], metadata={b"cq:table_name": table_name.encode()})


def grpc_target(connection):
    """The CLI passes `unix:///abs/path.sock`-style or host:port connection strings."""
    return "unix:" + connection if connection.startswith("/") else connection


class StateClient:
    def __init__(self, connection, table_name):
        self.channel = grpc.insecure_channel(grpc_target(connection))
        versions = discovery_pb2_grpc.DiscoveryStub(self.channel).GetVersions(discovery_pb2.GetVersions.Request())
        if 3 not in versions.versions:
            raise RuntimeError(f"state backend speaks {list(versions.versions)}, not 3")
        self.plugin = plugin_pb2_grpc.PluginStub(self.channel)
        self.schema = state_schema(table_name)
        table = arrow.schema_to_bytes(self.schema)
        self.plugin.Write(iter([plugin_pb2.Write.Request(
            migrate_table=plugin_pb2.Write.MessageMigrateTable(table=table))]))
        self.values, self.changed = {}, set()
        for response in self.plugin.Read(plugin_pb2.Read.Request(table=table)):
            batch = arrow.new_record_from_bytes(response.record)
            for row in batch.to_pylist():
                version = row["version"] or 0
                if row["key"] not in self.values or self.values[row["key"]][1] <= version:
                    self.values[row["key"]] = (row["value"], version)

    def get(self, key):
        return self.values.get(key, ("", 0))[0]

    def set(self, key, value):
        old, version = self.values.get(key, ("", 0))
        if old != value:
            self.values[key] = (value, version + 1)
            self.changed.add(key)

    def flush(self):
        keys = sorted(self.changed)
        batch = pa.record_batch([pa.array(keys, pa.utf8()), pa.array([self.values[k][0] for k in keys], pa.utf8()),
                                 pa.array([self.values[k][1] for k in keys], pa.uint64())], schema=self.schema)
        self.plugin.Write(iter([plugin_pb2.Write.Request(
            insert=plugin_pb2.Write.MessageInsert(record=arrow.record_to_bytes(batch)))]))
        self.changed.clear()

    def close(self):
        self.channel.close()
