/// The levels and values of one column chunk, all pages decoded.
struct ParquetDecodedColumn {
    /// One entry per level; empty when the column's max definition level is 0 (all defined).
    var definitionLevels: [Int32] = []
    /// One entry per level; empty when the column's max repetition level is 0.
    var repetitionLevels: [Int32] = []
    var levelCount = 0
    var values: ParquetValueStore
}

/// Decodes every page of one column chunk: page headers, decompression, levels (RLE hybrid),
/// values (PLAIN, dictionary, RLE booleans), V1 and V2 data pages. Every offset and length
/// read from the file is checked against the file before use.
struct ParquetColumnChunkReader {
    let file: UnsafeRawBufferPointer
    let leaf: ParquetReadLeaf
    /// "row group 2, column \"tags.element\"", for errors.
    let location: String
    /// What decoding may hold in memory. Run-length encoding turns a few bytes into up to 2^31
    /// values per page, so the footer's value count is checked against this before any page is
    /// expanded (a page never yields more values than it and the chunk declare).
    let memoryBudgetBytes: Int

    func read(_ chunk: ParquetReadColumnChunk) throws -> ParquetDecodedColumn {
        guard chunk.hasMetadata, chunk.filePath == nil else {
            throw error("column chunks stored in other files (or without metadata) are not supported")
        }
        guard chunk.type == leaf.physicalType.rawValue else {
            throw error("chunk type \(chunk.type) differs from the schema's \(leaf.physicalType)")
        }
        guard let codec = ParquetCompressionCodec(rawValue: chunk.codec) else {
            throw error("unknown compression codec \(chunk.codec)")
        }
        switch codec {
        case .uncompressed, .snappy, .gzip, .zstd: break
        default: throw error("compression codec \(codec) is not supported (only none, snappy, gzip, zstd)")
        }
        guard chunk.numValues >= 0 else { throw error("negative value count") }
        // Per value at least: one Int32 per level array, and a dictionary index or a value.
        let levelArrays = (leaf.maxDefinitionLevel > 0 ? 1 : 0) + (leaf.maxRepetitionLevel > 0 ? 1 : 0)
        let bytesPerValue = 4 * levelArrays + 4
        guard chunk.numValues <= Int64(memoryBudgetBytes / bytesPerValue) else {
            throw error("the chunk declares \(chunk.numValues) values; decoding them needs more than the memory budget "
                        + "of \(memoryBudgetBytes) bytes (raise memory_budget_bytes to read it)")
        }

        var column = ParquetDecodedColumn(values: ParquetValueStore(physicalType: leaf.physicalType, fixedWidth: leaf.typeLength))
        var dictionary: ParquetValueStore?
        var offset = chunk.startOffset
        var pageNumber = 0
        while column.levelCount < chunk.numValues {
            pageNumber += 1
            guard offset >= 4, offset < Int64(file.count) else {
                throw error("page \(pageNumber) starts at byte \(offset), outside the file")
            }
            let header = try ParquetReadPageHeader(decoding: file, at: Int(offset), context: "\(location), page \(pageNumber) header")
            let bodyStart = Int(offset) + header.headerLength
            let bodyLength = Int(header.compressedSize)
            guard bodyLength <= file.count - bodyStart else {
                throw error("page \(pageNumber) (\(bodyLength) bytes) runs past the end of the file")
            }
            let body = UnsafeRawBufferPointer(rebasing: file[bodyStart..<bodyStart + bodyLength])
            offset = Int64(bodyStart + bodyLength)
            let page = "page \(pageNumber)"
            let isData = header.type == ParquetPageType.dataPage.rawValue || header.type == ParquetPageType.dataPageV2.rawValue
            if isData, Int64(header.numValues) > chunk.numValues - Int64(column.levelCount) {
                throw error("\(page) holds \(header.numValues) values, more than the \(chunk.numValues) the footer announces")
            }
            do {
                switch ParquetPageType(rawValue: header.type) {
                case .dictionaryPage:
                    guard dictionary == nil else { throw ParquetDecodingError("a second dictionary page") }
                    guard header.encoding == ParquetEncoding.plain.rawValue
                        || header.encoding == ParquetEncoding.plainDictionary.rawValue else {
                        throw ParquetDecodingError("dictionary page encoding \(header.encoding) is not PLAIN")
                    }
                    let data = try decompress(body, codec: codec, size: Int(header.uncompressedSize))
                    var entries = ParquetValueStore(physicalType: leaf.physicalType, fixedWidth: leaf.typeLength)
                    _ = try data.withUnsafeBytes { try entries.appendPlain($0, count: Int(header.numValues)) }
                    dictionary = entries
                case .dataPage:
                    let data = try decompress(body, codec: codec, size: Int(header.uncompressedSize))
                    try data.withUnsafeBytes { try readDataPageV1($0, header: header, dictionary: dictionary, into: &column) }
                case .dataPageV2:
                    try readDataPageV2(body, header: header, codec: codec, dictionary: dictionary, into: &column)
                case .indexPage:
                    break
                case nil:
                    throw ParquetDecodingError("unknown page type \(header.type)")
                }
            } catch let failure as ParquetDecodingError {
                throw error("\(page): \(failure.message)")
            } catch let failure as CompressionError {
                throw error("\(page): \(failure)")
            }
        }
        guard column.levelCount == chunk.numValues else {
            throw error("pages hold \(column.levelCount) values, the footer says \(chunk.numValues)")
        }
        return column
    }

