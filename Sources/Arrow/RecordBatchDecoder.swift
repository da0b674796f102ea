/// Decodes one `RecordBatch` message: walks the schema in pre-order, taking one field node and
/// the type's buffers for each array, and checks every length, offset and buffer range against
/// the message body before an array is handed out.
struct RecordBatchDecoder {
    private let header: FlatTable
    private let schema: Schema
    private let payload: ArrowBytes
    private let body: UnsafeRawPointer
    private let bodyLength: Int
    private let context: String
    private let nodes: FlatVector
    private let buffers: FlatVector
    private var nodeIndex = 0
    private var bufferIndex = 0

    init(header: FlatTable, schema: Schema, payload: ArrowBytes, bodyStart: Int, bodyLength: Int, context: String) throws {
        self.header = header
        self.schema = schema
        self.payload = payload
        self.body = payload.base + bodyStart
        self.bodyLength = bodyLength
        self.context = context
        if let compression = try header.table(3, name: "compression") {
            let codec = try compression.scalar(0, Int8.self, default: 0)
            let name = codec == 0 ? "LZ4_FRAME" : codec == 1 ? "ZSTD" : "codec \(codec)"
            throw ArrowError.unsupported("\(context): body is compressed with \(name); only uncompressed IPC is supported")
        }
        // FieldNode and Buffer are both structs of two int64s.
        nodes = try header.vector(1, name: "nodes", elementSize: 16)
            ?? FlatVector(buffer: header.buffer, start: 0, count: 0, elementSize: 16, name: "nodes")
        buffers = try header.vector(2, name: "buffers", elementSize: 16)
            ?? FlatVector(buffer: header.buffer, start: 0, count: 0, elementSize: 16, name: "buffers")
    }

    mutating func decode() throws -> RecordBatch {
        let length64 = try header.scalar(0, Int64.self, default: 0)
        guard length64 >= 0, length64 <= Int64(Int32.max) * 64 else {
            throw ArrowError.malformed("\(context): impossible row count \(length64)")
        }
        let length = Int(length64)
        var columns: [ArrowArray] = []
        columns.reserveCapacity(schema.fields.count)
        for field in schema.fields {
            let column = try array(for: field, path: field.name)
            guard column.length == length else {
                throw ArrowError.malformed(
                    "\(context): column '\(field.name)' has \(column.length) values but the batch has \(length) rows")
            }
            columns.append(column)
        }
        guard nodeIndex == nodes.count else {
            throw ArrowError.malformed(
                "\(context): metadata lists \(nodes.count) field nodes but the schema uses \(nodeIndex)")
        }
        guard bufferIndex == buffers.count else {
            throw ArrowError.malformed(
                "\(context): metadata lists \(buffers.count) buffers but the schema uses \(bufferIndex)")
        }
        return RecordBatch(schema: schema, length: length, columns: columns)
    }

    // MARK: nodes and buffers

    private mutating func nextNode(_ path: String) throws -> (length: Int, nullCount: Int) {
        guard nodeIndex < nodes.count else {
            throw ArrowError.malformed("\(context): no field node left for '\(path)' (metadata lists \(nodes.count))")
        }
        let length = try nodes.structField(nodeIndex, byteOffset: 0, Int64.self)
        let nulls = try nodes.structField(nodeIndex, byteOffset: 8, Int64.self)
        nodeIndex += 1
        // Arrow caps array lengths at Int32 range for most types; the bound just keeps
        // arithmetic on lengths far from overflow.
        guard length >= 0, length <= Int64(Int32.max) * 64 else {
            throw ArrowError.malformed("\(context): '\(path)' has an impossible length \(length)")
        }
        guard nulls >= 0, nulls <= length else {
            throw ArrowError.malformed("\(context): '\(path)' has \(nulls) nulls among \(length) values")
        }
        return (Int(length), Int(nulls))
    }

    private struct BufferView {
        let pointer: UnsafeRawPointer
        let length: Int
    }

    private mutating func nextBuffer(_ path: String, _ role: String) throws -> BufferView {
        guard bufferIndex < buffers.count else {
            throw ArrowError.malformed("\(context): no buffer left for the \(role) of '\(path)' (metadata lists \(buffers.count))")
        }
        let offset = try buffers.structField(bufferIndex, byteOffset: 0, Int64.self)
        let length = try buffers.structField(bufferIndex, byteOffset: 8, Int64.self)
        bufferIndex += 1
        guard offset >= 0, length >= 0, offset <= Int64(bodyLength), length <= Int64(bodyLength) - offset else {
            throw ArrowError.malformed(
                "\(context): the \(role) of '\(path)' (offset \(offset), length \(length)) "
                + "lies outside the \(bodyLength)-byte message body")
        }
        return BufferView(pointer: body + Int(offset), length: Int(length))
    }

    private func tooSmall(_ path: String, _ role: String, has: Int, needs: Int) -> ArrowError {
        .malformed("\(context): the \(role) of '\(path)' has \(has) bytes but \(needs) are needed")
    }

    /// Reads the validity buffer; returns the bitmap only when there are nulls (arrow-go ignores
    /// the bitmap, and does not count its size, when the null count is zero).
    private mutating func validity(_ path: String, length: Int, nullCount: Int) throws -> (UnsafeRawPointer?, Int) {
        let buffer = try nextBuffer(path, "validity bitmap")
        guard nullCount > 0 else { return (nil, 0) }
        let needed = (length + 7) / 8
        guard buffer.length >= needed else { throw tooSmall(path, "validity bitmap", has: buffer.length, needs: needed) }
        return (buffer.pointer, buffer.length)
    }

    // MARK: arrays

