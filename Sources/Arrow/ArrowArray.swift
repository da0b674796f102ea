/// One column (or nested child) of a record batch: a view over buffers inside the payload.
/// A reference type so that passing it around in per-value loops costs at most one retain.
///
/// Values are read in place: nothing is copied when a batch is decoded or sliced. Index `i` is
/// always relative to this array (its `offset` into the underlying buffers is applied for you).
/// Accessors check the index and the physical width of the requested value, so a caller that
/// asks for the wrong type traps instead of reading past a buffer; payload contents were
/// range-checked once when the batch was decoded.
///
/// Which accessor fits which `type`:
/// - `bool(at:)`: bool; `int8(at:)` … `uint64(at:)`, `float32(at:)`, `float64(at:)`,
///   `float16Bits(at:)`: the matching numeric types. date32/time32/interval(yearMonth) are
///   int32, date64/time64/timestamp/duration are int64.
/// - `bytes(at:)`: utf8, large_utf8, binary, large_binary, fixed_size_binary, and the raw
///   little-endian bytes of any other fixed-width value (decimals, intervals).
/// - `listRange(at:)` + `children[0]`: list, large_list, fixed_size_list, map (whose child is
///   the `entries` struct with key and value children).
/// - `children[k]`: the members of a struct, aligned with this array (element `i` of a child
///   belongs to element `i` of the struct).
///
/// `@unchecked Sendable`: every stored property is a `let` set in `init`, and the bytes it views
/// (`ArrowBytes`) are never written after decoding.
public final class ArrowArray: @unchecked Sendable {
    public let type: ArrowType
    /// Number of elements.
    public let length: Int
    /// Position of element 0 inside the underlying buffers (non-zero for slices).
    @usableFromInline let offset: Int
    /// Number of null elements among `length`.
    public let nullCount: Int
    public let children: [ArrowArray]
    /// Sum of the sizes of the Arrow buffers this array references, children included, like
    /// arrow-go's `util.TotalArraySize`. A slice reports the buffers it shares with its parent.
    public let bufferByteSize: Int

    @usableFromInline let layout: PhysicalLayout
    /// Validity bitmap; nil when the array has no nulls (or is of type null).
    @usableFromInline let validity: UnsafeRawPointer?
    /// Values (fixed width), bits (bool) or offsets (variable width, lists).
    @usableFromInline let values: UnsafeRawPointer
    /// The character/byte data of variable-width binary and string arrays.
    @usableFromInline let data: UnsafeRawPointer
    /// Bytes per value (fixed), bytes per offset (4 or 8: var-width, lists), or list size
    /// (fixed-size lists).
    @usableFromInline let width: Int
    /// Keeps the payload alive for as long as the array is.
    @usableFromInline let owner: ArrowBytes

    init(
        type: ArrowType, layout: PhysicalLayout, length: Int, offset: Int, nullCount: Int,
        validity: UnsafeRawPointer?, values: UnsafeRawPointer, data: UnsafeRawPointer, width: Int,
        children: [ArrowArray], bufferByteSize: Int, owner: ArrowBytes
    ) {
        self.type = type
        self.layout = layout
        self.length = length
        self.offset = offset
        self.nullCount = nullCount
        self.validity = validity
        self.values = values
        self.data = data
        self.width = width
        self.children = children
        self.bufferByteSize = bufferByteSize
        self.owner = owner
    }

    // MARK: validity

    @inlinable
    public func isNull(_ i: Int) -> Bool {
        precondition(i >= 0 && i < length, "ArrowArray index \(i) out of range 0..<\(length)")
        guard let bitmap = validity else { return layout == .null }
        let bit = offset &+ i
        return bitmap.load(fromByteOffset: bit >> 3, as: UInt8.self) & (1 << UInt8(bit & 7)) == 0
    }

    @inlinable
    func isValid(_ i: Int) -> Bool { !isNull(i) }

    // MARK: fixed-width values

