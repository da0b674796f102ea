import GoText

/// Builds one `ArrowArray` of `field.type` value by value (readers turning CSV / JSON /
/// Parquet back into Arrow use it, one builder per column).
///
/// The arrays it makes are laid out exactly like decoded IPC arrays (one validity bitmap that
/// is only kept when there are nulls, values / offsets / data buffers of their minimal length),
/// so every `ArrowArray` accessor works on them and `bufferByteSize` matches what the decoder
/// reports for the same array after an IPC round trip.
///
/// Which `append` fits which type:
/// - `append(_: Bool)`: bool.
/// - `append(_: Int64)`: int8…int64, date32, date64, time32, time64, timestamp, duration,
///   interval(yearMonth); also uint8…uint64 when the value is not negative.
/// - `append(_: UInt64)`: uint8…uint64; also the signed types above when in range.
/// - `append(_: Double)`: float16 (rounded to the nearest half), float32, float64.
/// - `append(bytes:)`: utf8 / large_utf8 (must be valid UTF-8), binary / large_binary, and the
///   raw little-endian bytes of fixed_size_binary, decimals and interval(dayTime / monthDayNano),
///   exactly the type's width.
/// - nested types: append the child values to `children`, then `appendValid()`.
/// Anything that does not fit throws an `ArrowError` of kind `.invalidValue` naming the field;
/// the builder is left unchanged by a failed append.
public final class ArrowArrayBuilder {
    public let field: Field
    /// Elements appended so far.
    public private(set) var count = 0
    /// list / largeList / fixedSizeList: [element]; struct: its members; map: [entries] (a struct
    /// builder whose children are [key, value]). Empty for other types.
    public let children: [ArrowArrayBuilder]

    /// How values are stored; decided once from the type.
    enum Storage {
        case null
        case bool
        /// Two's-complement integers of `width` bytes (ints and temporal types).
        case signed(width: Int)
        case unsigned(width: Int)
        case float16, float32, float64
        /// Offsets of `offsetWidth` bytes into `data`.
        case variable(offsetWidth: Int, utf8: Bool)
        /// Opaque values of exactly `width` bytes (fixed_size_binary, decimal, intervals).
        case opaque(width: Int)
        /// Offsets of `offsetWidth` bytes into `children[0]`.
        case list(offsetWidth: Int)
        case fixedSizeList(size: Int)
        case `struct`

        /// Bytes per element of a fixed-width value buffer (ints, floats, opaque values); nil
        /// for the other layouts.
        var valueWidth: Int? {
            switch self {
            case .signed(let width), .unsigned(let width), .opaque(let width): return width
            case .float16: return 2
            case .float32: return 4
            case .float64: return 8
            case .null, .bool, .variable, .list, .fixedSizeList, .struct: return nil
            }
        }
    }

    let storage: Storage
    /// Set when `field` cannot be built as given (a nested type without the children it
    /// needs); every append then throws it.
    private let configurationError: ArrowError?

    private var validity: [UInt8] = []
    private(set) var nullCount = 0
    /// Values, bool bits, or offsets.
    private var values: [UInt8] = []
    /// Bytes of variable-width values.
    private var data: [UInt8] = []

