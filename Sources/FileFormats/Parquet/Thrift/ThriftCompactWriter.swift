/// Thrift's compact protocol, write side only: what Parquet's footer and page headers are
/// serialised with (apache/thrift `doc/specs/thrift-compact-protocol.md`).
///
/// Structs are written field by field in ascending id order; each field header carries the
/// delta from the previous field id when it fits in 4 bits. Nested structs keep their own
/// "previous id", hence the stack.
struct ThriftCompactWriter {
    /// Compact-protocol type ids (low nibble of a field header, element type of a list).
    enum WireType: UInt8 {
        case booleanTrue = 1, booleanFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7
        case binary = 8, list = 9, set = 10, map = 11, structure = 12
    }

    private(set) var bytes: [UInt8] = []
    private var lastFieldID: Int16 = 0
    private var enclosingFieldIDs: [Int16] = []

    init(reservingCapacity capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: field headers

    private mutating func fieldHeader(_ id: Int16, _ type: WireType) {
        let delta = Int(id) - Int(lastFieldID)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            writeVarint(UInt64(Self.zigzag(Int64(id))))
        }
        lastFieldID = id
    }

    // MARK: scalar fields

    mutating func field(_ id: Int16, bool value: Bool) {
        // Compact protocol folds a boolean field's value into its header type.
        fieldHeader(id, value ? .booleanTrue : .booleanFalse)
    }

    mutating func field(_ id: Int16, i8 value: Int8) {
        fieldHeader(id, .byte)
        bytes.append(UInt8(bitPattern: value))
    }

    mutating func field(_ id: Int16, i16 value: Int16) {
        fieldHeader(id, .i16)
        writeVarint(Self.zigzag(Int64(value)))
    }

    mutating func field(_ id: Int16, i32 value: Int32) {
        fieldHeader(id, .i32)
        writeVarint(Self.zigzag(Int64(value)))
    }

    mutating func field(_ id: Int16, i64 value: Int64) {
        fieldHeader(id, .i64)
        writeVarint(Self.zigzag(value))
    }

    mutating func field(_ id: Int16, binary value: [UInt8]) {
        fieldHeader(id, .binary)
        writeBinary(value)
    }

    mutating func field(_ id: Int16, string value: String) {
        fieldHeader(id, .binary)
        writeBinary(Array(value.utf8))
    }

    // MARK: nested fields

    /// A struct-valued field: `body` writes the struct's fields.
    mutating func field(_ id: Int16, structure body: (inout ThriftCompactWriter) -> Void) {
        fieldHeader(id, .structure)
        writeStruct(body)
    }

    /// A list field whose elements are structs.
    mutating func field<Element>(_ id: Int16, structs elements: [Element],
                                 _ body: (inout ThriftCompactWriter, Element) -> Void) {
        fieldHeader(id, .list)
        listHeader(count: elements.count, of: .structure)
        for element in elements {
            writeStruct { body(&$0, element) }
        }
    }

    mutating func field(_ id: Int16, i32List elements: [Int32]) {
        fieldHeader(id, .list)
        listHeader(count: elements.count, of: .i32)
        for element in elements { writeVarint(Self.zigzag(Int64(element))) }
    }

    mutating func field(_ id: Int16, stringList elements: [String]) {
        fieldHeader(id, .list)
        listHeader(count: elements.count, of: .binary)
        for element in elements { writeBinary(Array(element.utf8)) }
    }

    /// Writes a whole struct (fields then the stop byte); used for top-level structs too.
    mutating func writeStruct(_ body: (inout ThriftCompactWriter) -> Void) {
        enclosingFieldIDs.append(lastFieldID)
        lastFieldID = 0
        body(&self)
        bytes.append(0)  // field stop
        lastFieldID = enclosingFieldIDs.removeLast()
    }

    // MARK: encoding primitives

    private mutating func listHeader(count: Int, of type: WireType) {
        if count < 15 {
            bytes.append(UInt8(count) << 4 | type.rawValue)
        } else {
            bytes.append(0xF0 | type.rawValue)
            writeVarint(UInt64(count))
        }
    }

    private mutating func writeBinary(_ value: [UInt8]) {
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    private mutating func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }
}
