/// Just enough of a flatbuffer writer for the two small Arrow IPC messages of
/// `AthenaBinaryColumn` (a one-field Schema, a one-column RecordBatch). It writes front to back:
/// a uoffset may only point forward, so every object is written after the one referring to
/// it, and each table's vtable just before the table.
struct AthenaFlatBufferWriter {
    enum Field {
        case scalar(Int, any FixedWidthInteger)
        /// A uoffset to an object written later (`link`).
        case offset(Int)

        var id: Int {
            switch self {
            case .scalar(let id, _), .offset(let id): return id
            }
        }

        var size: Int {
            switch self {
            case .scalar(_, let value): return value.bitWidth / 8
            case .offset: return 4
            }
        }
    }

    /// Starts with the root uoffset, linked at the end.
    private(set) var bytes: [UInt8] = [0, 0, 0, 0]

    static func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private mutating func pad(to alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    /// Points the uoffset at `slot` to `target` (which lies after it).
    mutating func link(_ slot: Int, to target: Int) {
        let relative = UInt32(target - slot)
        withUnsafeBytes(of: relative.littleEndian) { bytes.replaceSubrange(slot..<(slot + 4), with: $0) }
    }

    /// A vtable and its table; returns the table's position and, indexed by field id, where
    /// each field sits (the slots to `link` for offsets).
    mutating func table(_ fields: [Field]) -> (position: Int, slots: [Int]) {
        // Lay the fields out after the 4-byte vtable offset, each aligned to its size
        // (the table itself starts 8-aligned).
        var layout: [(field: Field, at: Int)] = []
        var cursor = 4
        for field in fields {
            cursor = (cursor + field.size - 1) / field.size * field.size
            layout.append((field, cursor))
            cursor += field.size
        }
        let tableSize = cursor
        let slotCount = (fields.map(\.id).max() ?? -1) + 1
        pad(to: 2)
        let vtable = bytes.count
        Self.appendLittleEndian(UInt16(4 + 2 * slotCount), to: &bytes)
        Self.appendLittleEndian(UInt16(tableSize), to: &bytes)
        var entries = [UInt16](repeating: 0, count: slotCount)
        for (field, at) in layout { entries[field.id] = UInt16(at) }
        for entry in entries { Self.appendLittleEndian(entry, to: &bytes) }
        pad(to: 8)
        let position = bytes.count
        Self.appendLittleEndian(Int32(position - vtable), to: &bytes)
        var slots = [Int](repeating: 0, count: slotCount)
        for (field, at) in layout {
            while bytes.count < position + at { bytes.append(0) }
            slots[field.id] = bytes.count
            switch field {
            case .scalar(_, let value): Self.appendLittleEndian(value, to: &bytes)
            case .offset: bytes.append(contentsOf: [0, 0, 0, 0])
            }
        }
        while bytes.count < position + tableSize { bytes.append(0) }
        return (position, slots)
    }

    /// A vector of `count` uoffsets; returns its position and each element's slot.
    mutating func offsetVector(count: Int) -> (position: Int, slots: [Int]) {
        pad(to: 4)
        let position = bytes.count
        Self.appendLittleEndian(UInt32(count), to: &bytes)
        let slots = (0..<count).map { position + 4 + 4 * $0 }
        bytes.append(contentsOf: [UInt8](repeating: 0, count: 4 * count))
        return (position, slots)
    }

    /// A vector of structs of two int64s (Arrow's FieldNode and Buffer), elements 8-aligned.
    mutating func structVector(_ elements: [(Int64, Int64)]) -> Int {
        pad(to: 4)
        if (bytes.count + 4) % 8 != 0 { bytes.append(contentsOf: [0, 0, 0, 0]) }
        let position = bytes.count
        Self.appendLittleEndian(UInt32(elements.count), to: &bytes)
        for (a, b) in elements {
            Self.appendLittleEndian(a, to: &bytes)
            Self.appendLittleEndian(b, to: &bytes)
        }
        return position
    }
}
