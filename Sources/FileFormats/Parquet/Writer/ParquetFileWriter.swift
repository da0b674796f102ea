import Arrow

/// The state of one Parquet object being written: the schema, one column writer per leaf, the
/// row group being built and the metadata of the row groups already handed to the sink.
///
/// Rows go to the column writers in slices; after each slice the row group is closed when it
/// reached `maxRowGroupLength` rows or `maxRowGroupBytes` of buffered pages. Closing writes its
/// column chunks to the sink and keeps only their metadata, so memory is bounded by one row
/// group whatever the object's size.
///
/// Columns are independent until their chunks are written, so a slice's columns are encoded on
/// up to `options.encodingThreads` threads (`DisjointParallelWork`), each thread with its own
/// page scratch and codec context; chunks still go to the sink one after another in schema
/// order, so the bytes are the same whatever the thread count.
final class ParquetFileWriter {
    static let magic: [UInt8] = Array("PAR1".utf8)

    let arrowSchema: Schema
    let options: ParquetWriterOptions
    let parquetSchema: ParquetSchema
    private var columns: [ParquetColumnWriter]
    /// One page scratch per encoding thread.
    private var scratches: [ParquetPageScratch]
    /// Columns in the order threads pick them up: costliest first, so the last one taken is
    /// short and the threads finish together.
    private let encodingOrder: [Int]
    private var bytesWritten: Int64 = 0
    private var rowGroups: [ParquetRowGroupMetadata] = []
    private var rowsInGroup: Int64 = 0
    private var totalRows: Int64 = 0

    private enum Phase { case created, writing, finished, failed }
    private var phase = Phase.created

    init(schema: Schema, options: ParquetWriterOptions) throws {
        try options.validate()
        arrowSchema = schema
        self.options = options
        parquetSchema = try ParquetSchema(arrow: schema, options: options)
        let leaves = parquetSchema.leaves
        let threads = max(1, min(options.encodingThreads, leaves.count))
        scratches = try (0..<threads).map { _ in
            ParquetPageScratch(compressor: try ParquetPageCompressor(codec: options.compression))
        }
        let scratch = scratches[0]
        encodingOrder = leaves.indices.sorted { Self.encodingCost(leaves[$0]) > Self.encodingCost(leaves[$1]) }
        let configuration = ParquetColumnWriter.Configuration(
            dataPageSize: options.dataPageSize, dictionaryPageSizeLimit: options.dictionaryPageSizeLimit,
            dictionaryEnabled: options.dictionaryEnabled, maxStatisticsSize: options.maxStatisticsSize,
            version: options.version)
        columns = parquetSchema.leaves.map {
            ParquetColumnWriter(leaf: $0, configuration: configuration, scratch: scratch)
        }
    }

    /// A rough relative cost per row of encoding a leaf, for ordering the work: rendered text
    /// (uuid, json …) and byte arrays hash and copy bytes, levels of nested leaves add a walk.
    private static func encodingCost(_ leaf: ParquetLeafColumn) -> Int {
        var cost: Int
        switch leaf.value {
        case .rendered: cost = 6
        case .bytes, .fixedBytes, .decimal: cost = 4
        default: cost = 2
        }
        if leaf.maxRepetitionLevel > 0 { cost += 3 }
        return cost
    }

    /// Slices shorter than this are encoded on the caller's thread alone: handing work to
    /// another thread costs more than a few rows' worth of encoding.
    static let minimumParallelRows = 512

    /// Runs `body` on every column, spread over the encoding threads when `parallel`; each
    /// column gets the scratch of the thread running it.
    private func forEachColumn(parallel: Bool, _ body: (inout ParquetColumnWriter) throws -> Void) throws {
        if parallel && scratches.count > 1 {
            try DisjointParallelWork.forEach(&columns, order: encodingOrder, contexts: &scratches) { column, scratch in
                column.scratch = scratch
                try body(&column)
            }
        } else {
            let scratch = scratches[0]
            for index in columns.indices {
                columns[index].scratch = scratch
                try body(&columns[index])
            }
        }
    }

    /// Bytes held for the row group being built.
    var bufferedBytes: Int { columns.reduce(0) { $0 + $1.bufferedBytes } }
    var heldBytes: Int { columns.reduce(scratches.reduce(0) { $0 + $1.heldBytes }) { $0 + $1.heldBytes } }

    func begin(into sink: ByteSink) throws {
        guard phase == .created else { throw stateError("begin") }
        try run {
            try sink.write(Self.magic)
            bytesWritten = Int64(Self.magic.count)
            phase = .writing
        }
    }