    /// The value at `i` of a fixed-width array, read as `T` (which must have the array's width).
    @inlinable
    public func value<T: BitwiseCopyable>(at i: Int, as _: T.Type) -> T {
        precondition(layout == .fixed && width == MemoryLayout<T>.size,
                     "ArrowArray of type \(type) has no \(MemoryLayout<T>.size)-byte values")
        precondition(i >= 0 && i < length, "ArrowArray index \(i) out of range 0..<\(length)")
        return values.loadUnaligned(fromByteOffset: (offset &+ i) &* width, as: T.self)
    }

    @inlinable public func int8(at i: Int) -> Int8 { value(at: i, as: Int8.self) }
    @inlinable public func int16(at i: Int) -> Int16 { value(at: i, as: Int16.self) }
    @inlinable public func int32(at i: Int) -> Int32 { value(at: i, as: Int32.self) }
    @inlinable public func int64(at i: Int) -> Int64 { value(at: i, as: Int64.self) }
    @inlinable public func uint8(at i: Int) -> UInt8 { value(at: i, as: UInt8.self) }
    @inlinable public func uint16(at i: Int) -> UInt16 { value(at: i, as: UInt16.self) }
    @inlinable public func uint32(at i: Int) -> UInt32 { value(at: i, as: UInt32.self) }
    @inlinable public func uint64(at i: Int) -> UInt64 { value(at: i, as: UInt64.self) }
    @inlinable public func float32(at i: Int) -> Float { value(at: i, as: Float.self) }
    @inlinable public func float64(at i: Int) -> Double { value(at: i, as: Double.self) }
    /// IEEE 754 half-precision bits (Swift's `Float16` is not available on every platform).
    @inlinable public func float16Bits(at i: Int) -> UInt16 { value(at: i, as: UInt16.self) }

    /// A bool array's value at `i`.
    @inlinable
    public func bool(at i: Int) -> Bool {
        precondition(layout == .bitmap, "ArrowArray of type \(type) is not bool")
        precondition(i >= 0 && i < length, "ArrowArray index \(i) out of range 0..<\(length)")
        let bit = offset &+ i
        return values.load(fromByteOffset: bit >> 3, as: UInt8.self) & (1 << UInt8(bit & 7)) != 0
    }

    /// interval(yearMonth): months.
    @inlinable public func monthInterval(at i: Int) -> Int32 { value(at: i, as: Int32.self) }

    /// interval(dayTime): days and milliseconds.
    @inlinable
    public func dayTimeInterval(at i: Int) -> (days: Int32, milliseconds: Int32) {
        let raw = bytes(at: i)
        precondition(raw.count == 8, "ArrowArray of type \(type) is not a day-time interval")
        return (raw.loadUnaligned(as: Int32.self), raw.loadUnaligned(fromByteOffset: 4, as: Int32.self))
    }

    /// interval(monthDayNano): months, days and nanoseconds.
    @inlinable
    public func monthDayNanoInterval(at i: Int) -> (months: Int32, days: Int32, nanoseconds: Int64) {
        let raw = bytes(at: i)
        precondition(raw.count == 16, "ArrowArray of type \(type) is not a month-day-nano interval")
        return (raw.loadUnaligned(as: Int32.self), raw.loadUnaligned(fromByteOffset: 4, as: Int32.self),
                raw.loadUnaligned(fromByteOffset: 8, as: Int64.self))
    }

    // MARK: variable-width values

    /// The bytes of element `i`: the UTF-8 of a string, the bytes of a binary, or the raw
    /// little-endian bytes of a fixed-width value (fixed_size_binary, decimal, interval, …).
    ///
    /// The pointer is into the payload and is valid while this array (or its batch) is alive.
    @inlinable
    public func bytes(at i: Int) -> UnsafeRawBufferPointer {
        precondition(i >= 0 && i < length, "ArrowArray index \(i) out of range 0..<\(length)")
        let j = offset &+ i
        switch layout {
        case .varBinary:
            let start: Int, end: Int
            if width == 4 {
                start = Int(values.loadUnaligned(fromByteOffset: j &* 4, as: Int32.self))
                end = Int(values.loadUnaligned(fromByteOffset: (j &+ 1) &* 4, as: Int32.self))
            } else {
                start = Int(values.loadUnaligned(fromByteOffset: j &* 8, as: Int64.self))
                end = Int(values.loadUnaligned(fromByteOffset: (j &+ 1) &* 8, as: Int64.self))
            }
            return UnsafeRawBufferPointer(start: data + start, count: end &- start)
        case .fixed:
            return UnsafeRawBufferPointer(start: values + j &* width, count: width)
        default:
            preconditionFailure("ArrowArray of type \(type) has no byte values")
        }
    }