    public init(field: Field) {
        self.field = field
        var problem: String?
        switch field.type {
        case .null: storage = .null
        case .bool: storage = .bool
        case .int8, .int16, .int32, .int64, .date32, .date64, .time32, .time64, .timestamp, .duration,
             .interval(.yearMonth):
            storage = .signed(width: field.type.fixedByteWidth ?? 8)
        case .uint8, .uint16, .uint32, .uint64: storage = .unsigned(width: field.type.fixedByteWidth ?? 8)
        case .float16: storage = .float16
        case .float32: storage = .float32
        case .float64: storage = .float64
        case .utf8: storage = .variable(offsetWidth: 4, utf8: true)
        case .largeUtf8: storage = .variable(offsetWidth: 8, utf8: true)
        case .binary: storage = .variable(offsetWidth: 4, utf8: false)
        case .largeBinary: storage = .variable(offsetWidth: 8, utf8: false)
        case .fixedSizeBinary, .decimal, .interval:
            let width = field.type.fixedByteWidth ?? 0
            if width < 0 { problem = "a negative byte width" }
            storage = .opaque(width: max(width, 0))
        case .list, .map: storage = .list(offsetWidth: 4)
        case .largeList: storage = .list(offsetWidth: 8)
        case .fixedSizeList(let size):
            if size < 0 { problem = "a negative list size" }
            storage = .fixedSizeList(size: max(size, 0))
        case .struct: storage = .struct
        }

        switch field.type {
        case .list, .largeList, .fixedSizeList:
            if field.children.count != 1 { problem = "\(field.children.count) child fields instead of one" }
            children = [ArrowArrayBuilder(field: field.children.first ?? Field(name: "item", type: .null))]
        case .map:
            if let entries = field.children.first, field.children.count == 1, entries.type == .struct,
               entries.children.count == 2 {
                children = [ArrowArrayBuilder(field: entries)]
            } else {
                problem = "no entries struct of a key and a value"
                children = [ArrowArrayBuilder(field: Field(name: "entries", type: .struct, nullable: false, children: [
                    Field(name: "key", type: .null), Field(name: "value", type: .null),
                ]))]
            }
        case .struct:
            children = field.children.map { ArrowArrayBuilder(field: $0) }
        default:
            if !field.children.isEmpty { problem = "child fields, which type \(field.type) does not have" }
            children = []
        }
        configurationError = problem.map {
            .invalidValue("field \"\(field.name)\" of type \(field.type) has \($0); it cannot be built")
        }
        startOffsets()
    }

    /// Reserves room for `capacity` more elements (and, for variable-width types, `dataBytes`
    /// more bytes of data) so that appending does not reallocate.
    public func reserveCapacity(_ capacity: Int, dataBytes: Int = 0) {
        validity.reserveCapacity((count + capacity + 7) / 8)
        switch storage {
        case .bool: values.reserveCapacity((count + capacity + 7) / 8)
        case .signed, .unsigned, .opaque, .float16, .float32, .float64:
            values.reserveCapacity((count + capacity) * (storage.valueWidth ?? 0))
        case .variable(let width, _):
            values.reserveCapacity((count + capacity + 1) * width)
            data.reserveCapacity(data.count + dataBytes)
        case .list(let width): values.reserveCapacity((count + capacity + 1) * width)
        case .null, .fixedSizeList, .struct: break
        }
    }

    // MARK: nulls and validity

    /// Appends a null. A struct also appends a null to every member and a fixed-size list
    /// `listSize` nulls to its child, so that children stay aligned.
    public func appendNull() {
        switch storage {
        case .null: break
        case .bool: pushBit(&values, false)
        case .signed, .unsigned, .opaque, .float16, .float32, .float64:
            values.append(contentsOf: repeatElement(0, count: storage.valueWidth ?? 0))
        case .variable(let width, _): appendOffset(data.count, width: width)
        case .list(let width): appendOffset(children[0].count, width: width)
        case .fixedSizeList(let size):
            for _ in 0..<size { children[0].appendNull() }
        case .struct:
            for child in children { child.appendNull() }
        }
        commit(valid: false)
    }

    /// Closes one valid element of a nested type whose child values were appended first:
    /// list/largeList/map: the elements appended to children[0] since the previous element;
    /// fixedSizeList: exactly listSize of them; struct: exactly one value appended to every child.
    public func appendValid() throws {
        try checkConfiguration()
        switch storage {
        case .list(let width):
            let end = children[0].count
            if width == 4 && end > Int(Int32.max) {
                throw fail("its child holds \(end) values, more than a \(field.type) can address; use large_list")
            }
            appendOffset(end, width: width)
        case .fixedSizeList(let size):
            let expected = (count + 1) * size
            guard children[0].count == expected else {
                throw fail("element \(count) needs exactly \(size) child values, but the child holds "
                    + "\(children[0].count - count * size) for it; append \(size) values before appendValid()")
            }
        case .struct:
            for child in children where child.count != count + 1 {
                throw fail("member \"\(child.field.name)\" holds \(child.count) values but the struct is closing "
                    + "element \(count); append exactly one value to every member before appendValid()")
            }
        default:
            throw fail("appendValid() is only for nested types; use append(_:) for \(field.type)")
        }
        commit(valid: true)
    }

    // MARK: scalar values