    private func error(_ reason: String) -> ParquetDecodingError {
        ParquetDecodingError("\(location): \(reason)")
    }

    private func decompress(_ body: UnsafeRawBufferPointer, codec: ParquetCompressionCodec, size: Int) throws -> [UInt8] {
        let output: [UInt8]
        switch codec {
        case .uncompressed: output = Array(body)
        case .snappy: output = try Decompression.snappy(body, uncompressedSize: size)
        case .gzip: output = try Decompression.gzip(body, limit: size)
        case .zstd: output = try Decompression.zstd(body, limit: size)
        default: throw ParquetDecodingError("unsupported codec \(codec)")
        }
        guard output.count == size else {
            throw ParquetDecodingError("page decompressed to \(output.count) bytes, its header says \(size)")
        }
        return output
    }

    private func readDataPageV1(_ data: UnsafeRawBufferPointer, header: ParquetReadPageHeader,
                                dictionary: ParquetValueStore?, into column: inout ParquetDecodedColumn) throws {
        let count = Int(header.numValues)
        var position = 0
        func levels(_ maxLevel: Int, encoding: Int32, into out: inout [Int32], what: String) throws {
            guard maxLevel > 0 else { return }
            guard encoding == ParquetEncoding.rle.rawValue else {
                throw ParquetDecodingError("\(what) levels use encoding \(encoding); only RLE is supported")
            }
            guard data.count - position >= 4 else { throw ParquetDecodingError("\(what) levels are truncated") }
            let length = Int(UInt32(littleEndian: data.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
            position += 4
            guard length <= data.count - position else { throw ParquetDecodingError("\(what) levels run past the page") }
            try decodeLevels(UnsafeRawBufferPointer(rebasing: data[position..<position + length]),
                             maxLevel: maxLevel, count: count, into: &out, what: what)
            position += length
        }
        try levels(leaf.maxRepetitionLevel, encoding: header.repetitionLevelEncoding, into: &column.repetitionLevels, what: "repetition")
        try levels(leaf.maxDefinitionLevel, encoding: header.definitionLevelEncoding, into: &column.definitionLevels, what: "definition")
        try readValues(UnsafeRawBufferPointer(rebasing: data[position...]), header: header, levels: count,
                       dictionary: dictionary, into: &column)
    }

    private func readDataPageV2(_ body: UnsafeRawBufferPointer, header: ParquetReadPageHeader, codec: ParquetCompressionCodec,
                                dictionary: ParquetValueStore?, into column: inout ParquetDecodedColumn) throws {
        let count = Int(header.numValues)
        let repLength = Int(header.repetitionLevelsByteLength)
        let defLength = Int(header.definitionLevelsByteLength)
        guard repLength + defLength <= body.count else { throw ParquetDecodingError("V2 levels run past the page") }
        if leaf.maxRepetitionLevel > 0 {
            try decodeLevels(UnsafeRawBufferPointer(rebasing: body[0..<repLength]), maxLevel: leaf.maxRepetitionLevel,
                             count: count, into: &column.repetitionLevels, what: "repetition")
        }
        if leaf.maxDefinitionLevel > 0 {
            try decodeLevels(UnsafeRawBufferPointer(rebasing: body[repLength..<repLength + defLength]),
                             maxLevel: leaf.maxDefinitionLevel, count: count, into: &column.definitionLevels, what: "definition")
        }
        let compressed = UnsafeRawBufferPointer(rebasing: body[(repLength + defLength)...])
        let valuesSize = Int(header.uncompressedSize) - repLength - defLength
        guard valuesSize >= 0 else { throw ParquetDecodingError("V2 page sizes are inconsistent") }
        let values = header.isCompressed && codec != .uncompressed
            ? try decompress(compressed, codec: codec, size: valuesSize) : Array(compressed)
        try values.withUnsafeBytes {
            try readValues($0, header: header, levels: count, dictionary: dictionary, into: &column)
        }
    }

    private func decodeLevels(_ bytes: UnsafeRawBufferPointer, maxLevel: Int, count: Int, into out: inout [Int32], what: String) throws {
        let start = out.count
        try RLEHybridDecoder.decode(bytes, bitWidth: RLEHybridEncoder.bitWidth(forMaxValue: maxLevel), count: count, into: &out)
        for i in start..<out.count where out[i] > maxLevel {
            throw ParquetDecodingError("\(what) level \(out[i]) exceeds the column's maximum \(maxLevel)")
        }
    }

    /// Decodes the page's non-null values (those whose definition level is the maximum).
    private func readValues(_ data: UnsafeRawBufferPointer, header: ParquetReadPageHeader, levels count: Int,
                            dictionary: ParquetValueStore?, into column: inout ParquetDecodedColumn) throws {
        var present = count
        if leaf.maxDefinitionLevel > 0 {
            present = 0
            let maxLevel = Int32(leaf.maxDefinitionLevel)
            for level in column.definitionLevels[column.levelCount...] where level == maxLevel { present += 1 }
        }
        column.levelCount += count
        switch ParquetEncoding(rawValue: header.encoding) {
        case .plain:
            try column.values.appendPlain(data, count: present)
        case .plainDictionary, .rleDictionary:
            guard let dictionary else { throw ParquetDecodingError("dictionary-encoded page without a dictionary page") }
            guard present > 0 else { return }
            guard let width = data.first else { throw ParquetDecodingError("dictionary indices are missing") }
            var indices: [Int32] = []
            try RLEHybridDecoder.decode(UnsafeRawBufferPointer(rebasing: data[1...]), bitWidth: Int(width), count: present, into: &indices)
            for index in indices { try column.values.append(from: dictionary, at: Int(index)) }
        case .rle where leaf.physicalType == .boolean:
            guard data.count >= 4 else { throw ParquetDecodingError("RLE booleans are truncated") }
            let length = Int(UInt32(littleEndian: data.loadUnaligned(as: UInt32.self)))
            guard length <= data.count - 4 else { throw ParquetDecodingError("RLE booleans run past the page") }
            var bits: [Int32] = []
            try RLEHybridDecoder.decode(UnsafeRawBufferPointer(rebasing: data[4..<4 + length]), bitWidth: 1, count: present, into: &bits)
            column.values.booleans.append(contentsOf: bits.lazy.map { $0 != 0 })
        default:
            throw ParquetDecodingError("value encoding \(header.encoding) is not supported (PLAIN, dictionary and RLE booleans are)")
        }
    }
}
