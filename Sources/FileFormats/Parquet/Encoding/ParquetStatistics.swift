#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GoText

/// min/max/null-count of a page or column chunk, compared in the column's sort order
/// (parquet-format `parquet.thrift`, "Statistics" and "ColumnOrder"):
/// - integers signed or unsigned according to their INTEGER logical type;
/// - floats by value, NaN ignored, a zero minimum written as -0.0 and a zero maximum as +0.0
///   (so readers never wrongly exclude the other zero);
/// - strings and binary as unsigned bytes; decimals as big-endian two's complement.
struct ParquetStatistics {
    let order: ParquetSortOrder
    private(set) var nullCount: Int64 = 0
    private(set) var hasMinMax = false
    /// Integers and booleans (unsigned values are kept as bit patterns); float16 bit patterns.
    private var minInteger: Int64 = 0
    private var maxInteger: Int64 = 0
    /// float, double and float16 values.
    private var minFloat: Double = 0
    private var maxFloat: Double = 0
    /// Byte-ordered columns.
    private var minBytes: [UInt8] = []
    private var maxBytes: [UInt8] = []

    init(order: ParquetSortOrder) {
        self.order = order
    }

    mutating func reset() {
        nullCount = 0
        hasMinMax = false
        minBytes.removeAll(keepingCapacity: true)
        maxBytes.removeAll(keepingCapacity: true)
    }

    mutating func addNulls(_ count: Int) {
        nullCount &+= Int64(count)
    }

    // MARK: values

    @inline(__always)
    mutating func add(integer value: Int64) {
        if !hasMinMax {
            hasMinMax = true
            minInteger = value
            maxInteger = value
        } else if order == .unsignedInt64 {
            if UInt64(bitPattern: value) < UInt64(bitPattern: minInteger) { minInteger = value }
            if UInt64(bitPattern: value) > UInt64(bitPattern: maxInteger) { maxInteger = value }
        } else {
            if value < minInteger { minInteger = value }
            if value > maxInteger { maxInteger = value }
        }
    }

    /// An INT32 column value; unsigned columns compare their bits as UInt32.
    @inline(__always)
    mutating func add(int32 value: Int32) {
        add(integer: order == .unsignedInt32 ? Int64(UInt32(bitPattern: value)) : Int64(value))
    }

    @inline(__always)
    mutating func add(floatingPoint value: Double) {
        guard !value.isNaN else { return }
        if !hasMinMax {
            hasMinMax = true
            minFloat = value
            maxFloat = value
        } else {
            if value < minFloat { minFloat = value }
            if value > maxFloat { maxFloat = value }
        }
    }

    mutating func add(float16Bits bits: UInt16) {
        let value = Double(HalfFloat.toFloat(bits))
        guard !value.isNaN else { return }
        if !hasMinMax {
            hasMinMax = true
            (minFloat, maxFloat, minInteger, maxInteger) = (value, value, Int64(bits), Int64(bits))
        } else {
            if value < minFloat { minFloat = value; minInteger = Int64(bits) }
            if value > maxFloat { maxFloat = value; maxInteger = Int64(bits) }
        }
    }

    mutating func add(bytes value: UnsafeRawBufferPointer) {
        if !hasMinMax {
            hasMinMax = true
            minBytes.append(contentsOf: value)
            maxBytes.append(contentsOf: value)
            return
        }
        let signed = order == .signedBytes
        if Self.compare(value, minBytes, signed: signed) < 0 {
            minBytes.removeAll(keepingCapacity: true)
            minBytes.append(contentsOf: value)
        } else if Self.compare(value, maxBytes, signed: signed) > 0 {
            maxBytes.removeAll(keepingCapacity: true)
            maxBytes.append(contentsOf: value)
        }
    }

    /// Folds a page's statistics into a column chunk's.
    mutating func merge(_ other: ParquetStatistics) {
        nullCount &+= other.nullCount
        guard other.hasMinMax else { return }
        switch order {
        case .float, .double:
            add(floatingPoint: other.minFloat)
            add(floatingPoint: other.maxFloat)
        case .float16:
            add(float16Bits: UInt16(truncatingIfNeeded: other.minInteger))
            add(float16Bits: UInt16(truncatingIfNeeded: other.maxInteger))
        case .unsignedBytes, .signedBytes:
            other.minBytes.withUnsafeBytes { add(bytes: $0) }
            other.maxBytes.withUnsafeBytes { add(bytes: $0) }
        case .signedInt32, .unsignedInt32, .signedInt64, .unsignedInt64, .boolean:
            add(integer: other.minInteger)
            add(integer: other.maxInteger)
        case .none:
            break
        }
    }

    // MARK: encoding

    /// The thrift form: min and max as the column's PLAIN encoding of one value, each left out
    /// when longer than `maxSize` (as arrow-go does).
    func encoded(maxSize: Int) -> ParquetEncodedStatistics {
        var result = ParquetEncodedStatistics(nullCount: nullCount, min: nil, max: nil, signedSortOrder: order.isSigned)
        guard hasMinMax else { return result }
        let (min, max) = encodedMinMax()
        result.min = min.count <= maxSize ? min : nil
        result.max = max.count <= maxSize ? max : nil
        return result
    }

    private func encodedMinMax() -> ([UInt8], [UInt8]) {
        switch order {
        case .signedInt32, .unsignedInt32:
            return (Self.littleEndian(Int32(truncatingIfNeeded: minInteger)), Self.littleEndian(Int32(truncatingIfNeeded: maxInteger)))
        case .signedInt64, .unsignedInt64:
            return (Self.littleEndian(minInteger), Self.littleEndian(maxInteger))
        case .boolean:
            return ([UInt8(truncatingIfNeeded: minInteger)], [UInt8(truncatingIfNeeded: maxInteger)])
        case .float:
            let min = minFloat == 0 ? -0.0 as Float : Float(minFloat)
            let max = maxFloat == 0 ? 0.0 as Float : Float(maxFloat)
            return (Self.littleEndian(min.bitPattern), Self.littleEndian(max.bitPattern))
        case .double:
            let min = minFloat == 0 ? -0.0 : minFloat
            let max = maxFloat == 0 ? 0.0 : maxFloat
            return (Self.littleEndian(min.bitPattern), Self.littleEndian(max.bitPattern))
        case .float16:
            let min: UInt16 = minFloat == 0 ? 0x8000 : UInt16(truncatingIfNeeded: minInteger)
            let max: UInt16 = maxFloat == 0 ? 0x0000 : UInt16(truncatingIfNeeded: maxInteger)
            return (Self.littleEndian(min), Self.littleEndian(max))
        case .unsignedBytes, .signedBytes:
            return (minBytes, maxBytes)
        case .none:
            return ([], [])
        }
    }

    private static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    /// Lexicographic comparison of `a` and `b`; with `signed`, the first byte is a two's
    /// complement sign byte (both operands have the same width then).
    static func compare(_ a: UnsafeRawBufferPointer, _ b: [UInt8], signed: Bool) -> Int {
        b.withUnsafeBytes { b in
            let common = Swift.min(a.count, b.count)
            var start = 0
            if signed && common > 0 {
                let x = Int8(bitPattern: a[0]), y = Int8(bitPattern: b[0])
                if x != y { return x < y ? -1 : 1 }
                start = 1
            }
            if common > start, let pa = a.baseAddress, let pb = b.baseAddress {
                let result = memcmp(pa + start, pb + start, common - start)
                if result != 0 { return result < 0 ? -1 : 1 }
            }
            return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
        }
    }
}
