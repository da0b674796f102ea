import Arrow

/// Builds the replacement for a sanitised json column: a `binary` `ArrowArray`.
///
/// Each value is written into a scratch buffer by the caller's closure (so a value that turns
/// out to be `null` can be dropped), then handed to an `ArrowArrayBuilder`.
struct AthenaBinaryColumn {
    struct TooLarge: Error, CustomStringConvertible {
        let bytes: Int
        var description: String {
            "the sanitised json values of one batch take \(bytes) bytes, more than a binary column's "
                + "2 GiB limit; use a smaller batch_size_bytes"
        }
    }

    private let builder = ArrowArrayBuilder(field: Field(name: "", type: .binary))
    private var scratch: [UInt8] = []
    /// Bytes of all values so far, counted even past the limit so the error can say how many.
    private var totalBytes = 0
    /// Set when the builder refused a value; `build()` reports it.
    private var failure: Error?

    mutating func reserve(count: Int) {
        builder.reserveCapacity(count)
    }

    mutating func appendNull() {
        builder.appendNull()
    }

    /// Appends the bytes `body` writes as one value; when `body` returns false whatever it
    /// wrote is dropped and nothing is appended (the caller decides what to do instead).
    mutating func appendValue(_ body: (inout [UInt8]) throws -> Bool) rethrows -> Bool {
        scratch.removeAll(keepingCapacity: true)
        guard try body(&scratch) else { return false }
        totalBytes += scratch.count
        // Past the binary offsets' Int32 range the column cannot be built; keep counting so
        // `build()` reports the full size, but stop feeding the builder.
        if totalBytes > Int(Int32.max) {
            builder.appendNull()
            return true
        }
        do {
            try scratch.withUnsafeBytes { try builder.append(bytes: $0) }
        } catch {
            failure = failure ?? error
            builder.appendNull()
        }
        return true
    }

    func build() throws -> ArrowArray {
        guard totalBytes <= Int(Int32.max) else {
            _ = builder.finish()  // release the partial column
            throw TooLarge(bytes: totalBytes)
        }
        if let failure { throw failure }
        return builder.finish()
    }
}
