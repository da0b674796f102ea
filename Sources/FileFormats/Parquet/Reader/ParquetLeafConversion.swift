import Arrow

/// How the physical values of one Parquet leaf become values of the requested Arrow type: the
/// reverse of the writer's mapping (ParquetSchema.swift) — widened integers narrowed back,
/// units rescaled, decimals resized, strings parsed back into the types the Go plugin renders
/// as text — plus the native forms other writers (pyarrow) use for the same Arrow types.
enum ParquetLeafConversion {
    /// Integer physical value, signed or unsigned per the file's annotation.
    enum IntegerSource { case int32, uint32, int64, uint64 }

    /// Multiply (exact) or divide (truncating) to change units.
    enum Scale: Equatable { case none, multiply(Int64), divide(Int64) }

    /// The column is all null (Arrow null type).
    case null
    case boolean
    /// Appended as Int64 (signed integers, dates, times, timestamps, durations, month intervals).
    case signed(IntegerSource, Scale)
    case unsigned(IntegerSource)
    case float, double, doubleFromFloat
    /// FIXED_LEN_BYTE_ARRAY(2) little-endian IEEE half (the builder takes it as a Double).
    case float16
    /// BYTE_ARRAY / FIXED_LEN_BYTE_ARRAY bytes as they are.
    case bytes
    /// Big-endian two's complement (FIXED_LEN_BYTE_ARRAY / BYTE_ARRAY) → little-endian `width` bytes.
    case decimalBytes(width: Int)
    /// Unscaled INT32 / INT64 decimal → little-endian `width` bytes.
    case decimalInteger(IntegerSource, width: Int)
    /// Text the Go plugin wrote for a type Parquet has no place for.
    case text(ValueKind)

    /// Chooses the conversion, or explains why the file's column cannot hold `field`'s type.
    static func resolve(_ field: Field, leaf: ParquetReadLeaf) throws -> ParquetLeafConversion {
        let element = leaf.element
        let physical = leaf.physicalType
        let logical = element.logicalType
        let converted = element.convertedType.flatMap(ParquetConvertedType.init(rawValue:))
        let isText = logical == .string || logical == .json || logical == .enumeration || converted == .utf8
            || converted == .json || converted == .enumeration
        func incompatible() -> ParquetDecodingError {
            var annotation = ""
            if let logical { annotation = " (\(logical))" } else if let converted { annotation = " (\(converted))" }
            return ParquetDecodingError("column \"\(leaf.displayName)\": the file stores \(physical)\(annotation), "
                                        + "which cannot be read as \(field.type)")
        }
        // Integer signedness from the annotations.
        var unsignedSource: Bool {
            if case .integer(_, let signed)? = logical { return !signed }
            switch converted {
            case .uint8?, .uint16?, .uint32?, .uint64?: return true
            default: return false
            }
        }
        func integerSource() throws -> IntegerSource {
            switch physical {
            case .int32: return unsignedSource ? .uint32 : .int32
            case .int64: return unsignedSource ? .uint64 : .int64
            default: throw incompatible()
            }
        }
        /// Units per second stored in the file for times / timestamps; nil when unannotated.
        var fileUnitsPerSecond: Int64? {
            switch logical {
            case .time(_, let unit)?, .timestamp(_, let unit)?:
                switch unit {
                case .millis: return 1_000
                case .micros: return 1_000_000
                case .nanos: return 1_000_000_000
                }
            default:
                switch converted {
                case .timeMillis?, .timestampMillis?: return 1_000
                case .timeMicros?, .timestampMicros?: return 1_000_000
                default: return nil
                }
            }
        }
        func rescaled(to unit: TimeUnit) throws -> ParquetLeafConversion {
            let source = try integerSource()
            guard let from = fileUnitsPerSecond, from != unit.perSecond else { return .signed(source, .none) }
            return .signed(source, from < unit.perSecond ? .multiply(unit.perSecond / from) : .divide(from / unit.perSecond))
        }

        // Types the Go plugin writes as strings (`ValueKind.isParquetText`); other writers may
        // store some of them natively, which the non-text branches accept.
        let kind = ValueKind(field)
        if physical == .byteArray, kind.isParquetText, isText || ParquetTextValue.alwaysText(kind) {
            return .text(kind)
        }

        // Extensions stored natively (another writer) read as their storage.
        switch kind.storage {
        case .null:
            return .null
        case .bool:
            guard physical == .boolean else { throw incompatible() }
            return .boolean
        case .signed:
            return .signed(try integerSource(), .none)
        case .unsigned:
            return .unsigned(try integerSource())
        case .float16:
            guard physical == .fixedLenByteArray, leaf.typeLength == 2 else { throw incompatible() }
            return .float16
        case .float32:
            guard physical == .float else { throw incompatible() }
            return .float
        case .float64:
            switch physical {
            case .double: return .double
            case .float: return .doubleFromFloat
            default: throw incompatible()
            }
        case .string, .binary:
            guard physical == .byteArray || physical == .fixedLenByteArray else { throw incompatible() }
            return .bytes
        case .fixedBinary(let width):
            if physical == .fixedLenByteArray, leaf.typeLength == width { return .bytes }
            if physical == .byteArray { return .bytes }  // the builder checks each value's width
            throw incompatible()
        case .date32:
            guard physical == .int32 else { throw incompatible() }
            return .signed(.int32, .none)
        case .date64:
            // The writer stores days (as Go's pqarrow does); milliseconds come back exact.
            switch physical {
            case .int32: return .signed(.int32, .multiply(86_400_000))
            case .int64: return .signed(.int64, .none)
            default: throw incompatible()
            }
        case .time(let unit, _), .timestamp(let unit, _):
            guard physical == .int32 || physical == .int64 else { throw incompatible() }
            return try rescaled(to: unit)
        case .duration(let unit):
            guard physical == .int64 else { throw incompatible() }
            _ = unit
            return .signed(.int64, .none)
        case .monthInterval:
            guard physical == .int32 else { throw incompatible() }
            return .signed(.int32, .none)
        case .dayTimeInterval, .monthDayNanoInterval:
            throw incompatible()
        case .decimal(_, let scale, let bitWidth):
            if case .decimal(_, let fileScale)? = logical, Int(fileScale) != scale {
                throw ParquetDecodingError("column \"\(leaf.displayName)\": the file's decimal scale \(fileScale) "
                                           + "differs from the schema's \(scale)")
            }
            let width = bitWidth / 8
            switch physical {
            case .fixedLenByteArray, .byteArray: return .decimalBytes(width: width)
            case .int32, .int64: return .decimalInteger(try integerSource(), width: width)
            default: throw incompatible()
            }
        case .list, .fixedSizeList, .structure, .map, .uuid, .json, .inet, .mac:
            throw incompatible()
        }
    }
}

