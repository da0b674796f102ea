/// Parquet's RLE / bit-packing hybrid (parquet-format `Encodings.md`, "Run Length Encoding /
/// Bit-Packing Hybrid"), used for definition and repetition levels and for dictionary indices.
///
/// A run of at least 8 equal values becomes an RLE run (`varint(count << 1)` then the value in
/// `ceil(bitWidth / 8)` little-endian bytes); everything else is bit-packed in groups of 8
/// (`varint(groups << 1 | 1)` then the values packed LSB first). Shorter repeats are not worth
/// a run header of their own, and a literal stretch is padded to a multiple of 8 by borrowing
/// values from the run that follows it, so only the very last group ever needs zero padding
/// (readers stop at the page's value count).
enum RLEHybridEncoder {
    private static let maxLiteralValues = 512
    /// Appends the encoding of `values` (each < 2^bitWidth, bitWidth 1...32) to `out`.
    static func encode<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>, bitWidth: Int, into out: inout [UInt8]
    ) {
        precondition(bitWidth >= 1 && bitWidth <= 32, "RLE bit width \(bitWidth) out of 1...32")
        let count = values.count
        var i = 0
        var literalStart = -1
        while i < count {
            let value = values[i]
            var end = i &+ 1
            while end < count && values[end] == value { end &+= 1 }
            if end &- i >= 8 {
                if literalStart >= 0 {
                    // Pad the literal to whole groups with the first values of this run.
                    let literalCount = i &- literalStart
                    let padded = (literalCount &+ 7) & ~7
                    appendBitPacked(values, from: literalStart, count: padded, available: count,
                                    bitWidth: bitWidth, into: &out)
                    i = literalStart &+ padded
                    literalStart = -1
                }
                if end > i {
                    appendRun(UInt64(value), count: end &- i, bitWidth: bitWidth, into: &out)
                }
            } else {
                if literalStart < 0 { literalStart = i }
                // Literal runs of at most 64 groups (a one-byte header), as parquet-cpp and
                // Impala write them, so no reader meets an unusually long one.
                while end &- literalStart >= maxLiteralValues {
                    appendBitPacked(values, from: literalStart, count: maxLiteralValues, available: count,
                                    bitWidth: bitWidth, into: &out)
                    literalStart &+= maxLiteralValues
                }
                if literalStart == end { literalStart = -1 }
            }
            i = end
        }
        if literalStart >= 0 {
            let literalCount = count &- literalStart
            appendBitPacked(values, from: literalStart, count: (literalCount &+ 7) & ~7, available: count,
                            bitWidth: bitWidth, into: &out)
        }
    }

    /// Array convenience for callers that hold their values in an array.
    static func encode<T: FixedWidthInteger & UnsignedInteger>(_ values: [T], bitWidth: Int, into out: inout [UInt8]) {
        values.withUnsafeBufferPointer { encode($0, bitWidth: bitWidth, into: &out) }
    }

    /// Bits needed for values up to `maxValue` (0 for 0).
    static func bitWidth(forMaxValue maxValue: Int) -> Int {
        maxValue <= 0 ? 0 : Int.bitWidth - maxValue.leadingZeroBitCount
    }

    private static func appendRun(_ value: UInt64, count: Int, bitWidth: Int, into out: inout [UInt8]) {
        appendVarint(UInt64(count) << 1, into: &out)
        var rest = value
        for _ in 0..<((bitWidth + 7) / 8) {
            out.append(UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
    }

    /// `count` (a multiple of 8) values from `start`; positions at or past `available` are 0.
    private static func appendBitPacked<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>, from start: Int, count: Int, available: Int, bitWidth: Int,
        into out: inout [UInt8]
    ) {
        appendVarint(UInt64(count / 8) << 1 | 1, into: &out)
        out.reserveCapacity(out.count + count / 8 * bitWidth)
        var accumulator: UInt64 = 0
        var bits = 0
        for k in start..<(start + count) {
            let value: UInt64 = k < available ? UInt64(values[k]) : 0
            accumulator |= value << UInt64(bits)
            bits &+= bitWidth
            while bits >= 8 {
                out.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                bits &-= 8
            }
        }
    }

    static func appendVarint(_ value: UInt64, into out: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }
}
