/// A small flatbuffer writer for the IPC metadata (`Message`, `Schema`, `RecordBatch`).
///
/// It writes front to back: a parent table first, then the strings, vectors and tables it
/// points to, each reference patched (`link`) once its target exists. Flatbuffer references
/// (`uoffset_t`) must point forward, which this order guarantees; each table's vtable is
/// written just before it. Every scalar is aligned to its size relative to the buffer start,
/// because readers such as Arrow C++ verify alignment.
struct FlatBufferBuilder {
    /// Starts with the root offset, patched by `finish(root:)`.
    private(set) var bytes: [UInt8] = [0, 0, 0, 0]

    /// One field of a table: a scalar, or a reference patched later through `link`.
    enum Slot {
        case scalar(id: Int, size: Int, bits: UInt64)
        case reference(id: Int)

        static func int8(_ id: Int, _ value: Int8) -> Slot { .scalar(id: id, size: 1, bits: UInt64(UInt8(bitPattern: value))) }
        static func uint8(_ id: Int, _ value: UInt8) -> Slot { .scalar(id: id, size: 1, bits: UInt64(value)) }
        static func bool(_ id: Int, _ value: Bool) -> Slot { .scalar(id: id, size: 1, bits: value ? 1 : 0) }
        static func int16(_ id: Int, _ value: Int16) -> Slot { .scalar(id: id, size: 2, bits: UInt64(UInt16(bitPattern: value))) }
        static func int32(_ id: Int, _ value: Int32) -> Slot { .scalar(id: id, size: 4, bits: UInt64(UInt32(bitPattern: value))) }
        static func int64(_ id: Int, _ value: Int64) -> Slot { .scalar(id: id, size: 8, bits: UInt64(bitPattern: value)) }

        var id: Int {
            switch self {
            case .scalar(let id, _, _), .reference(let id): return id
            }
        }
        var size: Int {
            switch self {
            case .scalar(_, let size, _): return size
            case .reference: return 4
            }
        }
    }

    /// A written table: where it starts, and where each of its reference fields lies
    /// (indexed by field id) for `link`.
    struct Table {
        let position: Int
        let references: [Int: Int]
    }

    /// Writes a vtable and the table after it.
    mutating func table(_ slots: [Slot]) -> Table {
        // Lay the fields out after the 4-byte vtable offset, assuming the table starts 8-aligned
        // (it is padded to that below), larger fields first to waste little padding.
        let ordered = slots.sorted { $0.size > $1.size }
        var fieldOffsets: [Int: Int] = [:]
        var end = 4
        for slot in ordered {
            end = (end + slot.size - 1) / slot.size * slot.size
            fieldOffsets[slot.id] = end
            end += slot.size
        }
        let inlineSize = end
        let fieldCount = (slots.map(\.id).max() ?? -1) + 1

        align(2)
        let vtable = bytes.count
        append(UInt16(4 + 2 * fieldCount))
        append(UInt16(inlineSize))
        for id in 0..<fieldCount { append(UInt16(fieldOffsets[id] ?? 0)) }

        align(8)
        let position = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: inlineSize))
        patch(Int32(position - vtable), at: position)
        var references: [Int: Int] = [:]
        for slot in slots {
            let at = position + (fieldOffsets[slot.id] ?? 0)
            switch slot {
            case .scalar(_, let size, let bits):
                for k in 0..<size { bytes[at + k] = UInt8(truncatingIfNeeded: bits >> (8 * UInt64(k))) }
            case .reference(let id):
                references[id] = at
            }
        }
        return Table(position: position, references: references)
    }

    /// Writes a string (length, UTF-8 bytes, NUL); returns its position.
    mutating func string(_ value: String) -> Int {
        align(4)
        let position = bytes.count
        var text = value
        text.withUTF8 { utf8 in
            append(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
        bytes.append(0)
        return position
    }

    /// Writes a vector of `count` references; returns its position and the slot of each
    /// element for `link`.
    mutating func referenceVector(count: Int) -> (position: Int, slots: [Int]) {
        align(4)
        let position = bytes.count
        append(UInt32(count))
        let first = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: 4 * count))
        return (position, (0..<count).map { first + 4 * $0 })
    }

    /// Writes a vector of structs made of two int64s (`FieldNode`, `Buffer`); returns its
    /// position. The elements are 8-aligned.
    mutating func int64PairVector(_ pairs: [(Int64, Int64)]) -> Int {
        while (bytes.count + 4) % 8 != 0 { bytes.append(0) }
        let position = bytes.count
        append(UInt32(pairs.count))
        bytes.reserveCapacity(bytes.count + 16 * pairs.count)
        for (first, second) in pairs {
            append(UInt64(bitPattern: first))
            append(UInt64(bitPattern: second))
        }
        return position
    }

    /// Points the reference stored at `slot` to `target` (which was written after it).
    mutating func link(_ slot: Int, to target: Int) {
        precondition(target > slot, "flatbuffer references point forward")
        patch(UInt32(target - slot), at: slot)
    }

    /// Makes `root` the root table and pads the buffer to a multiple of 8 bytes.
    mutating func finish(root: Table) -> [UInt8] {
        link(0, to: root.position)
        align(8)
        return bytes
    }

    private mutating func align(_ alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    private mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func patch<T: FixedWidthInteger>(_ value: T, at position: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for k in 0..<raw.count { bytes[position + k] = raw[k] }
        }
    }
}
