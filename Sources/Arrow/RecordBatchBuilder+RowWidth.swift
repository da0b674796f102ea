extension ArrowArrayBuilder {
    /// Bytes one element adds whatever its value, a null included: its fixed width or offset,
    /// and a fixed-size list's `size` child elements (each counted as at least one byte, so a
    /// list of nulls still counts the appends it costs). Saturates at `Int.max`.
    var bytesPerElementAtLeast: Int {
        switch storage {
        case .null: return 0
        case .bool: return 1
        case .signed, .unsigned, .opaque, .float16, .float32, .float64: return storage.valueWidth ?? 0
        case .variable(let offsetWidth, _), .list(let offsetWidth): return offsetWidth
        case .fixedSizeList(let size):
            let (product, overflow) = size.multipliedReportingOverflow(by: max(1, children[0].bytesPerElementAtLeast))
            return overflow ? .max : product
        case .struct:
            return children.reduce(0) { total, child in
                let (sum, overflow) = total.addingReportingOverflow(child.bytesPerElementAtLeast)
                return overflow ? .max : sum
            }
        }
    }
}

extension RecordBatchBuilder {
    /// The most bytes the fixed-width parts of one batch's rows may take (see `rowsPerBatch`).
    public static let maxFixedBatchBytes = 64 << 20

    /// Rows a decoder may gather in one batch when asked for at most `maxRows`: fewer where the
    /// schema's fixed-width parts (fixed_size_binary, decimals, fixed-size lists), which every
    /// row fills even when it is null, would put more than `maxFixedBatchBytes` in one batch.
    /// Throws, naming the widest column, when a single row would: such a schema (a
    /// fixed_size_binary of 2^30 bytes, found by FuzzJSONLinesRead) exhausted memory on its first
    /// null; pyarrow refuses it too ("byte width of FixedSizeBinaryType too large").
    public func rowsPerBatch(atMost maxRows: Int) throws -> Int {
        var perRow = 0
        var widest: (column: ArrowArrayBuilder, bytes: Int)?
        for column in columns {
            let bytes = column.bytesPerElementAtLeast
            let (sum, overflow) = perRow.addingReportingOverflow(bytes)
            perRow = overflow ? .max : sum
            if bytes > (widest?.bytes ?? 0) { widest = (column, bytes) }
        }
        if perRow > Self.maxFixedBatchBytes, let widest {
            throw ArrowError.invalidValue(
                "column \"\(widest.column.field.name)\" of type \(widest.column.field.type) takes \(widest.bytes) bytes "
                    + "in every row, null or not, more than the \(Self.maxFixedBatchBytes >> 20) MiB a batch of rows "
                    + "may hold; declare it with a smaller fixed width or list size")
        }
        return max(1, min(maxRows, Self.maxFixedBatchBytes / max(1, perRow)))
    }
}
