/// Decodes Parquet's RLE / bit-packing hybrid (levels, dictionary indices, RLE booleans) from
/// untrusted bytes: runs are bounded by the values asked for and the bytes present.
enum RLEHybridDecoder {
    /// Appends exactly `count` values of `bitWidth` bits from `bytes` to `out`.
    static func decode(_ bytes: UnsafeRawBufferPointer, bitWidth: Int, count: Int, into out: inout [Int32]) throws {
        guard (0...32).contains(bitWidth) else { throw ParquetDecodingError("RLE bit width \(bitWidth) is outside 0…32") }
        // Runs can expand a few bytes into many values, so reserve only a bounded amount up front.
        out.reserveCapacity(out.count + min(count, 1 << 20))
        if bitWidth == 0 {
            out.append(contentsOf: repeatElement(0, count: count))
            return
        }
        var position = 0
        var remaining = count
        let valueBytes = (bitWidth + 7) / 8
        let mask: UInt64 = bitWidth == 32 ? 0xffff_ffff : (1 << UInt64(bitWidth)) - 1
        while remaining > 0 {
            // Header varint.
            var header: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard position < bytes.count else { throw truncated(count - remaining, count) }
                let byte = bytes[position]
                position += 1
                guard shift < 64 else { throw ParquetDecodingError("RLE run header is not a valid varint") }
                header |= UInt64(byte & 0x7f) << shift
                if byte & 0x80 == 0 { break }
                shift += 7
            }
            if header & 1 == 0 {
                let run = header >> 1
                guard bytes.count - position >= valueBytes else { throw truncated(count - remaining, count) }
                var value: UInt64 = 0
                for k in 0..<valueBytes { value |= UInt64(bytes[position + k]) << UInt64(8 * k) }
                position += valueBytes
                guard value <= mask else { throw ParquetDecodingError("RLE run value does not fit in \(bitWidth) bits") }
                guard run > 0 else { throw ParquetDecodingError("RLE run of length 0") }
                let taken = Int(min(run, UInt64(remaining)))
                out.append(contentsOf: repeatElement(Int32(truncatingIfNeeded: value), count: taken))
                remaining -= taken
            } else {
                let groups = header >> 1
                guard groups > 0, groups <= UInt64(bytes.count) else {
                    throw ParquetDecodingError("bit-packed run of \(groups) groups is impossible here")
                }
                let values = Int(groups) * 8
                let runBytes = Int(groups) * bitWidth
                let available = min(runBytes, bytes.count - position)
                let taken = min(values, remaining)
                guard taken * bitWidth <= available * 8 else { throw truncated(count - remaining, count) }
                var bitPosition = position * 8
                for _ in 0..<taken {
                    var value: UInt64 = 0
                    var got = 0
                    while got < bitWidth {
                        let byte = UInt64(bytes[bitPosition >> 3])
                        let offset = bitPosition & 7
                        let bits = min(8 - offset, bitWidth - got)
                        value |= ((byte >> UInt64(offset)) & ((1 << UInt64(bits)) - 1)) << UInt64(got)
                        got += bits
                        bitPosition += bits
                    }
                    out.append(Int32(truncatingIfNeeded: value))
                }
                remaining -= taken
                position += available
            }
        }
    }

    private static func truncated(_ got: Int, _ wanted: Int) -> ParquetDecodingError {
        ParquetDecodingError("RLE data ends after \(got) of \(wanted) values")
    }
}
