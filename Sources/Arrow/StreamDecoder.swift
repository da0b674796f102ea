/// Turns the messages of one IPC stream into a schema and record batches.
struct StreamDecoder {
    let payload: ArrowBytes

    /// `MessageHeader` union tags (Message.fbs).
    private enum HeaderType: UInt8 {
        case schema = 1, dictionaryBatch = 2, recordBatch = 3, tensor = 4, sparseTensor = 5
    }

    /// MetadataVersion V4 (Arrow 0.8+) and V5 (Arrow 1.0+); they only differ for unions.
    private static let supportedVersions: ClosedRange<Int16> = 3...4

    func decode() throws -> ArrowStream {
        var framer = IPCMessageFramer(bytes: payload.buffer)
        var schema: Schema?
        var batches: [RecordBatch] = []
        while let message = try framer.next() {
            let label = "message \(message.number)"
            guard Self.supportedVersions.contains(message.metadataVersion) else {
                throw ArrowError.unsupported(
                    "\(label) uses metadata version V\(Int(message.metadataVersion) + 1); "
                    + "only V4 and V5 (Arrow 0.8 and later) are supported")
            }
            guard let type = HeaderType(rawValue: message.headerType) else {
                throw ArrowError.malformed("\(label) has unknown header type \(message.headerType)")
            }
            guard let header = message.header else {
                throw ArrowError.malformed("\(label) has no header table")
            }
            switch type {
            case .schema:
                guard schema == nil else {
                    throw ArrowError.malformed("\(label) is a second schema message; a stream has exactly one")
                }
                schema = try SchemaDecoder.decode(header, context: "\(label) (schema)")
            case .recordBatch:
                guard let schema else {
                    throw ArrowError.malformed("\(label) is a record batch before any schema message")
                }
                var decoder = try RecordBatchDecoder(
                    header: header, schema: schema, payload: payload,
                    bodyStart: message.bodyStart, bodyLength: message.bodyLength,
                    context: "\(label) (record batch \(batches.count + 1))")
                batches.append(try decoder.decode())
            case .dictionaryBatch:
                throw ArrowError.unsupported(
                    "\(label) is a dictionary batch; dictionary-encoded columns are not supported")
            case .tensor, .sparseTensor:
                throw ArrowError.unsupported("\(label) is a tensor message, which is not part of a record stream")
            }
        }
        guard let schema else {
            throw ArrowError.malformed("stream has no schema message")
        }
        return ArrowStream(schema: schema, batches: batches)
    }
}
