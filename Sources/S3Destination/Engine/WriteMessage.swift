import Arrow
import Foundation

/// One message of a Write stream, transport-neutral (the transports decode protobuf into this).
public enum WriteMessage: Sendable {
    /// `Write.migrate_table`: an Arrow IPC stream holding only the table's schema.
    case migrateTable(schemaIPC: Data, force: Bool)
    /// `Write.insert`: an Arrow IPC stream with the schema and one record batch, decoded where it
    /// lies (the stdio transport's pooled frame, or one copy of a gRPC message's bytes).
    case insert(record: ArrowBytes)
    /// `Write.delete` (DeleteStale), sent by the CLI in `overwrite-delete-stale` mode.
    case deleteStale(table: String, sourceName: String, syncTime: Date)
    /// `Write.delete_record`.
    case deleteRecord(table: String)

    /// `Write.insert` from bytes that are copied once, for the Arrow arrays to point into.
    public static func insert(recordIPC: Data) -> WriteMessage {
        .insert(record: recordIPC.withUnsafeBytes { ArrowBytes(copying: $0) })
    }

    /// Message kinds as the Go streaming batch writer tells them apart: a change of kind flushes.
    enum Kind { case migrateTable, insert, deleteStale, deleteRecord }

    var kind: Kind {
        switch self {
        case .migrateTable: return .migrateTable
        case .insert: return .insert
        case .deleteStale: return .deleteStale
        case .deleteRecord: return .deleteRecord
        }
    }
}
