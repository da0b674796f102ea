/// Decodes the flatbuffer `Schema` table (Schema.fbs) into `Schema` / `Field` / `ArrowType`.
enum SchemaDecoder {
    /// Deeper nesting than this is rejected: real schemas are shallow, and it bounds recursion
    /// on hostile metadata (flatbuffer offsets can form cycles).
    static let maximumDepth = 64

    static func decode(_ table: FlatTable, context: String) throws -> Schema {
        let endianness = try table.scalar(0, Int16.self, default: 0)
        guard endianness == 0 else {
            throw ArrowError.unsupported("\(context): big-endian data is not supported")
        }
        // The metadata first, so that errors about a field can name the table (`cq:table_name`).
        let metadata = try keyValues(table, id: 2)
        let context = metadata.last(where: { $0.key == Schema.tableNameKey }).map { "\(context), table '\($0.value)'" } ?? context
        var fields: [Field] = []
        if let vector = try table.vector(1, name: "fields", elementSize: 4) {
            fields.reserveCapacity(vector.count)
            for index in 0..<vector.count {
                fields.append(try field(vector.table(at: index, name: "Field"), path: nil, depth: 1, context: context))
            }
        }
        return Schema(fields: fields, metadata: metadata)
    }

    static func keyValues(_ table: FlatTable, id: Int) throws -> [(key: String, value: String)] {
        guard let vector = try table.vector(id, name: "custom_metadata", elementSize: 4) else { return [] }
        var pairs: [(key: String, value: String)] = []
        pairs.reserveCapacity(vector.count)
        for index in 0..<vector.count {
            let entry = try vector.table(at: index, name: "KeyValue")
            pairs.append((try entry.string(0, name: "key") ?? "", try entry.string(1, name: "value") ?? ""))
        }
        return pairs
    }

    private static func field(_ table: FlatTable, path parent: String?, depth: Int, context: String) throws -> Field {
        let name = try table.string(0, name: "name") ?? ""
        let path = parent.map { "\($0).\(name)" } ?? name
        guard depth <= maximumDepth else {
            throw ArrowError.malformed("\(context): field '\(path)' is nested more than \(maximumDepth) levels deep")
        }
        let nullable = try table.bool(1)
        let typeTag = try table.scalar(2, UInt8.self, default: 0)
        let typeTable = try table.table(3, name: "type")
        if try table.table(4, name: "dictionary") != nil {
            throw ArrowError.unsupported("\(context): field '\(path)' is dictionary-encoded, which is not supported")
        }
        var children: [Field] = []
        if let vector = try table.vector(5, name: "children", elementSize: 4) {
            children.reserveCapacity(vector.count)
            for index in 0..<vector.count {
                children.append(try field(
                    vector.table(at: index, name: "Field"), path: path, depth: depth + 1, context: context))
            }
        }
        let type = try TypeDecoder.decode(tag: typeTag, table: typeTable, field: path, context: context)
        try checkChildren(of: type, children, field: path, context: context)
        return Field(name: name, type: type, nullable: nullable, children: children,
                     metadata: try keyValues(table, id: 6))
    }

    private static func checkChildren(of type: ArrowType, _ children: [Field], field: String, context: String) throws {
        func fail(_ expectation: String) -> ArrowError {
            .malformed("\(context): field '\(field)' of type \(type) has \(children.count) children; \(expectation)")
        }
        switch type {
        case .list, .largeList, .fixedSizeList:
            guard children.count == 1 else { throw fail("expected exactly one") }
        case .map:
            guard children.count == 1, children[0].type == .struct, children[0].children.count == 2 else {
                throw fail("expected one struct child with a key and a value field")
            }
        case .struct:
            break
        default:
            guard children.isEmpty else { throw fail("expected none") }
        }
    }
}