    func write(_ batch: RecordBatch, into sink: ByteSink) throws {
        guard phase == .writing else { throw stateError("write") }
        guard Self.sameFields(batch.schema.fields, arrowSchema.fields) else {
            throw ParquetEncodingError(
                "a record batch's schema does not match the schema the Parquet object was opened with "
                + "(columns \(batch.schema.fields.map(\.name)) vs \(arrowSchema.fields.map(\.name))); "
                + "start a new object for the new schema")
        }
        try run {
            let sliceRows = rowsPerSlice(batch)
            var start = 0
            while start < batch.length {
                let room = Int(min(Int64(Int.max), options.maxRowGroupLength - rowsInGroup))
                let count = min(batch.length - start, room, sliceRows)
                let rows = start..<(start + count)
                try forEachColumn(parallel: count >= Self.minimumParallelRows) { column in
                    try column.write(batch.columns[column.leaf.columnIndex], rows: rows)
                }
                start += count
                rowsInGroup += Int64(count)
                totalRows += Int64(count)
                if rowsInGroup >= options.maxRowGroupLength || bufferedBytes >= options.maxRowGroupBytes {
                    try flushRowGroup(into: sink)
                }
            }
        }
    }

    /// Closes the row group being built early (memory pressure in the plugin): its column chunks
    /// go to the sink, and the next rows start a new row group.
    func flushBuffered(into sink: ByteSink) throws {
        guard phase == .writing else { throw stateError("flush") }
        try run {
            if rowsInGroup > 0 { try flushRowGroup(into: sink) }
            for index in columns.indices { columns[index].releaseScratch() }
            for scratch in scratches { scratch.release() }
        }
    }

    func finish(into sink: ByteSink) throws {
        guard phase == .writing else { throw stateError("finish") }
        try run {
            if rowsInGroup > 0 { try flushRowGroup(into: sink) }
            let footer = ParquetFileMetadata(
                version: options.version == .v1_0 ? 1 : 2, schema: parquetSchema.elements, numRows: totalRows,
                rowGroups: rowGroups, keyValueMetadata: Self.keyValueMetadata(of: arrowSchema),
                createdBy: options.createdBy, leafColumnCount: parquetSchema.leaves.count
            ).serialized()
            guard footer.count <= Int(UInt32.max) else {
                throw ParquetEncodingError("the Parquet footer is larger than 4 GiB; lower max_row_group_length")
            }
            var tail = footer
            withUnsafeBytes(of: UInt32(footer.count).littleEndian) { tail.append(contentsOf: $0) }
            tail.append(contentsOf: Self.magic)
            try sink.write(tail)
            bytesWritten += Int64(tail.count)
            phase = .finished
        }
    }

    /// Marks the object failed when `body` throws: the column writers may then hold part of a
    /// batch, so nothing more may be written to this object.
    private func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            phase = .failed
            throw error
        }
    }

    private func stateError(_ call: String) -> ParquetEncodingError {
        switch phase {
        case .failed:
            return ParquetEncodingError("\(call) called after an earlier error; this Parquet object is incomplete and must be discarded")
        case .finished:
            return ParquetEncodingError("\(call) called after finish")
        case .created:
            return ParquetEncodingError("\(call) called before begin")
        case .writing:
            return ParquetEncodingError("begin called twice")
        }
    }

    private func flushRowGroup(into sink: ByteSink) throws {
        try forEachColumn(parallel: true) { try $0.finishChunk() }
        var chunks: [ParquetColumnChunkMetadata] = []
        chunks.reserveCapacity(columns.count)
        for index in columns.indices {
            let size = Int64(columns[index].chunkByteCount)
            chunks.append(try columns[index].writeChunk(to: sink, at: bytesWritten))
            bytesWritten += size
        }
        rowGroups.append(ParquetRowGroupMetadata(columns: chunks, numRows: rowsInGroup, ordinal: rowGroups.count))
        rowsInGroup = 0
    }

    /// Rows per slice: small enough that the byte bound is checked several times per row
    /// group even for wide rows (estimated from the batch's Arrow buffer size).
    private func rowsPerSlice(_ batch: RecordBatch) -> Int {
        let bytesPerRow = max(1, batch.bufferByteSize / max(1, batch.length))
        return max(1, min(64 * 1024, options.maxRowGroupBytes / 8 / bytesPerRow))
    }

    /// The Arrow schema metadata, sorted by key (arrow-go `MetadataFrom` sorts; Go compares
    /// bytes). `ARROW:schema` is not added: the Go plugin does not store it.
    static func keyValueMetadata(of schema: Schema) -> [(key: String, value: String)] {
        schema.metadata.map { (key: $0.key, value: $0.value) }
            .sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
    }

    static func sameFields(_ a: [Field], _ b: [Field]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in
            x.name == y.name && x.type == y.type && x.nullable == y.nullable
                && x.extensionName == y.extensionName && sameFields(x.children, y.children)
        }
    }
}
