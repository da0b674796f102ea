import Arrow

/// The Parquet schema of an Arrow schema, as the Go plugin produces it: its `convertSchema`
/// (extension, duration, interval and large types become strings; every list flavour becomes a
/// list with a nullable element; map values become nullable) followed by arrow-go pqarrow's
/// `ToParquet` (physical and logical types, 3-level LIST and MAP groups, `required`/`optional`
/// from nullability; arrow-go `parquet/pqarrow/schema.go` `fieldToNode`).
struct ParquetSchema {
    /// Depth-first `SchemaElement`s, the root first.
    let elements: [ParquetSchemaElement]
    /// Leaf columns in schema order (the order of column chunks in a row group).
    let leaves: [ParquetLeafColumn]

    init(arrow schema: Schema, options: ParquetWriterOptions) throws {
        var builder = ParquetSchemaBuilder(version: options.version)
        var topLevel: [ParquetSchemaElement] = []
        for (index, field) in schema.fields.enumerated() {
            builder.columnIndex = index
            try builder.visit(field, name: field.name, nullable: field.nullable, path: [], steps: [],
                              repetitionLevel: 0, displayName: field.name, into: &topLevel)
        }
        // arrow-go's root is called "schema".
        let root = ParquetSchemaElement(
            repetition: Self.repetition(of: options.rootRepetition), name: "schema",
            numChildren: Int32(schema.fields.count))
        elements = [root] + topLevel
        leaves = builder.leaves
    }

    private static func repetition(of root: ParquetWriterOptions.RootRepetition) -> ParquetRepetition? {
        switch root {
        case .undefined: return nil
        case .required: return .required
        case .optional: return .optional
        case .repeated: return .repeated
        }
    }

    /// Bytes of a FIXED_LEN_BYTE_ARRAY decimal of `precision` digits: the fewest that hold
    /// ±(10^precision − 1) in two's complement (arrow-go `DecimalSize`).
    static func decimalByteWidth(precision: Int) -> Int {
        Int(((Double(precision) * 3.321928094887362 + 1) / 8).rounded(.up))
    }
}

private struct ParquetSchemaBuilder {
    let version: ParquetWriterOptions.FormatVersion
    var columnIndex = 0
    var leaves: [ParquetLeafColumn] = []

    init(version: ParquetWriterOptions.FormatVersion) {
        self.version = version
    }

    /// Appends the elements of `field` (named `name` in Parquet) to `out` and records its leaves.
    mutating func visit(
        _ field: Field, name: String, nullable: Bool, path: [String], steps: [ParquetLevelStep],
        repetitionLevel: Int, displayName: String, into out: inout [ParquetSchemaElement]
    ) throws {
        let repetition: ParquetRepetition = nullable ? .optional : .required
        let path = path + [name]

        let kind = try ValueKind(checking: field) { ParquetEncodingError("column \"\(displayName)\": \($0)") }
        if let rendering = try Self.stringRendering(of: field, kind: kind, displayName: displayName) {
            var element = ParquetSchemaElement(type: .byteArray, repetition: repetition, name: name)
            element.convertedType = .utf8
            element.logicalType = .string
            out.append(element)
            try addLeaf(field, path: path, steps: steps, nullable: nullable, physical: .byteArray, typeLength: 0,
                        value: .rendered(rendering), sortOrder: .unsignedBytes, displayName: displayName)
            return
        }

        switch kind {
        case .structure:
            guard !field.children.isEmpty else {
                throw ParquetEncodingError(
                    "column \"\(displayName)\" is a struct without fields, which Parquet cannot store; "
                    + "give it at least one field or drop the column")
            }
            out.append(ParquetSchemaElement(repetition: repetition, name: name, numChildren: Int32(field.children.count)))
            for (k, child) in field.children.enumerated() {
                try visit(child, name: child.name, nullable: child.nullable, path: path,
                          steps: steps + [ParquetLevelStep(nullable: nullable, kind: .member(k))],
                          repetitionLevel: repetitionLevel, displayName: "\(displayName).\(child.name)", into: &out)
            }

        case .list, .fixedSizeList:
            guard let element = field.children.first else {
                throw ParquetEncodingError("column \"\(displayName)\" is a list without an element field")
            }
            var group = ParquetSchemaElement(repetition: repetition, name: name, numChildren: 1)
            group.convertedType = .list
            group.logicalType = .list
            out.append(group)
            out.append(ParquetSchemaElement(repetition: .repeated, name: "list", numChildren: 1))
            let level = repetitionLevel + 1
            // Go rebuilds every list with `arrow.ListOf`, whose element is always nullable.
            try visit(element, name: "element", nullable: true, path: path + ["list"],
                      steps: steps + [ParquetLevelStep(nullable: nullable, kind: .repeated(level: level))],
                      repetitionLevel: level, displayName: "\(displayName).\(element.name)", into: &out)

        case .map:
            guard let entries = field.children.first, entries.children.count == 2 else {
                throw ParquetEncodingError("column \"\(displayName)\" is a map without key and value fields")
            }
            var group = ParquetSchemaElement(repetition: repetition, name: name, numChildren: 1)
            group.convertedType = .map
            group.logicalType = .map
            out.append(group)
            out.append(ParquetSchemaElement(repetition: .repeated, name: "key_value", numChildren: 2))
            let level = repetitionLevel + 1
            let mapStep = ParquetLevelStep(nullable: nullable, kind: .repeated(level: level))
            // Go's `arrow.MapOf` makes the key required and the value nullable.
            for (k, (child, childName, childNullable)) in [
                (entries.children[0], "key", false), (entries.children[1], "value", true),
            ].enumerated() {
                try visit(child, name: childName, nullable: childNullable, path: path + ["key_value"],
                          steps: steps + [mapStep, ParquetLevelStep(nullable: false, kind: .member(k))],
                          repetitionLevel: level, displayName: "\(displayName).\(child.name)", into: &out)
            }

        default:
            let primitive = try primitive(for: field, kind: kind, displayName: displayName)
            var element = ParquetSchemaElement(type: primitive.physical, repetition: repetition, name: name)
            if primitive.physical == .fixedLenByteArray { element.typeLength = Int32(primitive.typeLength) }
            element.convertedType = primitive.converted
            element.logicalType = primitive.logical
            if case .decimal(let precision, let scale)? = primitive.logical {
                element.precision = precision
                element.scale = scale
            }
            if case .null = primitive.value, !nullable {
                throw ParquetEncodingError("column \"\(displayName)\" has type null but is declared non-nullable")
            }
            out.append(element)
            try addLeaf(field, path: path, steps: steps, nullable: nullable, physical: primitive.physical,
                        typeLength: primitive.typeLength, value: primitive.value, sortOrder: primitive.sortOrder,
                        displayName: displayName)
        }
    }