    /// Element `i` of a utf8/large_utf8 array as a String (invalid UTF-8 is repaired with
    /// U+FFFD). Allocates; hot paths should use `bytes(at:)`.
    func string(at i: Int) -> String {
        String(decoding: bytes(at: i), as: UTF8.self)
    }

    // MARK: nested values

    /// The range of child indices (in `children[0]`) that make up element `i` of a list,
    /// large_list, fixed_size_list or map.
    @inlinable
    public func listRange(at i: Int) -> Range<Int> {
        precondition(i >= 0 && i < length, "ArrowArray index \(i) out of range 0..<\(length)")
        let j = offset &+ i
        switch layout {
        case .list:
            if width == 4 {
                return Int(values.loadUnaligned(fromByteOffset: j &* 4, as: Int32.self))
                    ..< Int(values.loadUnaligned(fromByteOffset: (j &+ 1) &* 4, as: Int32.self))
            }
            return Int(values.loadUnaligned(fromByteOffset: j &* 8, as: Int64.self))
                ..< Int(values.loadUnaligned(fromByteOffset: (j &+ 1) &* 8, as: Int64.self))
        case .fixedSizeList:
            return (j &* width) ..< ((j &+ 1) &* width)
        default:
            preconditionFailure("ArrowArray of type \(type) is not a list")
        }
    }

    // MARK: slicing

    /// Elements `[offset, offset + length)` of this array, sharing its buffers (no copy).
    /// Struct members are sliced alongside; list children are not (list offsets keep pointing
    /// into the whole child).
    public func slice(offset start: Int, length count: Int) -> ArrowArray {
        precondition(start >= 0 && count >= 0 && start <= length - count,
                     "slice \(start)..<\(start + count) out of range 0..<\(length)")
        let newOffset = offset + start
        let nulls: Int
        if layout == .null {
            nulls = count
        } else if let bitmap = validity, nullCount > 0 {
            nulls = count - Bitmap.countSetBits(bitmap, from: newOffset, count: count)
        } else {
            nulls = 0
        }
        let slicedChildren = layout == .struct
            ? children.map { $0.slice(offset: start, length: count) }
            : children
        return ArrowArray(
            type: type, layout: layout, length: count, offset: newOffset, nullCount: nulls,
            validity: nulls > 0 ? validity : nil, values: values, data: data, width: width,
            children: slicedChildren, bufferByteSize: bufferByteSize, owner: owner)
    }
}

/// How the buffers of an array are laid out physically (what the accessors dispatch on).
@usableFromInline
enum PhysicalLayout: UInt8, Sendable {
    /// Type null: no buffers, every element null.
    case null
    /// Bit-packed values (bool).
    case bitmap
    /// `width` bytes per value.
    case fixed
    /// Offsets (`width` = 4 or 8 bytes each) into a data buffer.
    case varBinary
    /// Offsets (`width` = 4 or 8 bytes each) into `children[0]`.
    case list
    /// `width` consecutive child values per element.
    case fixedSizeList
    /// Only a validity bitmap; values live in the children.
    case `struct`
}

enum Bitmap {
    /// Number of set bits in `[from, from + count)`.
    static func countSetBits(_ bitmap: UnsafeRawPointer, from: Int, count: Int) -> Int {
        var total = 0
        var bit = from
        let end = from + count
        while bit < end && bit & 7 != 0 {
            total += Int(bitmap.load(fromByteOffset: bit >> 3, as: UInt8.self) >> UInt8(bit & 7) & 1)
            bit += 1
        }
        while bit + 64 <= end {
            total += bitmap.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self).nonzeroBitCount
            bit += 64
        }
        while bit < end {
            total += Int(bitmap.load(fromByteOffset: bit >> 3, as: UInt8.self) >> UInt8(bit & 7) & 1)
            bit += 1
        }
        return total
    }
}
