/// Writes the flatbuffer `Message`s of an IPC stream (Message.fbs / Schema.fbs), metadata V5.
enum IPCMetadataEncoder {
    /// `MetadataVersion.V5`.
    static let metadataVersion: Int16 = 4

    /// `Message { version, header: Schema, bodyLength: 0 }`.
    static func schemaMessage(_ schema: Schema) -> [UInt8] {
        var builder = FlatBufferBuilder()
        let message = builder.table([
            .int16(0, metadataVersion), .uint8(1, 1), .reference(id: 2), .int64(3, 0),
        ])
        var schemaSlots: [FlatBufferBuilder.Slot] = [.int16(0, 0), .reference(id: 1)]
        if !schema.orderedMetadata.isEmpty { schemaSlots.append(.reference(id: 2)) }
        let table = builder.table(schemaSlots)
        builder.link(message.references[2]!, to: table.position)
        writeFields(schema.fields, into: table.references[1]!, &builder)
        if let slot = table.references[2] { writeMetadata(schema.orderedMetadata, into: slot, &builder) }
        return builder.finish(root: message)
    }

    /// `Message { version, header: RecordBatch { length, nodes, buffers }, bodyLength }`.
    static func recordBatchMessage(
        length: Int, nodes: [(Int64, Int64)], buffers: [(Int64, Int64)], bodyLength: Int
    ) -> [UInt8] {
        var builder = FlatBufferBuilder()
        let message = builder.table([
            .int16(0, metadataVersion), .uint8(1, 3), .reference(id: 2), .int64(3, Int64(bodyLength)),
        ])
        let batch = builder.table([.int64(0, Int64(length)), .reference(id: 1), .reference(id: 2)])
        builder.link(message.references[2]!, to: batch.position)
        builder.link(batch.references[1]!, to: builder.int64PairVector(nodes))
        builder.link(batch.references[2]!, to: builder.int64PairVector(buffers))
        return builder.finish(root: message)
    }

    // MARK: schema parts

    /// A vector of `Field` tables. Arrow C++ insists on a `children` vector (even empty) and a
    /// `type` table on every field, so both are always written.
    private static func writeFields(_ fields: [Field], into slot: Int, _ builder: inout FlatBufferBuilder) {
        let vector = builder.referenceVector(count: fields.count)
        builder.link(slot, to: vector.position)
        for (field, elementSlot) in zip(fields, vector.slots) {
            let (tag, typeSlots) = typeTable(field.type)
            var slots: [FlatBufferBuilder.Slot] = [
                .reference(id: 0), .bool(1, field.nullable), .uint8(2, tag), .reference(id: 3), .reference(id: 5),
            ]
            if !field.orderedMetadata.isEmpty { slots.append(.reference(id: 6)) }
            let table = builder.table(slots)
            builder.link(elementSlot, to: table.position)
            builder.link(table.references[0]!, to: builder.string(field.name))
            let type = builder.table(typeSlots.scalars)
            builder.link(table.references[3]!, to: type.position)
            if let zone = typeSlots.timeZone, let zoneSlot = type.references[1] {
                builder.link(zoneSlot, to: builder.string(zone))
            }
            writeFields(field.children, into: table.references[5]!, &builder)
            if let metadataSlot = table.references[6] {
                writeMetadata(field.orderedMetadata, into: metadataSlot, &builder)
            }
        }
    }

    /// `custom_metadata`: KeyValue tables in the given (wire) order, duplicates kept.
    private static func writeMetadata(
        _ pairs: [(key: String, value: String)], into slot: Int, _ builder: inout FlatBufferBuilder
    ) {
        let vector = builder.referenceVector(count: pairs.count)
        builder.link(slot, to: vector.position)
        for (pair, elementSlot) in zip(pairs, vector.slots) {
            let table = builder.table([.reference(id: 0), .reference(id: 1)])
            builder.link(elementSlot, to: table.position)
            builder.link(table.references[0]!, to: builder.string(pair.key))
            builder.link(table.references[1]!, to: builder.string(pair.value))
        }
    }

    /// The `Type` union tag of `type` and the fields of its table (a timestamp's time zone is
    /// a string, written separately).
    private static func typeTable(_ type: ArrowType) -> (UInt8, (scalars: [FlatBufferBuilder.Slot], timeZone: String?)) {
        func int(_ bits: Int32, _ signed: Bool) -> (UInt8, ([FlatBufferBuilder.Slot], String?)) {
            (2, ([.int32(0, bits), .bool(1, signed)], nil))
        }
        func unit(_ unit: TimeUnit) -> FlatBufferBuilder.Slot { .int16(0, Int16(unit.rawValue)) }
        let result: (UInt8, ([FlatBufferBuilder.Slot], String?))
        switch type {
        case .null: result = (1, ([], nil))
        case .int8: result = int(8, true)
        case .int16: result = int(16, true)
        case .int32: result = int(32, true)
        case .int64: result = int(64, true)
        case .uint8: result = int(8, false)
        case .uint16: result = int(16, false)
        case .uint32: result = int(32, false)
        case .uint64: result = int(64, false)
        case .float16: result = (3, ([.int16(0, 0)], nil))
        case .float32: result = (3, ([.int16(0, 1)], nil))
        case .float64: result = (3, ([.int16(0, 2)], nil))
        case .binary: result = (4, ([], nil))
        case .utf8: result = (5, ([], nil))
        case .bool: result = (6, ([], nil))
        case .decimal(let precision, let scale, let bits):
            result = (7, ([.int32(0, Int32(clamping: precision)), .int32(1, Int32(clamping: scale)),
                           .int32(2, Int32(clamping: bits))], nil))
        case .date32: result = (8, ([.int16(0, 0)], nil))
        case .date64: result = (8, ([.int16(0, 1)], nil))
        case .time32(let u): result = (9, ([unit(u), .int32(1, 32)], nil))
        case .time64(let u): result = (9, ([unit(u), .int32(1, 64)], nil))
        case .timestamp(let u, let zone):
            result = zone.isEmpty ? (10, ([unit(u)], nil)) : (10, ([unit(u), .reference(id: 1)], zone))
        case .interval(let u): result = (11, ([.int16(0, Int16(u.rawValue))], nil))
        case .list: result = (12, ([], nil))
        case .struct: result = (13, ([], nil))
        case .fixedSizeBinary(let width): result = (15, ([.int32(0, Int32(clamping: width))], nil))
        case .fixedSizeList(let size): result = (16, ([.int32(0, Int32(clamping: size))], nil))
        case .map(let sorted): result = (17, ([.bool(0, sorted)], nil))
        case .duration(let u): result = (18, ([unit(u)], nil))
        case .largeBinary: result = (19, ([], nil))
        case .largeUtf8: result = (20, ([], nil))
        case .largeList: result = (21, ([], nil))
        }
        return (result.0, (scalars: result.1.0, timeZone: result.1.1))
    }
}
