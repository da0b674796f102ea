/// The per-object caps of the Go streaming batch writer: rows (`batch_size`) and Arrow buffer
/// bytes (`batch_size_bytes`); 0 means no cap (with `no_rotate` both are 0: one object per table).
struct BatchLimits: Sendable {
    var rows: Int64
    var bytes: Int64

    /// How many of `available` rows (each about `bytesPerRow` Arrow bytes) still fit in an object
    /// that already holds `rows`/`bytes`. At least 1 when the object is empty, so a single row
    /// larger than the byte cap still makes progress (it becomes an object of its own).
    func rowsThatFit(available: Int, bytesPerRow: Int64, currentRows: Int64, currentBytes: Int64) -> Int {
        var fit = Int64(available)
        if rows > 0 { fit = min(fit, max(0, rows - currentRows)) }
        if bytes > 0 && bytesPerRow > 0 { fit = min(fit, max(0, (bytes - currentBytes) / bytesPerRow)) }
        if fit == 0 && currentRows == 0 { fit = 1 }
        return Int(min(fit, Int64(available)))
    }

    /// True when an object holding `rows`/`bytes` must be closed.
    func isFull(rows currentRows: Int64, bytes currentBytes: Int64) -> Bool {
        (rows > 0 && currentRows >= rows) || (bytes > 0 && currentBytes >= bytes)
    }
}
