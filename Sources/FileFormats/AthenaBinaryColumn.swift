import Arrow

/// Builds the replacement for a sanitised json column: a `binary` `ArrowArray`.
///
/// The Arrow module makes arrays only by decoding IPC (its array initialiser is internal), so
/// the values are laid out as a one-column Arrow IPC stream — a Schema message, one
/// RecordBatch message, the end marker — and read back with `ArrowIPC.readStream`. That costs
/// one copy of the column, which is small next to parsing and re-marshalling its JSON.
/// (Should `Arrow` gain a public binary-array initialiser, `build()` can use it instead.)
struct AthenaBinaryColumn {
    struct TooLarge: Error, CustomStringConvertible {
        let bytes: Int
        var description: String {
            "the sanitised json values of one batch take \(bytes) bytes, more than a binary column's "
                + "2 GiB limit; use a smaller batch_size_bytes"
        }
    }

    private var data: [UInt8] = []
    private var offsets: [Int] = [0]
    private var validity: [UInt8] = []
    private var count = 0
    private var nullCount = 0

    mutating func reserve(count: Int) {
        offsets.reserveCapacity(count + 1)
        validity.reserveCapacity((count + 7) / 8)
    }

    mutating func appendNull() {
        setValidity(false)
        offsets.append(data.count)
        nullCount += 1
    }

    /// Appends the bytes `body` writes as one value; when `body` returns false whatever it
    /// wrote is dropped and nothing is appended (the caller decides what to do instead).
    mutating func appendValue(_ body: (inout [UInt8]) throws -> Bool) rethrows -> Bool {
        let mark = data.count
        guard try body(&data) else {
            data.removeSubrange(mark...)
            return false
        }
        setValidity(true)
        offsets.append(data.count)
        return true
    }

    private mutating func setValidity(_ valid: Bool) {
        if count % 8 == 0 { validity.append(0) }
        if valid { validity[count / 8] |= 1 << UInt8(count % 8) }
        count += 1
    }

    func build() throws -> ArrowArray {
        guard data.count <= Int(Int32.max) else { throw TooLarge(bytes: data.count) }
        var stream: [UInt8] = []
        Self.appendMessage(Self.schemaMessage(), body: [], to: &stream)
        var body: [UInt8] = []
        let validityBuffer = Self.appendPadded(nullCount > 0 ? validity : [], to: &body)
        var offsetBytes: [UInt8] = []
        offsetBytes.reserveCapacity(offsets.count * 4)
        for offset in offsets { AthenaFlatBufferWriter.appendLittleEndian(Int32(offset), to: &offsetBytes) }
        let offsetsBuffer = Self.appendPadded(offsetBytes, to: &body)
        let dataBuffer = Self.appendPadded(data, to: &body)
        let batch = Self.recordBatchMessage(
            length: count, nullCount: nullCount, buffers: [validityBuffer, offsetsBuffer, dataBuffer], bodyLength: body.count)
        Self.appendMessage(batch, body: body, to: &stream)
        stream.append(contentsOf: [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0])
        let decoded = try ArrowIPC.readStream(stream)
        guard let column = decoded.batches.first?.columns.first, column.length == count else {
            // Cannot happen unless the Arrow reader changes; say so rather than crash.
            throw ValueRenderingError(column: "", reason: "athena: the rebuilt json column did not decode")
        }
        return column
    }

    /// Appends `bytes` padded to 8 bytes; returns the (offset, length) the metadata records.
    private static func appendPadded(_ bytes: [UInt8], to body: inout [UInt8]) -> (Int, Int) {
        let offset = body.count
        body.append(contentsOf: bytes)
        while body.count % 8 != 0 { body.append(0) }
        return (offset, bytes.count)
    }

    /// `FFFFFFFF`, the metadata length, the metadata padded so the body starts 8-aligned, the body.
    private static func appendMessage(_ metadata: [UInt8], body: [UInt8], to stream: inout [UInt8]) {
        var padded = metadata
        while padded.count % 8 != 0 { padded.append(0) }
        stream.append(contentsOf: [0xff, 0xff, 0xff, 0xff])
        AthenaFlatBufferWriter.appendLittleEndian(Int32(padded.count), to: &stream)
        stream.append(contentsOf: padded)
        stream.append(contentsOf: body)
    }

    /// Message { version: V5, header: Schema { fields: [Field { nullable, type: Binary }] } }.
    private static func schemaMessage() -> [UInt8] {
        var writer = AthenaFlatBufferWriter()
        let message = writer.table([.scalar(0, Int16(4)), .scalar(1, UInt8(1)), .offset(2)])
        let schema = writer.table([.offset(1)])
        writer.link(message.slots[2], to: schema.position)
        let fields = writer.offsetVector(count: 1)
        writer.link(schema.slots[1], to: fields.position)
        let field = writer.table([.scalar(1, UInt8(1)), .scalar(2, UInt8(4)), .offset(3)])
        writer.link(fields.slots[0], to: field.position)
        let binary = writer.table([])
        writer.link(field.slots[3], to: binary.position)
        writer.link(0, to: message.position)
        return writer.bytes
    }

    /// Message { version: V5, header: RecordBatch { length, nodes: [node], buffers }, bodyLength }.
    private static func recordBatchMessage(length: Int, nullCount: Int, buffers: [(Int, Int)], bodyLength: Int) -> [UInt8] {
        var writer = AthenaFlatBufferWriter()
        let message = writer.table([.scalar(0, Int16(4)), .scalar(1, UInt8(3)), .offset(2), .scalar(3, Int64(bodyLength))])
        let batch = writer.table([.scalar(0, Int64(length)), .offset(1), .offset(2)])
        writer.link(message.slots[2], to: batch.position)
        let nodes = writer.structVector([(Int64(length), Int64(nullCount))])
        writer.link(batch.slots[1], to: nodes)
        let bufferVector = writer.structVector(buffers.map { (Int64($0.0), Int64($0.1)) })
        writer.link(batch.slots[2], to: bufferVector)
        writer.link(0, to: message.position)
        return writer.bytes
    }
}
