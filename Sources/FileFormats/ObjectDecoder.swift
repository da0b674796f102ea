import Arrow

/// Turns one whole, already-decompressed object (as written by one of our encoders, or by the Go
/// plugin) back into record batches of a table's schema. Used to answer the `Read` RPC.
public protocol ObjectDecoder {
    /// Calls `emit` with batches of at most `maxRows` rows (the last may be shorter), in file order.
    func decode(_ object: UnsafeRawBufferPointer, schema: Schema, maxRows: Int,
                emit: (RecordBatch) throws -> Void) throws
}
