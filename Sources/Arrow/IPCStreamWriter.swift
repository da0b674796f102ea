/// Arrow IPC stream bytes: Schema message, one RecordBatch message per batch, end-of-stream marker
/// (what arrow-go's ipc.Writer / the plugin SDK's `RecordToBytes` produce).
///
/// Metadata V5, little-endian, uncompressed, no dictionaries. Each message is framed as
/// `FFFFFFFF`, int32 metadata length, the flatbuffer `Message` padded to 8 bytes, then the body
/// whose buffers each start 8-aligned. Arrays may be slices (decoded or built): bitmaps with a
/// bit offset are re-packed and offsets rebased so the written arrays start at 0.
public enum IPCStreamWriter {
    public static func stream(schema: Schema, batches: [RecordBatch]) -> [UInt8] {
        var output: [UInt8] = []
        appendMessage(IPCMetadataEncoder.schemaMessage(schema), to: &output)
        for batch in batches {
            withExtendedLifetime(batch) {
                var body = BodyPlan()
                for column in batch.columns { body.add(column) }
                let metadata = IPCMetadataEncoder.recordBatchMessage(
                    length: batch.length, nodes: body.nodes, buffers: body.bufferMetadata, bodyLength: body.length)
                appendMessage(metadata, to: &output)
                body.write(to: &output)
            }
        }
        output.append(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0])
        return output
    }

    /// `FFFFFFFF`, the (8-padded) metadata length and the metadata.
    private static func appendMessage(_ metadata: [UInt8], to output: inout [UInt8]) {
        output.append(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF])
        let padded = (metadata.count + 7) & ~7
        withUnsafeBytes(of: Int32(padded).littleEndian) { output.append(contentsOf: $0) }
        output.append(contentsOf: metadata)
        output.append(contentsOf: repeatElement(0, count: padded - metadata.count))
    }
}

/// The field nodes and buffers of one record batch body, in the pre-order the format
/// prescribes, and where each buffer goes.
private struct BodyPlan {
    enum Source {
        /// Bytes inside an array that outlives the plan.
        case borrowed(UnsafeRawPointer, Int)
        /// Bytes made for the message (re-packed bitmaps, rebased offsets).
        case owned([UInt8])

        var count: Int {
            switch self {
            case .borrowed(_, let count): return count
            case .owned(let bytes): return bytes.count
            }
        }
    }

    private(set) var nodes: [(Int64, Int64)] = []
    private(set) var bufferMetadata: [(Int64, Int64)] = []
    private var sources: [Source] = []
    /// Body bytes so far, each buffer padded to 8.
    private(set) var length = 0

    private mutating func addBuffer(_ source: Source) {
        bufferMetadata.append((Int64(length), Int64(source.count)))
        sources.append(source)
        length += (source.count + 7) & ~7
    }

    func write(to output: inout [UInt8]) {
        output.reserveCapacity(output.count + length)
        for source in sources {
            switch source {
            case .borrowed(let pointer, let count):
                output.append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: count))
            case .owned(let bytes):
                output.append(contentsOf: bytes)
            }
            let padding = ((source.count + 7) & ~7) - source.count
            output.append(contentsOf: repeatElement(0, count: padding))
        }
    }

    /// Adds `array`'s node and buffers, then its children's.
    mutating func add(_ array: ArrowArray) {
        let count = array.length
        nodes.append((Int64(count), Int64(array.layout == .null ? count : array.nullCount)))
        switch array.layout {
        case .null:
            return  // no buffers since metadata V4
        case .bitmap:
            addValidity(array)
            addBitmap(array.values, bitOffset: array.offset, count: count)
        case .fixed:
            addValidity(array)
            addBuffer(.borrowed(array.values + array.offset * array.width, count * array.width))
        case .varBinary:
            addValidity(array)
            let (start, end) = addOffsets(array)
            addBuffer(.borrowed(array.data + start, end - start))
        case .list:
            addValidity(array)
            let (start, end) = addOffsets(array)
            add(array.children[0].slice(offset: start, length: end - start))
        case .fixedSizeList:
            addValidity(array)
            add(array.children[0].slice(offset: array.offset * array.width, length: count * array.width))
        case .struct:
            addValidity(array)
            for child in array.children {
                add(child.length == count ? child : child.slice(offset: 0, length: count))
            }
        }
    }

    /// An empty validity buffer when there are no nulls (as Arrow writers do), else the bits
    /// of the array's range.
    private mutating func addValidity(_ array: ArrowArray) {
        guard array.nullCount > 0, let bitmap = array.validity else {
            addBuffer(.owned([]))
            return
        }
        addBitmap(bitmap, bitOffset: array.offset, count: array.length)
    }

    private mutating func addBitmap(_ bitmap: UnsafeRawPointer, bitOffset: Int, count: Int) {
        let byteCount = (count + 7) / 8
        if bitOffset & 7 == 0 {
            addBuffer(.borrowed(bitmap + bitOffset / 8, byteCount))
            return
        }
        var packed = [UInt8](repeating: 0, count: byteCount)
        for i in 0..<count {
            let bit = bitOffset + i
            if bitmap.load(fromByteOffset: bit >> 3, as: UInt8.self) & (1 << UInt8(bit & 7)) != 0 {
                packed[i >> 3] |= 1 << UInt8(i & 7)
            }
        }
        addBuffer(.owned(packed))
    }

    /// Writes `length + 1` offsets starting at 0; returns the range of the data (or child)
    /// they cover before rebasing.
    private mutating func addOffsets(_ array: ArrowArray) -> (Int, Int) {
        let width = array.width
        let count = array.length
        guard count > 0 else {
            addBuffer(.owned([UInt8](repeating: 0, count: width)))
            return (0, 0)
        }
        func offset(_ k: Int) -> Int {
            width == 4
                ? Int(array.values.loadUnaligned(fromByteOffset: k * 4, as: Int32.self))
                : Int(array.values.loadUnaligned(fromByteOffset: k * 8, as: Int64.self))
        }
        let start = offset(array.offset)
        let end = offset(array.offset + count)
        if start == 0 {
            addBuffer(.borrowed(array.values + array.offset * width, (count + 1) * width))
            return (start, end)
        }
        var rebased = [UInt8]()
        rebased.reserveCapacity((count + 1) * width)
        for k in array.offset...(array.offset + count) {
            if width == 4 {
                withUnsafeBytes(of: Int32(offset(k) - start).littleEndian) { rebased.append(contentsOf: $0) }
            } else {
                withUnsafeBytes(of: Int64(offset(k) - start).littleEndian) { rebased.append(contentsOf: $0) }
            }
        }
        addBuffer(.owned(rebased))
        return (start, end)
    }
}