extension ParquetLeafConversion {
    /// Appends value `i` of `store` to `builder`.
    @inline(__always)
    func append(_ store: ParquetValueStore, at i: Int, to builder: ArrowArrayBuilder) throws {
        switch self {
        case .null:
            builder.appendNull()
        case .boolean:
            try builder.append(store.booleans[i])
        case .signed(let source, let scale):
            let raw: Int64
            switch source {
            case .int32: raw = Int64(store.int32s[i])
            case .uint32: raw = Int64(UInt32(bitPattern: store.int32s[i]))
            case .int64: raw = store.int64s[i]
            case .uint64:
                guard let value = Int64(exactly: UInt64(bitPattern: store.int64s[i])) else {
                    throw ParquetDecodingError("unsigned value \(UInt64(bitPattern: store.int64s[i])) does not fit a signed type")
                }
                raw = value
            }
            switch scale {
            case .none: try builder.append(raw)
            case .divide(let by): try builder.append(raw / by)
            case .multiply(let by):
                let (value, overflow) = raw.multipliedReportingOverflow(by: by)
                guard !overflow else { throw ParquetDecodingError("value \(raw) overflows when converted to \(builder.field.type)") }
                try builder.append(value)
            }
        case .unsigned(let source):
            let value: UInt64
            switch source {
            case .uint32: value = UInt64(UInt32(bitPattern: store.int32s[i]))
            case .uint64: value = UInt64(bitPattern: store.int64s[i])
            case .int32, .int64:
                let signed = source == .int32 ? Int64(store.int32s[i]) : store.int64s[i]
                guard signed >= 0 else {
                    throw ParquetDecodingError("negative value \(signed) cannot be read as \(builder.field.type)")
                }
                value = UInt64(signed)
            }
            try builder.append(value)
        case .float:
            try builder.append(Double(store.floats[i]))
        case .double:
            try builder.append(store.doubles[i])
        case .doubleFromFloat:
            try builder.append(Double(store.floats[i]))
        case .float16:
            let bits = store.withBytes(at: i) { UInt16($0[0]) | UInt16($0[1]) << 8 }
            try builder.append(Self.double(halfBits: bits))
        case .bytes:
            try store.withBytes(at: i) { try builder.append(bytes: $0) }
        case .decimalBytes(let width):
            try store.withBytes(at: i) { bigEndian in
                try Self.appendDecimal(bigEndian: bigEndian, width: width, to: builder)
            }
        case .decimalInteger(let source, let width):
            var value = source == .int32 || source == .uint32 ? Int64(store.int32s[i]) : store.int64s[i]
            var bigEndian = [UInt8](repeating: 0, count: 8)
            for k in 0..<8 {
                bigEndian[7 - k] = UInt8(truncatingIfNeeded: value)
                value >>= 8
            }
            try bigEndian.withUnsafeBytes { try Self.appendDecimal(bigEndian: $0, width: width, to: builder) }
        case .text(let kind):
            try store.withBytes(at: i) { try ParquetTextValue.append($0, as: kind, to: builder) }
        }
    }

    /// The exact Double of an IEEE 754 half-precision bit pattern.
    static func double(halfBits bits: UInt16) -> Double {
        let sign: Double = bits & 0x8000 != 0 ? -1 : 1
        let exponent = Int((bits >> 10) & 0x1f)
        let fraction = Double(bits & 0x3ff)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }

    /// Sign-extends (or checks and drops redundant sign bytes of) a big-endian two's complement
    /// number into a little-endian one of `width` bytes.
    private static func appendDecimal(bigEndian: UnsafeRawBufferPointer, width: Int, to builder: ArrowArrayBuilder) throws {
        let count = bigEndian.count
        let negative = count > 0 && bigEndian[0] & 0x80 != 0
        let fill: UInt8 = negative ? 0xff : 0
        if count > width {
            // The dropped high bytes must be pure sign extension of what is kept.
            let keptNegative = bigEndian[count - width] & 0x80 != 0
            for k in 0..<(count - width) where bigEndian[k] != fill || keptNegative != negative {
                throw ParquetDecodingError("a \(count)-byte decimal does not fit \(builder.field.type)")
            }
        }
        var little = [UInt8](repeating: fill, count: width)
        for k in 0..<min(count, width) { little[k] = bigEndian[count - 1 - k] }
        try little.withUnsafeBytes { try builder.append(bytes: $0) }
    }
}
