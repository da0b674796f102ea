import Foundation

/// One object as the sync manifest lists it.
struct ManifestEntry: Sendable, Encodable {
    var key: String
    var table: String
    var rows: Int64
    var bytes: Int
    var crc32: UInt32

    enum CodingKeys: String, CodingKey { case key, table, rows, bytes, crc32 }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(table, forKey: .table)
        try c.encode(rows, forKey: .rows)
        try c.encode(bytes, forKey: .bytes)
        // Hex of the whole body's CRC32 (zlib/IEEE): `zlib.crc32(body)` in Python gives the same number.
        try c.encode(String(format: "%08x", crc32), forKey: .crc32)
    }
}

/// Beyond every peer (opt-in `manifest_path`): one JSON document per successful Write stream
/// listing exactly the objects that stream wrote, for loaders that pick up one sync's files.
struct SyncManifest: Encodable {
    var syncID: String
    var bucket: String
    var format: String
    var completedAt: String
    var objects: [ManifestEntry]
    var totalRows: Int64
    var totalBytes: Int

    enum CodingKeys: String, CodingKey {
        case syncID = "sync_id", bucket, format, completedAt = "completed_at", objects
        case totalRows = "total_rows", totalBytes = "total_bytes"
    }

    init(config: DestinationConfig, objects: [ManifestEntry], now: Date) {
        syncID = config.invocationID
        bucket = config.bucket
        format = config.outputFormat.rawValue
        completedAt = ISO8601DateFormatter().string(from: now)
        self.objects = objects.sorted { ($0.table, $0.key) < ($1.table, $1.key) }
        totalRows = objects.reduce(0) { $0 + $1.rows }
        totalBytes = objects.reduce(0) { $0 + $1.bytes }
    }

    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0a]
    }

    /// The manifest's key: `manifest_path` with the path placeholders filled in.
    static func key(config: DestinationConfig, now: Date) -> String {
        PathTemplate(template: config.manifestPath, format: config.outputFormat, compression: .none)
            .renderKey(table: "", uuid: UUID().uuidString.lowercased(), time: now, syncID: config.invocationID)
    }
}
