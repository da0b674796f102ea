/// The decoded (non-null) values of one column chunk, in the column's physical type: one
/// typed array is in use. Dictionary pages decode into a store of their own whose entries are
/// then copied per index, so later stages see plain values whatever the page encoding.
struct ParquetValueStore {
    let physicalType: ParquetPhysicalType
    /// Bytes per FIXED_LEN_BYTE_ARRAY value (INT96: 12).
    let fixedWidth: Int

    var booleans: [Bool] = []
    var int32s: [Int32] = []
    var int64s: [Int64] = []
    var floats: [Float] = []
    var doubles: [Double] = []
    /// BYTE_ARRAY: value `i` is `bytes[offsets[i]..<offsets[i+1]]`; FIXED_LEN_BYTE_ARRAY and
    /// INT96: value `i` is `bytes[i*fixedWidth..<(i+1)*fixedWidth]`.
    var bytes: [UInt8] = []
    var offsets: [Int] = [0]

    init(physicalType: ParquetPhysicalType, fixedWidth: Int) {
        self.physicalType = physicalType
        self.fixedWidth = physicalType == .int96 ? 12 : fixedWidth
    }

    var count: Int {
        switch physicalType {
        case .boolean: return booleans.count
        case .int32: return int32s.count
        case .int64: return int64s.count
        case .float: return floats.count
        case .double: return doubles.count
        case .byteArray: return offsets.count - 1
        case .fixedLenByteArray, .int96: return fixedWidth == 0 ? 0 : bytes.count / fixedWidth
        }
    }

    /// Bytes of BYTE_ARRAY / FIXED_LEN_BYTE_ARRAY / INT96 value `i`, handed to `body`.
    @inline(__always)
    func withBytes<R>(at i: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let range = physicalType == .byteArray ? offsets[i]..<offsets[i + 1] : i * fixedWidth..<(i + 1) * fixedWidth
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// Decodes `count` PLAIN values from `data`; returns the bytes used.
    @discardableResult
    mutating func appendPlain(_ data: UnsafeRawBufferPointer, count: Int) throws -> Int {
        func need(_ n: Int) throws {
            guard n <= data.count else {
                throw ParquetDecodingError("PLAIN values need \(n) bytes, the page has \(data.count)")
            }
        }
        func load<T: FixedWidthInteger>(_: T.Type, _ width: Int, _ body: (T) -> Void) throws {
            let (total, overflow) = count.multipliedReportingOverflow(by: width)
            guard !overflow else { throw ParquetDecodingError("value count \(count) is impossible") }
            try need(total)
            switch physicalType {
            case .int32: int32s.reserveCapacity(int32s.count + count)
            case .int64: int64s.reserveCapacity(int64s.count + count)
            case .float: floats.reserveCapacity(floats.count + count)
            case .double: doubles.reserveCapacity(doubles.count + count)
            default: break
            }
            for i in 0..<count { body(T(littleEndian: data.loadUnaligned(fromByteOffset: i * width, as: T.self))) }
        }
        // The smallest possible encoding must fit before anything is reserved, so a hostile
        // count cannot make us allocate more than the page could hold.
        guard count >= 0 else { throw ParquetDecodingError("negative value count") }
        switch physicalType {
        case .boolean: try need((count + 7) / 8)
        case .byteArray: try need(count > data.count / 4 ? data.count + 1 : count * 4)
        default: break
        }
        switch physicalType {
        case .boolean:
            booleans.reserveCapacity(booleans.count + count)
            for i in 0..<count { booleans.append(data[i >> 3] & (1 << UInt8(i & 7)) != 0) }
            return (count + 7) / 8
        case .int32:
            try load(Int32.self, 4) { int32s.append($0) }
            return count * 4
        case .int64:
            try load(Int64.self, 8) { int64s.append($0) }
            return count * 8
        case .float:
            try load(UInt32.self, 4) { floats.append(Float(bitPattern: $0)) }
            return count * 4
        case .double:
            try load(UInt64.self, 8) { doubles.append(Double(bitPattern: $0)) }
            return count * 8
        case .byteArray:
            var position = 0
            offsets.reserveCapacity(offsets.count + count)
            for _ in 0..<count {
                try need(position + 4)
                let length = Int(UInt32(littleEndian: data.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
                position += 4
                try need(position + length)
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: data[position..<position + length]))
                position += length
                offsets.append(bytes.count)
            }
            return position
        case .fixedLenByteArray, .int96:
            let (total, overflow) = count.multipliedReportingOverflow(by: fixedWidth)
            guard !overflow else { throw ParquetDecodingError("value count \(count) is impossible") }
            try need(total)
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: data[0..<total]))
            return total
        }
    }

    /// Appends entry `i` of `dictionary` (same physical type); `i` is checked.
    @inline(__always)
    mutating func append(from dictionary: ParquetValueStore, at i: Int) throws {
        guard i >= 0, i < dictionary.count else {
            throw ParquetDecodingError("dictionary index \(i) is outside the \(dictionary.count)-entry dictionary")
        }
        switch physicalType {
        case .boolean: booleans.append(dictionary.booleans[i])
        case .int32: int32s.append(dictionary.int32s[i])
        case .int64: int64s.append(dictionary.int64s[i])
        case .float: floats.append(dictionary.floats[i])
        case .double: doubles.append(dictionary.doubles[i])
        case .byteArray:
            let range = dictionary.offsets[i]..<dictionary.offsets[i + 1]
            dictionary.bytes.withUnsafeBytes { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[range])) }
            offsets.append(bytes.count)
        case .fixedLenByteArray, .int96:
            let range = i * fixedWidth..<(i + 1) * fixedWidth
            dictionary.bytes.withUnsafeBytes { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[range])) }
        }
    }
}
