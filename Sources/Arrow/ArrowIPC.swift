/// A decoded IPC stream: its schema and the record batches that followed it.
public struct ArrowStream: Sendable {
    public let schema: Schema
    public let batches: [RecordBatch]

    /// Total rows over all batches.
    public var rowCount: Int { batches.reduce(0) { $0 + $1.length } }
}

/// Reader for the Arrow IPC *streaming* format, as CloudQuery sends it in `Write.migrate_table`
/// and `Write.insert`: a schema message, record batch messages, and the end-of-stream marker.
///
/// Supported: metadata V4/V5, little-endian, uncompressed bodies, no dictionaries; the types of
/// `ArrowType`. Anything else is rejected with an `ArrowError` that names it.
public enum ArrowIPC {
    /// Decodes a complete stream. The bytes are copied once into a buffer that all returned
    /// arrays share; values are never copied after that.
    public static func readStream(_ bytes: [UInt8]) throws -> ArrowStream {
        try bytes.withUnsafeBytes { try readStream($0) }
    }

    /// Decodes a complete stream from raw bytes (e.g. `Data.withUnsafeBytes`), copying them once.
    public static func readStream(_ bytes: UnsafeRawBufferPointer) throws -> ArrowStream {
        try readStream(ArrowBytes(copying: bytes))
    }

    /// Decodes a complete stream in place: the returned arrays point into `payload`.
    public static func readStream(_ payload: ArrowBytes) throws -> ArrowStream {
        try withExtendedLifetime(payload) {
            try StreamDecoder(payload: payload).decode()
        }
    }
}