    public func append(_ value: Bool) throws {
        try checkConfiguration()
        guard case .bool = storage else { throw wrongKind("a bool") }
        pushBit(&values, value)
        commit(valid: true)
    }

    public func append(_ value: Int64) throws {
        try checkConfiguration()
        switch storage {
        case .signed(let width):
            try appendSigned(value, width: width)
        case .unsigned(let width):
            guard value >= 0 else { throw outOfRange(String(value)) }
            try appendUnsigned(UInt64(value), width: width)
        default:
            throw wrongKind("an integer")
        }
        commit(valid: true)
    }

    public func append(_ value: UInt64) throws {
        try checkConfiguration()
        switch storage {
        case .unsigned(let width):
            try appendUnsigned(value, width: width)
        case .signed(let width):
            guard value <= UInt64(Int64.max) else { throw outOfRange(String(value)) }
            try appendSigned(Int64(value), width: width)
        default:
            throw wrongKind("an unsigned integer")
        }
        commit(valid: true)
    }

    public func append(_ value: Double) throws {
        try checkConfiguration()
        switch storage {
        case .float16: appendLittleEndian(HalfFloat.bits(of: value))
        case .float32: appendLittleEndian(Float(value).bitPattern)
        case .float64: appendLittleEndian(value.bitPattern)
        default: throw wrongKind("a floating-point number")
        }
        commit(valid: true)
    }

    /// utf8/largeUtf8 (must be valid UTF-8), binary/largeBinary; fixedSizeBinary, decimal,
    /// interval(dayTime / monthDayNano): the raw little-endian bytes, exactly the type's width.
    public func append(bytes: UnsafeRawBufferPointer) throws {
        try checkConfiguration()
        switch storage {
        case .variable(let width, let utf8):
            if utf8, let bad = GoUTF8.firstInvalidByte(bytes) {
                throw fail("value \(count) is not valid UTF-8 (bad byte at position \(bad) of \(bytes.count)); "
                    + "use a binary column for arbitrary bytes")
            }
            let end = data.count + bytes.count
            if width == 4 && end > Int(Int32.max) {
                throw fail("the values reach \(end) bytes, more than the 2 GiB a \(field.type) column can hold; "
                    + "use smaller batches or the large_ variant")
            }
            data.append(contentsOf: bytes)
            appendOffset(end, width: width)
        case .opaque(let width):
            guard bytes.count == width else {
                throw fail("value \(count) has \(bytes.count) bytes but \(field.type) values are exactly \(width)")
            }
            values.append(contentsOf: bytes)
        default:
            throw wrongKind("raw bytes")
        }
        commit(valid: true)
    }

    /// Appends one fixed-width value as raw bytes the caller has checked to be `width` long
    /// (copying between arrays this way keeps NaN payloads bit for bit).
    func appendRawFixedValue(_ bytes: UnsafeRawBufferPointer) {
        values.append(contentsOf: bytes)
        commit(valid: true)
    }

    // MARK: finishing

    /// The array built so far (length == count); the builder starts over empty.
    public func finish() -> ArrowArray {
        let builtChildren = children.map { $0.finish() }
        let layout: PhysicalLayout
        var width = 0
        switch storage {
        case .null: layout = .null
        case .bool: layout = .bitmap
        case .signed(let w), .unsigned(let w), .opaque(let w): layout = .fixed; width = w
        case .float16: layout = .fixed; width = 2
        case .float32: layout = .fixed; width = 4
        case .float64: layout = .fixed; width = 8
        case .variable(let w, _): layout = .varBinary; width = w
        case .list(let w): layout = .list; width = w
        case .fixedSizeList(let size): layout = .fixedSizeList; width = size
        case .struct: layout = .struct
        }
        let isNullType = layout == .null
        let keepValidity = nullCount > 0 && !isNullType
        let validityBytes = keepValidity ? validity.count : 0
        // One allocation per array: validity, values and data each start 64-byte aligned.
        let valuesStart = Self.align64(validityBytes)
        let dataStart = valuesStart + Self.align64(values.count)
        let total = dataStart + data.count
        let owner = ArrowBytes(count: total) { base in
            if keepValidity {
                validity.withUnsafeBytes { source in
                    if let from = source.baseAddress { base.copyMemory(from: from, byteCount: source.count) }
                }
            }
            values.withUnsafeBytes { source in
                if let from = source.baseAddress { (base + valuesStart).copyMemory(from: from, byteCount: source.count) }
            }
            data.withUnsafeBytes { source in
                if let from = source.baseAddress { (base + dataStart).copyMemory(from: from, byteCount: source.count) }
            }
        }
        let ownBytes = validityBytes + values.count + data.count
        let array = ArrowArray(
            type: field.type, layout: layout, length: count, offset: 0,
            nullCount: isNullType ? count : nullCount,
            validity: keepValidity ? owner.base : nil, values: owner.base + valuesStart, data: owner.base + dataStart,
            width: width, children: builtChildren,
            bufferByteSize: ownBytes + builtChildren.reduce(0) { $0 + $1.bufferByteSize }, owner: owner)
        validity.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        data.removeAll(keepingCapacity: true)
        count = 0
        nullCount = 0
        startOffsets()
        return array
    }