    private mutating func addLeaf(
        _ field: Field, path: [String], steps: [ParquetLevelStep], nullable: Bool, physical: ParquetPhysicalType,
        typeLength: Int, value: ParquetLeafValue, sortOrder: ParquetSortOrder, displayName: String
    ) throws {
        let allSteps = steps + [ParquetLevelStep(nullable: nullable, kind: .leaf)]
        var maxDefinition = 0
        var maxRepetition = 0
        for step in allSteps {
            if step.nullable { maxDefinition += 1 }
            if case .repeated = step.kind {
                maxDefinition += 1
                maxRepetition += 1
            }
        }
        // Levels are kept one byte each while a page is built.
        guard maxDefinition <= Int(UInt8.max) else {
            throw ParquetEncodingError("column \"\(displayName)\" is nested \(maxDefinition) levels deep; "
                                       + "this writer supports at most 255")
        }
        leaves.append(ParquetLeafColumn(
            path: path, columnIndex: columnIndex, steps: allSteps, maxDefinitionLevel: maxDefinition,
            maxRepetitionLevel: maxRepetition, physicalType: physical, typeLength: typeLength, value: value,
            sortOrder: sortOrder, arrowField: field, displayName: displayName))
    }

    /// The types Go converts to strings (`transformDataType`, see `ValueKind.isParquetText`), or nil.
    private static func stringRendering(of field: Field, kind: ValueKind, displayName: String) throws -> ValueStrPlan? {
        guard kind.isParquetText else { return nil }
        do {
            return try ValueStrPlan(field: field, kind: kind, path: displayName)
        } catch {
            throw ParquetEncodingError("column \"\(displayName)\": \(error)")
        }
    }

    private struct Primitive {
        var physical: ParquetPhysicalType
        var typeLength = 0
        var logical: ParquetLogicalType?
        var converted: ParquetConvertedType?
        var value: ParquetLeafValue
        var sortOrder: ParquetSortOrder
    }

