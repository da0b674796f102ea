/// A bounds-checked reader for the flatbuffer metadata of one IPC message.
///
/// Only what Arrow's `Message.fbs` / `Schema.fbs` need: tables with scalar, string, table, union,
/// vector-of-table and vector-of-struct fields. Every offset read from the bytes is checked
/// against the buffer before it is followed, so a corrupt or hostile payload produces an
/// `ArrowError` naming the structure, never an out-of-bounds read.
struct FlatBuffer {
    let bytes: UnsafeRawBufferPointer
    /// Names the message in errors, e.g. "message 2 (record batch)".
    let context: String

    var count: Int { bytes.count }

    func fail(_ what: String) -> ArrowError {
        .malformed("\(context): corrupt flatbuffer metadata: \(what)")
    }

    @inline(__always)
    func load<T: FixedWidthInteger>(_ type: T.Type, at position: Int, _ what: @autoclosure () -> String) throws -> T {
        let size = MemoryLayout<T>.size
        guard position >= 0, position <= count - size else {
            throw fail("\(what()) at byte \(position) lies outside the \(count)-byte metadata")
        }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: T.self))
    }

    /// Follows a `uoffset_t` stored at `position` (offsets are relative to where they are stored).
    func follow(_ position: Int, _ what: @autoclosure () -> String) throws -> Int {
        let relative = try load(UInt32.self, at: position, what())
        let target = position + Int(relative)
        guard target < count else {
            throw fail("\(what()) points to byte \(target), past the \(count)-byte metadata")
        }
        return target
    }

    func rootTable(_ name: String) throws -> FlatTable {
        guard count >= 8 else { throw fail("only \(count) bytes, too short for a root table") }
        return try FlatTable(self, at: follow(0, "root offset"), name: name)
    }
}

/// One flatbuffer table: a position plus its vtable, with typed, defaulted field getters.
/// Field ids are the zero-based declaration order in the `.fbs` schema (a union uses two ids:
/// its type tag, then its value).
struct FlatTable {
    let buffer: FlatBuffer
    let position: Int
    let name: String
    private let vtable: Int
    private let vtableSize: Int
    private let inlineSize: Int

    init(_ buffer: FlatBuffer, at position: Int, name: String) throws {
        self.buffer = buffer
        self.position = position
        self.name = name
        let back = try buffer.load(Int32.self, at: position, "\(name) table header")
        vtable = position - Int(back)
        vtableSize = Int(try buffer.load(UInt16.self, at: vtable, "\(name) vtable size"))
        inlineSize = Int(try buffer.load(UInt16.self, at: vtable + 2, "\(name) table size"))
        guard vtableSize >= 4, vtableSize % 2 == 0, vtable + vtableSize <= buffer.count else {
            throw buffer.fail("\(name) vtable at byte \(vtable) has an impossible size \(vtableSize)")
        }
        guard inlineSize >= 4, position + inlineSize <= buffer.count else {
            throw buffer.fail("\(name) table at byte \(position) has an impossible size \(inlineSize)")
        }
    }

    /// The absolute position of field `id`, or nil when the field is absent (use the default).
    private func fieldPosition(_ id: Int, size: Int) throws -> Int? {
        let slot = 4 + 2 * id
        guard slot + 2 <= vtableSize else { return nil }
        let relative = Int(try buffer.load(UInt16.self, at: vtable + slot, "\(name) vtable entry"))
        guard relative != 0 else { return nil }
        guard relative + size <= inlineSize else {
            throw buffer.fail("\(name) field \(id) lies outside its table")
        }
        return position + relative
    }

    func scalar<T: FixedWidthInteger>(_ id: Int, _ type: T.Type, default value: T) throws -> T {
        guard let at = try fieldPosition(id, size: MemoryLayout<T>.size) else { return value }
        return try buffer.load(T.self, at: at, "\(name) field \(id)")
    }

    func bool(_ id: Int, default value: Bool = false) throws -> Bool {
        try scalar(id, UInt8.self, default: value ? 1 : 0) != 0
    }

    func table(_ id: Int, name child: String) throws -> FlatTable? {
        guard let at = try fieldPosition(id, size: 4) else { return nil }
        return try FlatTable(buffer, at: buffer.follow(at, "\(name).\(child) offset"), name: child)
    }

    func string(_ id: Int, name field: String) throws -> String? {
        guard let at = try fieldPosition(id, size: 4) else { return nil }
        let start = try buffer.follow(at, "\(name).\(field) offset")
        let length = Int(try buffer.load(UInt32.self, at: start, "\(name).\(field) length"))
        guard length <= buffer.count - start - 4 else {
            throw buffer.fail("\(name).\(field) string of \(length) bytes runs past the metadata")
        }
        let slice = UnsafeRawBufferPointer(rebasing: buffer.bytes[(start + 4)..<(start + 4 + length)])
        return String(decoding: slice, as: UTF8.self)
    }

    func vector(_ id: Int, name field: String, elementSize: Int) throws -> FlatVector? {
        guard let at = try fieldPosition(id, size: 4) else { return nil }
        let start = try buffer.follow(at, "\(name).\(field) offset")
        let length = Int(try buffer.load(UInt32.self, at: start, "\(name).\(field) length"))
        guard length <= (buffer.count - start - 4) / elementSize else {
            throw buffer.fail("\(name).\(field) vector of \(length) elements runs past the metadata")
        }
        return FlatVector(buffer: buffer, start: start + 4, count: length, elementSize: elementSize, name: field)
    }
}

/// A flatbuffer vector whose element range has been checked against the buffer.
struct FlatVector {
    let buffer: FlatBuffer
    let start: Int
    let count: Int
    let elementSize: Int
    let name: String

    func table(at index: Int, name child: String) throws -> FlatTable {
        let slot = start + index * 4
        return try FlatTable(buffer, at: buffer.follow(slot, "\(name)[\(index)] offset"), name: child)
    }

    /// Reads a little-endian scalar at `byteOffset` inside inline struct element `index`.
    func structField<T: FixedWidthInteger>(_ index: Int, byteOffset: Int, _ type: T.Type) throws -> T {
        try buffer.load(T.self, at: start + index * elementSize + byteOffset, "\(name)[\(index)]")
    }
}