    // MARK: helpers

    private static func align64(_ n: Int) -> Int { (n + 63) & ~63 }

    /// Offset buffers start with a 0 so that element `i` spans offsets `i ..< i + 1`.
    private func startOffsets() {
        switch storage {
        case .variable(let width, _), .list(let width): appendOffset(0, width: width)
        default: break
        }
    }

    private func commit(valid: Bool) {
        pushBit(&validity, valid)
        if !valid { nullCount += 1 }
        count += 1
    }

    /// Appends bit number `count` of a bitmap (validity or bool values).
    @inline(__always)
    private func pushBit(_ bitmap: inout [UInt8], _ bit: Bool) {
        if count & 7 == 0 { bitmap.append(0) }
        if bit { bitmap[count >> 3] |= 1 << UInt8(count & 7) }
    }

    @inline(__always)
    private func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { values.append(contentsOf: $0) }
    }

    private func appendOffset(_ offset: Int, width: Int) {
        if width == 4 { appendLittleEndian(Int32(truncatingIfNeeded: offset)) } else { appendLittleEndian(Int64(offset)) }
    }

    private func appendSigned(_ value: Int64, width: Int) throws {
        switch width {
        case 1:
            guard let narrow = Int8(exactly: value) else { throw outOfRange(String(value)) }
            appendLittleEndian(narrow)
        case 2:
            guard let narrow = Int16(exactly: value) else { throw outOfRange(String(value)) }
            appendLittleEndian(narrow)
        case 4:
            guard let narrow = Int32(exactly: value) else { throw outOfRange(String(value)) }
            appendLittleEndian(narrow)
        default:
            appendLittleEndian(value)
        }
    }

    private func appendUnsigned(_ value: UInt64, width: Int) throws {
        switch width {
        case 1:
            guard let narrow = UInt8(exactly: value) else { throw outOfRange(String(value)) }
            appendLittleEndian(narrow)
        case 2:
            guard let narrow = UInt16(exactly: value) else { throw outOfRange(String(value)) }
            appendLittleEndian(narrow)
        case 4:
            guard let narrow = UInt32(exactly: value) else { throw outOfRange(String(value)) }
            appendLittleEndian(narrow)
        default:
            appendLittleEndian(value)
        }
    }

    private func checkConfiguration() throws {
        if let configurationError { throw configurationError }
    }

    func fail(_ what: String) -> ArrowError {
        .invalidValue("field \"\(field.name)\" (\(field.type)): \(what)")
    }

    private func wrongKind(_ what: String) -> ArrowError {
        fail("cannot append \(what) to a \(field.type) column")
    }

    private func outOfRange(_ value: String) -> ArrowError {
        let range: String
        switch storage {
        case .signed(1): range = "\(Int8.min)...\(Int8.max)"
        case .signed(2): range = "\(Int16.min)...\(Int16.max)"
        case .signed(4): range = "\(Int32.min)...\(Int32.max)"
        case .signed: range = "\(Int64.min)...\(Int64.max)"
        case .unsigned(1): range = "0...\(UInt8.max)"
        case .unsigned(2): range = "0...\(UInt16.max)"
        case .unsigned(4): range = "0...\(UInt32.max)"
        default: range = "0...\(UInt64.max)"
        }
        return fail("value \(value) is out of range \(range)")
    }
}