/// Decodes the `Type` union of a field (Schema.fbs) into an `ArrowType`.
enum TypeDecoder {
    static func decode(tag: UInt8, table: FlatTable?, field: String, context: String) throws -> ArrowType {
        func scalar<T: FixedWidthInteger>(_ id: Int, _ type: T.Type, _ fallback: T) throws -> T {
            try table?.scalar(id, T.self, default: fallback) ?? fallback
        }
        func invalid(_ what: String) -> ArrowError {
            .malformed("\(context): field '\(field)' has an invalid type: \(what)")
        }
        func unit(_ raw: Int16, _ what: String) throws -> TimeUnit {
            guard let unit = TimeUnit(rawValue: Int(raw)) else { throw invalid("\(what) unit \(raw)") }
            return unit
        }
        switch tag {
        case 1: return .null
        case 2:
            let bits = try scalar(0, Int32.self, 0)
            let signed = try table?.bool(1) ?? false
            switch (bits, signed) {
            case (8, true): return .int8
            case (16, true): return .int16
            case (32, true): return .int32
            case (64, true): return .int64
            case (8, false): return .uint8
            case (16, false): return .uint16
            case (32, false): return .uint32
            case (64, false): return .uint64
            default: throw invalid("integer bit width \(bits)")
            }
        case 3:
            switch try scalar(0, Int16.self, 0) {
            case 0: return .float16
            case 1: return .float32
            case 2: return .float64
            case let other: throw invalid("floating point precision \(other)")
            }
        case 4: return .binary
        case 5: return .utf8
        case 6: return .bool
        case 7:
            let precision = try scalar(0, Int32.self, 0)
            let scale = try scalar(1, Int32.self, 0)
            let bits = try scalar(2, Int32.self, 128)
            guard [32, 64, 128, 256].contains(bits) else { throw invalid("decimal bit width \(bits)") }
            // Arrow's limits (format/Schema.fbs; Arrow C++ `Decimal128Type::ValidateDecimalPrecision`):
            // 9, 18, 38, 76 digits for 32, 64, 128, 256 bits. The scale is held to the same bound
            // (arrow-rs `validate_decimal_precision_and_scale` bounds it too): values are
            // rendered through 10^scale, so an unbounded scale would stall every writer.
            let maximum: Int32 = bits == 32 ? 9 : bits == 64 ? 18 : bits == 128 ? 38 : 76
            guard (1...maximum).contains(precision) else {
                throw invalid("decimal\(bits) precision \(precision) is outside 1…\(maximum)")
            }
            guard (-maximum...maximum).contains(scale) else {
                throw invalid("decimal\(bits)(\(precision), \(scale)) scale is outside -\(maximum)…\(maximum)")
            }
            return .decimal(precision: Int(precision), scale: Int(scale), bitWidth: Int(bits))
        case 8:
            switch try scalar(0, Int16.self, 1) {
            case 0: return .date32
            case 1: return .date64
            case let other: throw invalid("date unit \(other)")
            }
        case 9:
            let timeUnit = try unit(try scalar(0, Int16.self, 1), "time")
            let bits = try scalar(1, Int32.self, 32)
            switch (bits, timeUnit) {
            case (32, .second), (32, .millisecond): return .time32(timeUnit)
            case (64, .microsecond), (64, .nanosecond): return .time64(timeUnit)
            default: throw invalid("time of \(bits) bits in \(timeUnit.symbol)")
            }
        case 10:
            let timeUnit = try unit(try scalar(0, Int16.self, 0), "timestamp")
            let zone = try table?.string(1, name: "timezone") ?? ""
            return .timestamp(timeUnit, timeZone: zone)
        case 11:
            let raw = try scalar(0, Int16.self, 0)
            guard let intervalUnit = IntervalUnit(rawValue: Int(raw)) else { throw invalid("interval unit \(raw)") }
            return .interval(intervalUnit)
        case 12: return .list
        case 13: return .struct
        case 15:
            let width = try scalar(0, Int32.self, 0)
            guard width >= 0 else { throw invalid("fixed_size_binary width \(width)") }
            return .fixedSizeBinary(byteWidth: Int(width))
        case 16:
            let size = try scalar(0, Int32.self, 0)
            guard size >= 0 else { throw invalid("fixed_size_list size \(size)") }
            return .fixedSizeList(listSize: Int(size))
        case 17: return .map(keysSorted: try table?.bool(0) ?? false)
        case 18: return .duration(try unit(try scalar(0, Int16.self, 1), "duration"))
        case 19: return .largeBinary
        case 20: return .largeUtf8
        case 21: return .largeList
        default:
            let name: String
            switch tag {
            case 0: throw invalid("no type given")
            case 14: name = "union"
            case 22: name = "run_end_encoded"
            case 23: name = "binary_view"
            case 24: name = "utf8_view"
            case 25: name = "list_view"
            case 26: name = "large_list_view"
            default: name = "unknown type id \(tag)"
            }
            throw ArrowError.unsupported("\(context): field '\(field)' has type \(name), which is not supported")
        }
    }
}
