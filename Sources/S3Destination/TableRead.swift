import Arrow
import FileFormats
import Foundation
import GoText
import S3Client

/// `Read` of one table (the state-backend use of the Go plugin): with `no_rotate` a table is one
/// object whose key does not depend on the sync, so it can be found again and decoded back into
/// record batches of the table's schema.
///
/// As Go: refused without `no_rotate` or with `{{UUID}}` in the path; the key is rendered with the
/// zero time (so date placeholders give `0001/01/01`); a missing object is no rows. Beyond Go: the
/// object (and its decompressed form) must fit in `memory_budget_bytes`, else the Read fails
/// naming the key, instead of filling memory; a missing *bucket* is an error, not "no rows".
struct TableRead {
    /// Rows per emitted batch, as Go's Parquet reader (its JSON reader emits one row per batch).
    static let batchRows = 1024

    /// Go renders the key with `time.Time{}`: 0001-01-01 00:00:00 UTC.
    static let goZeroTime = Date(timeIntervalSince1970: -62_135_596_800)

    let config: DestinationConfig
    let store: ObjectStore

    /// The key a Read of `table` looks at.
    func key(table: String) -> String {
        config.objectKey(table: table, uuid: UUID().uuidString.lowercased(), time: Self.goZeroTime)
    }

    /// Decodes the table's object and passes each batch to `emit`; emits nothing when the object
    /// does not exist. Errors carry Go's wording (`failed to read records: …`).
    func read(schema: Schema, emit: (RecordBatch) async throws -> Void) async throws {
        let table = schema.tableName ?? ""
        guard config.noRotate else {
            throw Self.failure("reading is not supported when no_rotate is false. Table: \(GoQuote.quote(table))")
        }
        guard !config.pathTemplate.containsUUID else {
            throw Self.failure(
                "reading is not supported when path contains uuid variable. Table: \(GoQuote.quote(table))")
        }
        let key = key(table: table)
        let limit = config.memoryBudgetBytes
        let stored: [UInt8]?
        do {
            stored = try await store.get(key: key, maxBytes: limit)
        } catch {
            throw Self.failure("\(error)\(Self.sizeHint(error, limit: limit))")
        }
        guard let stored else { return }
        let object: [UInt8]
        do {
            object = try decompress(stored, limit: limit)
        } catch {
            throw Self.failure("object \"\(key)\": \(error)\(Self.sizeHint(error, limit: limit))")
        }
        var batches: [RecordBatch] = []
        do {
            try object.withUnsafeBytes { bytes in
                try FormatSupport.makeDecoder(config).decode(bytes, schema: schema, maxRows: Self.batchRows) {
                    batches.append($0)
                }
            }
        } catch {
            throw Self.failure("object \"\(key)\": \(error)")
        }
        for batch in batches { try await emit(batch) }
    }

    /// The spec's object compression undone (Parquet compresses inside the file instead).
    private func decompress(_ stored: [UInt8], limit: Int) throws -> [UInt8] {
        switch config.compression {
        case .none: return stored
        case .gzip: return try stored.withUnsafeBytes { try Decompression.gzip($0, limit: limit) }
        case .zstd: return try stored.withUnsafeBytes { try Decompression.zstd($0, limit: limit) }
        }
    }

    /// The fix, when the download (`S3TransportError.responseTooLarge`) or its decompression
    /// (`CompressionError.exceedsLimit`) stopped at the memory budget.
    private static func sizeHint(_ error: Error, limit: Int) -> String {
        let overBudget = switch error {
        case let transport as S3TransportError: transport.responseTooLarge
        case let compression as CompressionError: compression.exceedsLimit
        default: false
        }
        guard overBudget else { return "" }
        return " (Read holds the whole object in memory; raise memory_budget_bytes above \(limit) to read it)"
    }

    private static func failure(_ message: String) -> PluginError {
        PluginError(.unknown, "failed to read records: \(message)")
    }
}