    private mutating func array(for field: Field, path: String) throws -> ArrowArray {
        let (length, nullCount) = try nextNode(path)
        let type = field.type

        func make(
            _ layout: PhysicalLayout, validity: UnsafeRawPointer?, values: UnsafeRawPointer? = nil,
            data: UnsafeRawPointer? = nil, width: Int = 0, children: [ArrowArray] = [], bytes: Int
        ) -> ArrowArray {
            ArrowArray(
                type: type, layout: layout, length: length, offset: 0,
                nullCount: layout == .null ? length : nullCount, validity: validity,
                values: values ?? payload.base, data: data ?? payload.base, width: width,
                children: children, bufferByteSize: bytes + children.reduce(0) { $0 + $1.bufferByteSize },
                owner: payload)
        }

        switch type {
        case .null:
            // No buffers at all since metadata V4 (arrow-go: HasValidityBitmap(NULL) is false).
            return make(.null, validity: nil, bytes: 0)

        case .bool:
            let (bitmap, bitmapBytes) = try validity(path, length: length, nullCount: nullCount)
            let values = try nextBuffer(path, "values")
            let needed = (length + 7) / 8
            guard values.length >= needed else { throw tooSmall(path, "values", has: values.length, needs: needed) }
            return make(.bitmap, validity: bitmap, values: values.pointer, bytes: bitmapBytes + values.length)

        case .utf8, .binary, .largeUtf8, .largeBinary:
            let (bitmap, bitmapBytes) = try validity(path, length: length, nullCount: nullCount)
            let offsetWidth = (type == .utf8 || type == .binary) ? 4 : 8
            let offsets = try nextBuffer(path, "offsets")
            let data = try nextBuffer(path, "data")
            try checkOffsets(offsets, width: offsetWidth, length: length, limit: data.length, path: path, target: "data buffer")
            return make(.varBinary, validity: bitmap, values: offsets.pointer, data: data.pointer,
                        width: offsetWidth, bytes: bitmapBytes + offsets.length + data.length)

        case .list, .largeList, .map:
            let (bitmap, bitmapBytes) = try validity(path, length: length, nullCount: nullCount)
            let offsetWidth = type == .largeList ? 8 : 4
            let offsets = try nextBuffer(path, "offsets")
            let child = try array(for: field.children[0], path: "\(path).\(field.children[0].name)")
            try checkOffsets(offsets, width: offsetWidth, length: length, limit: child.length, path: path, target: "child array")
            return make(.list, validity: bitmap, values: offsets.pointer, width: offsetWidth,
                        children: [child], bytes: bitmapBytes + offsets.length)

        case .fixedSizeList(let listSize):
            let (bitmap, bitmapBytes) = try validity(path, length: length, nullCount: nullCount)
            let child = try array(for: field.children[0], path: "\(path).\(field.children[0].name)")
            let (needed, overflow) = length.multipliedReportingOverflow(by: listSize)
            guard !overflow, child.length >= needed else {
                throw ArrowError.malformed(
                    "\(context): '\(path)' holds \(length) lists of \(listSize) values but its child has \(child.length)")
            }
            return make(.fixedSizeList, validity: bitmap, width: listSize, children: [child], bytes: bitmapBytes)

        case .struct:
            let (bitmap, bitmapBytes) = try validity(path, length: length, nullCount: nullCount)
            var children: [ArrowArray] = []
            children.reserveCapacity(field.children.count)
            for childField in field.children {
                let child = try array(for: childField, path: "\(path).\(childField.name)")
                guard child.length >= length else {
                    throw ArrowError.malformed(
                        "\(context): struct member '\(path).\(childField.name)' has \(child.length) values, fewer than the struct's \(length)")
                }
                children.append(child)
            }
            return make(.struct, validity: bitmap, children: children, bytes: bitmapBytes)

        default:
            guard let width = type.fixedByteWidth else {
                throw ArrowError.unsupported("\(context): '\(path)' has type \(type), which is not supported")
            }
            let (bitmap, bitmapBytes) = try validity(path, length: length, nullCount: nullCount)
            let values = try nextBuffer(path, "values")
            let (needed, overflow) = length.multipliedReportingOverflow(by: width)
            guard !overflow, values.length >= needed else {
                throw tooSmall(path, "values", has: values.length, needs: overflow ? Int.max : needed)
            }
            return make(.fixed, validity: bitmap, values: values.pointer, width: width,
                        bytes: bitmapBytes + values.length)
        }
    }

    /// Offsets must be `length + 1` non-decreasing values, starting at or above 0 and ending
    /// within `limit` (the data buffer or the child array). Checked once here so accessors can
    /// read values without re-checking.
    private func checkOffsets(
        _ offsets: BufferView, width: Int, length: Int, limit: Int, path: String, target: String
    ) throws {
        guard length > 0 else { return }  // an empty array may omit its offsets entirely
        let needed = (length + 1) * width
        guard offsets.length >= needed else { throw tooSmall(path, "offsets", has: offsets.length, needs: needed) }
        func offset(_ k: Int) -> Int64 {
            width == 4
                ? Int64(offsets.pointer.loadUnaligned(fromByteOffset: k * 4, as: Int32.self))
                : offsets.pointer.loadUnaligned(fromByteOffset: k * 8, as: Int64.self)
        }
        var previous = offset(0)
        guard previous >= 0 else {
            throw ArrowError.malformed("\(context): '\(path)' starts at negative offset \(previous)")
        }
        for k in 1...length {
            let current = offset(k)
            guard current >= previous else {
                throw ArrowError.malformed("\(context): offsets of '\(path)' decrease at element \(k - 1)")
            }
            previous = current
        }
        guard previous <= Int64(limit) else {
            throw ArrowError.malformed(
                "\(context): offsets of '\(path)' reach \(previous), past the \(limit)-element \(target)")
        }
    }
}
