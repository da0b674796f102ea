/// Reads the Thrift compact protocol (what Parquet footers and page headers use) from untrusted
/// bytes: every length is checked against the bytes left, nesting is bounded, and unknown
/// fields are skipped so files from newer writers still read.
struct ThriftCompactReader {
    /// Compact-protocol type ids.
    enum WireType: UInt8 {
        case stop = 0, boolTrue = 1, boolFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6
        case double = 7, binary = 8, list = 9, set = 10, map = 11, structure = 12
    }

    struct FieldHeader {
        var id: Int16
        var type: WireType
    }

    private let bytes: UnsafeRawBufferPointer
    private(set) var position: Int
    private var lastFieldIDs: [Int16] = [0]
    /// A boolean field carries its value in the header; kept for `readBool`.
    private var pendingBool: Bool?
    private static let maxDepth = 64

    /// What is being read, for error messages ("page header", "file footer").
    let context: String

    init(_ bytes: UnsafeRawBufferPointer, context: String, position: Int = 0) {
        self.bytes = bytes
        self.position = position
        self.context = context
    }

    func error(_ reason: String) -> ParquetDecodingError {
        ParquetDecodingError("\(context): \(reason) (byte \(position))")
    }

    // MARK: primitives

    mutating func readByte() throws -> UInt8 {
        guard position < bytes.count else { throw error("unexpected end of data") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64 else { throw error("varint longer than 10 bytes") }
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func readZigzag() throws -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func readI32() throws -> Int32 {
        let value = try readZigzag()
        guard let narrowed = Int32(exactly: value) else { throw error("i32 value out of range") }
        return narrowed
    }

    mutating func readI64() throws -> Int64 { try readZigzag() }

    mutating func readBinary() throws -> UnsafeRawBufferPointer {
        let length = try readVarint()
        guard length <= UInt64(bytes.count - position) else {
            throw error("a \(length)-byte string runs past the end of the data")
        }
        let start = position
        position += Int(length)
        return UnsafeRawBufferPointer(rebasing: bytes[start..<position])
    }

    mutating func readString() throws -> String {
        String(decoding: try readBinary(), as: UTF8.self)
    }

    /// The value of a boolean struct field (its header already carried it) or list element.
    mutating func readBool() throws -> Bool {
        if let value = pendingBool {
            pendingBool = nil
            return value
        }
        return try readByte() == 1
    }

    // MARK: structure

    /// Enters a struct: field ids restart from 0.
    mutating func beginStruct() throws {
        guard lastFieldIDs.count < Self.maxDepth else { throw error("structures nested too deeply") }
        lastFieldIDs.append(0)
    }

    mutating func endStruct() {
        if lastFieldIDs.count > 1 { lastFieldIDs.removeLast() }
    }

    /// The next field's header, or nil at the struct's stop byte.
    mutating func readFieldHeader() throws -> FieldHeader? {
        let byte = try readByte()
        guard let type = WireType(rawValue: byte & 0x0f) else {
            throw error("unknown field type \(byte & 0x0f)")
        }
        if type == .stop { return nil }
        let delta = Int16(byte >> 4)
        let id: Int16
        if delta != 0 {
            id = lastFieldIDs[lastFieldIDs.count - 1] &+ delta
        } else {
            let raw = try readZigzag()
            guard let value = Int16(exactly: raw) else { throw error("field id out of range") }
            id = value
        }
        lastFieldIDs[lastFieldIDs.count - 1] = id
        if type == .boolTrue || type == .boolFalse { pendingBool = type == .boolTrue }
        return FieldHeader(id: id, type: type)
    }

    /// Element type and count of a list or set; the count is bounded by the bytes left (every
    /// element takes at least one byte except booleans, which take exactly one in a list).
    mutating func readListHeader() throws -> (type: WireType, count: Int) {
        let byte = try readByte()
        guard let type = WireType(rawValue: byte & 0x0f) else {
            throw error("unknown list element type \(byte & 0x0f)")
        }
        var count = UInt64(byte >> 4)
        if count == 15 { count = try readVarint() }
        guard count <= UInt64(bytes.count - position) else {
            throw error("a list of \(count) elements cannot fit in the bytes left")
        }
        return (type, Int(count))
    }

    /// Reads each element of a list with `element`.
    mutating func readList(_ element: (inout ThriftCompactReader, WireType) throws -> Void) throws {
        let (type, count) = try readListHeader()
        for _ in 0..<count { try element(&self, type) }
    }

    /// Reads a struct, handing each field to `field`, which must consume it (or call `skip`).
    mutating func readStruct(_ field: (inout ThriftCompactReader, FieldHeader) throws -> Void) throws {
        try beginStruct()
        while let header = try readFieldHeader() {
            try field(&self, header)
        }
        endStruct()
    }

    /// Skips a value of `type` (an unknown field).
    mutating func skip(_ type: WireType, depth: Int = 0) throws {
        guard depth < Self.maxDepth else { throw error("structures nested too deeply") }
        switch type {
        case .stop: return
        case .boolTrue, .boolFalse: pendingBool = nil
        case .byte: _ = try readByte()
        case .i16, .i32, .i64: _ = try readVarint()
        case .double:
            guard bytes.count - position >= 8 else { throw error("unexpected end of data") }
            position += 8
        case .binary: _ = try readBinary()
        case .list, .set:
            let (elementType, count) = try readListHeader()
            for _ in 0..<count {
                if elementType == .boolTrue || elementType == .boolFalse { _ = try readByte() } else {
                    try skip(elementType, depth: depth + 1)
                }
            }
        case .map:
            let count = try readVarint()
            guard count <= UInt64(bytes.count - position) else { throw error("map too large for the bytes left") }
            if count == 0 { return }
            let types = try readByte()
            guard let keyType = WireType(rawValue: types >> 4), let valueType = WireType(rawValue: types & 0x0f) else {
                throw error("unknown map element types")
            }
            for _ in 0..<count {
                try skip(keyType, depth: depth + 1)
                try skip(valueType, depth: depth + 1)
            }
        case .structure:
            try beginStruct()
            while let header = try readFieldHeader() {
                try skip(header.type, depth: depth + 1)
            }
            endStruct()
        }
    }

    /// Reads an i32 field, checking that the wire type is one.
    mutating func i32(_ header: FieldHeader) throws -> Int32 {
        guard header.type == .i32 || header.type == .i16 || header.type == .byte else {
            throw error("field \(header.id) should be an integer")
        }
        if header.type == .byte { return Int32(Int8(bitPattern: try readByte())) }
        return try readI32()
    }

    mutating func i64(_ header: FieldHeader) throws -> Int64 {
        guard header.type == .i64 || header.type == .i32 || header.type == .i16 else {
            throw error("field \(header.id) should be an integer")
        }
        return try readI64()
    }
}