    /// pqarrow `getParquetType` for the types that stay themselves.
    private func primitive(for field: Field, kind: ValueKind, displayName: String) throws -> Primitive {
        func integer(_ bits: Int8, signed: Bool, _ source: ParquetInt32Source, _ converted: ParquetConvertedType) -> Primitive {
            Primitive(physical: .int32, logical: .integer(bitWidth: bits, isSigned: signed), converted: converted,
                      value: .int32(source), sortOrder: signed ? .signedInt32 : .unsignedInt32)
        }
        switch kind {
        case .null:
            return Primitive(physical: .int32, logical: .null, value: .null, sortOrder: .none)
        case .bool:
            return Primitive(physical: .boolean, value: .boolean, sortOrder: .boolean)
        case .signed(bits: 8): return integer(8, signed: true, .int8, .int8)
        case .signed(bits: 16): return integer(16, signed: true, .int16, .int16)
        case .signed(bits: 32): return integer(32, signed: true, .int32, .int32)
        case .unsigned(bits: 8): return integer(8, signed: false, .uint8, .uint8)
        case .unsigned(bits: 16): return integer(16, signed: false, .uint16, .uint16)
        case .unsigned(bits: 32): return integer(32, signed: false, .uint32, .uint32)
        case .signed:
            return Primitive(physical: .int64, logical: .integer(bitWidth: 64, isSigned: true), converted: .int64,
                             value: .int64(.int64), sortOrder: .signedInt64)
        case .unsigned:
            return Primitive(physical: .int64, logical: .integer(bitWidth: 64, isSigned: false), converted: .uint64,
                             value: .int64(.int64), sortOrder: .unsignedInt64)
        case .float16:
            return Primitive(physical: .fixedLenByteArray, typeLength: 2, logical: .float16, value: .fixedBytes,
                             sortOrder: .float16)
        case .float32:
            return Primitive(physical: .float, value: .float, sortOrder: .float)
        case .float64:
            return Primitive(physical: .double, value: .double, sortOrder: .double)
        case .string(large: false):
            return Primitive(physical: .byteArray, logical: .string, converted: .utf8, value: .bytes,
                             sortOrder: .unsignedBytes)
        case .binary(large: false):
            return Primitive(physical: .byteArray, value: .bytes, sortOrder: .unsignedBytes)
        case .fixedBinary(let width):
            guard width > 0 else {
                throw ParquetEncodingError("column \"\(displayName)\" is fixed_size_binary[0], which Parquet cannot store")
            }
            return Primitive(physical: .fixedLenByteArray, typeLength: width, value: .fixedBytes, sortOrder: .unsignedBytes)
        case .date32:
            return Primitive(physical: .int32, logical: .date, converted: .date, value: .int32(.int32), sortOrder: .signedInt32)
        case .date64:
            return Primitive(physical: .int32, logical: .date, converted: .date, value: .int32(.date64), sortOrder: .signedInt32)
        case .time(let unit, bits: 32):
            return Primitive(physical: .int32, logical: .time(isAdjustedToUTC: false, unit: .millis),
                             value: .int32(unit == .second ? .time32Seconds : .int32), sortOrder: .signedInt32)
        case .time(let unit, _):
            return Primitive(physical: .int64, logical: .time(isAdjustedToUTC: false, unit: unit == .nanosecond ? .nanos : .micros),
                             value: .int64(.int64), sortOrder: .signedInt64)
        case .timestamp(let unit, let zone):
            let utc = !zone.isEmpty
            let legacyVersion = version == .v1_0 || version == .v2_4
            let target: ParquetTimeUnit
            let source: ParquetInt64Source
            switch unit {
            case .second: target = .millis; source = .secondsToMillis
            case .millisecond: target = .millis; source = .int64
            case .microsecond: target = .micros; source = .int64
            case .nanosecond:
                if legacyVersion { target = .micros; source = .nanosToMicros } else { target = .nanos; source = .int64 }
            }
            // arrow-go forces TIMESTAMP_* converted types even for zone-naive timestamps.
            let converted: ParquetConvertedType? = target == .millis ? .timestampMillis : target == .micros ? .timestampMicros : nil
            return Primitive(physical: .int64, logical: .timestamp(isAdjustedToUTC: utc, unit: target), converted: converted,
                             value: .int64(source), sortOrder: .signedInt64)
        case .decimal(let precision, let scale, let bitWidth):
            guard precision >= 1, bitWidth % 8 == 0, bitWidth >= 32 else {
                throw ParquetEncodingError("column \"\(displayName)\" has an invalid decimal type \(field.type)")
            }
            let width = min(ParquetSchema.decimalByteWidth(precision: precision), bitWidth / 8)
            return Primitive(physical: .fixedLenByteArray, typeLength: width,
                             logical: .decimal(precision: Int32(precision), scale: Int32(scale)), converted: .decimal,
                             value: .decimal(sourceWidth: bitWidth / 8, targetWidth: width), sortOrder: .signedBytes)
        case .string(large: true), .binary(large: true), .duration, .monthInterval, .dayTimeInterval,
             .monthDayNanoInterval, .list, .fixedSizeList, .structure, .map, .uuid, .json, .inet, .mac:
            // Handled by the caller (strings and groups); reaching here is a bug, not bad input.
            throw ParquetEncodingError("column \"\(displayName)\": internal error mapping \(field.type)")
        }
    }
}
