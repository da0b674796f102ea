/// Encodes the values of one leaf column into the pages of its current column chunk.
///
/// Values arrive through `write(_:rows:)` (see `ParquetColumnWriter+Levels.swift`) and are
/// encoded at once into the current data page: levels as small integers, values either as
/// dictionary indices or in PLAIN. A page is closed (levels RLE-encoded, body compressed,
/// header prepended) once its values reach `dataPageSize`; closed pages are plain bytes, so
/// nothing of the Arrow input is retained. `finishChunk` closes the last page and the
/// dictionary; `writeChunk` hands the chunk to the sink and starts the next one.
///
/// Dictionary encoding (RLE_DICTIONARY, PLAIN_DICTIONARY in format 1.0) is tried first, as in
/// arrow-go; once the dictionary's plain size reaches `dictionaryPageSizeLimit`, the pages so
/// far keep their dictionary and the rest of the chunk is written PLAIN.
///
/// A value type: the encoder owns one per leaf and mutates it in place, which keeps the
/// per-value path free of the dynamic exclusivity checks that class properties would cost.
struct ParquetColumnWriter {
    struct Configuration {
        var dataPageSize: Int
        var dictionaryPageSizeLimit: Int
        var dictionaryEnabled: Bool
        var maxStatisticsSize: Int
        var version: ParquetWriterOptions.FormatVersion
        /// Levels per page at most, so columns of nulls or empty lists still get pages of a
        /// reasonable size.
        var maxLevelsPerPage = 1 << 20
    }

    let leaf: ParquetLeafColumn
    private let configuration: Configuration
    /// Page assembly buffers and the codec context of the thread encoding this column now (one
    /// page is built at a time per thread); `ParquetFileWriter` hands the column its thread's
    /// scratch before each call that may close a page.
    var scratch: ParquetPageScratch
    private let definitionBitWidth: Int
    private let repetitionBitWidth: Int

    // MARK: current page

    private var definitionLevels: [UInt8] = []
    private var repetitionLevels: [UInt8] = []
    private var pageLevelCount = 0
    /// PLAIN values (booleans bit-packed) while not dictionary encoding.
    private var plainValues: [UInt8] = []
    private var booleanCount = 0
    private var dictionaryIndices: [UInt32] = []
    /// What the page's values would take in PLAIN: pages are sized by it even when dictionary
    /// encoded, like arrow-go, so dictionary pages hold as many rows as plain ones would.
    private var pagePlainBytes = 0
    private var pageStatistics: ParquetStatistics

    // MARK: current column chunk

    /// Whether values still go through the dictionary (until the chunk ends or falls back).
    private var dictionaryActive = false
    private var dictionary = ParquetDictionary(fixedWidth: nil)
    private var fellBackToPlain = false
    /// Header + body of the dictionary page, once the dictionary is complete.
    private var dictionaryPage: [UInt8] = []
    private var dictionaryPageSizes: (uncompressed: Int64, compressed: Int64) = (0, 0)
    /// The closed data pages in order, one array (header + body) each so that appending never
    /// moves earlier pages.
    private var dataPages: [[UInt8]] = []
    private var dataPageBytes = 0
    private var dataPageSizes: (uncompressed: Int64, compressed: Int64) = (0, 0)
    private var dataPageCounts: [(encoding: ParquetEncoding, count: Int32)] = []
    private var chunkLevelCount: Int64 = 0
    private var chunkStatistics: ParquetStatistics

    /// Rendered strings and re-ordered decimal bytes.
    var valueScratch: [UInt8] = []

    init(leaf: ParquetLeafColumn, configuration: Configuration, scratch: ParquetPageScratch) {
        self.leaf = leaf
        self.configuration = configuration
        self.scratch = scratch
        definitionBitWidth = RLEHybridEncoder.bitWidth(forMaxValue: leaf.maxDefinitionLevel)
        repetitionBitWidth = RLEHybridEncoder.bitWidth(forMaxValue: leaf.maxRepetitionLevel)
        pageStatistics = ParquetStatistics(order: leaf.sortOrder)
        chunkStatistics = ParquetStatistics(order: leaf.sortOrder)
        startChunk()
    }

    private mutating func startChunk() {
        dictionaryActive = configuration.dictionaryEnabled && leaf.supportsDictionary
        dictionary = ParquetDictionary(fixedWidth: Self.plainWidth(of: leaf))
        fellBackToPlain = false
        dictionaryPage = []
        dictionaryPageSizes = (0, 0)
        dataPages = []
        dataPageBytes = 0
        dataPageSizes = (0, 0)
        dataPageCounts = []
        chunkLevelCount = 0
        chunkStatistics.reset()
    }

    /// Bytes of one PLAIN value for fixed-width physical types; nil for BYTE_ARRAY.
    private static func plainWidth(of leaf: ParquetLeafColumn) -> Int? {
        switch leaf.physicalType {
        case .int32, .float: return 4
        case .int64, .double: return 8
        case .int96: return 12
        case .fixedLenByteArray: return leaf.typeLength
        case .boolean: return 1
        case .byteArray: return nil
        }
    }

    /// Bytes this chunk holds so far (closed pages, dictionary, the open page): what the row
    /// group byte bound is measured against.
    var bufferedBytes: Int {
        dataPageBytes + dictionaryPage.count + (dictionaryActive ? dictionary.memoryFootprint : 0)
            + plainValues.count + dictionaryIndices.count * 4 + definitionLevels.count + repetitionLevels.count
    }

    /// Memory this column holds: like `bufferedBytes`, but the current page's buffers by their
    /// capacity, which they keep between pages and which can be twice what they hold. This is
    /// what the plugin's memory budget charges (row groups are still cut by `bufferedBytes`).
    var heldBytes: Int {
        dataPageBytes + dictionaryPage.capacity + dictionary.heldBytes
            + plainValues.capacity + dictionaryIndices.capacity * 4 + definitionLevels.capacity
            + repetitionLevels.capacity + valueScratch.capacity
    }

    // MARK: levels and values

    /// Records one level pair; `definition < max` means no value follows.
    @inline(__always)
    mutating func addLevels(definition: Int, repetition: Int) {
        if definitionBitWidth > 0 { definitionLevels.append(UInt8(truncatingIfNeeded: definition)) }
        if repetitionBitWidth > 0 { repetitionLevels.append(UInt8(truncatingIfNeeded: repetition)) }
        pageLevelCount &+= 1
        if definition < leaf.maxDefinitionLevel { pageStatistics.addNulls(1) }
    }

    @inline(__always)
    mutating func add(int32 value: Int32) {
        pageStatistics.add(int32: value)
        withUnsafeBytes(of: value.littleEndian) { addFixed($0) }
    }

    @inline(__always)
    mutating func add(int64 value: Int64) {
        pageStatistics.add(integer: value)
        withUnsafeBytes(of: value.littleEndian) { addFixed($0) }
    }

    @inline(__always)
    mutating func add(float value: Float) {
        pageStatistics.add(floatingPoint: Double(value))
        withUnsafeBytes(of: value.bitPattern.littleEndian) { addFixed($0) }
    }

    @inline(__always)
    mutating func add(double value: Double) {
        pageStatistics.add(floatingPoint: value)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { addFixed($0) }
    }

    @inline(__always)
    mutating func add(boolean value: Bool) {
        pageStatistics.add(integer: value ? 1 : 0)
        if booleanCount & 7 == 0 { plainValues.append(0) }
        if value { plainValues[plainValues.count - 1] |= 1 << UInt8(booleanCount & 7) }
        booleanCount &+= 1
        pagePlainBytes = plainValues.count
    }

    /// A BYTE_ARRAY value.
    @inline(__always)
    mutating func add(byteArray value: UnsafeRawBufferPointer) {
        pagePlainBytes &+= 4 &+ value.count
        if dictionaryActive {
            let index = dictionary.index(of: value)
            dictionaryIndices.append(UInt32(bitPattern: index))
            // A value repeated on a page cannot move its min or max: only an entry's first use on
            // each page is compared (the bytes compared were ~7 % of a Parquet write, mostly
            // repeats in low-cardinality columns: bench/PROFILE.md, third round).
            if dictionary.isFirstUseOnPage(index) { pageStatistics.add(bytes: value) }
        } else {
            pageStatistics.add(bytes: value)
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: value.count).littleEndian) { plainValues.append(contentsOf: $0) }
            plainValues.append(contentsOf: value)
        }
    }

    /// A FIXED_LEN_BYTE_ARRAY value (`typeLength` bytes).
    @inline(__always)
    mutating func add(fixedBytes value: UnsafeRawBufferPointer) {
        if leaf.sortOrder == .float16 {
            pageStatistics.add(float16Bits: value.count == 2 ? value.loadUnaligned(as: UInt16.self) : 0)
        } else {
            pageStatistics.add(bytes: value)
        }
        addFixed(value)
    }

    @inline(__always)
    private mutating func addFixed(_ value: UnsafeRawBufferPointer) {
        pagePlainBytes &+= value.count
        if dictionaryActive {
            dictionaryIndices.append(UInt32(bitPattern: dictionary.index(of: value)))
        } else {
            plainValues.append(contentsOf: value)
        }
    }

    /// Called between rows: closes the page when it is full and gives up on the dictionary
    /// when it has grown too large.
    mutating func endOfRow() throws {
        if pagePlainBytes >= configuration.dataPageSize || pageLevelCount >= configuration.maxLevelsPerPage {
            try flushPage()
        }
        if dictionaryActive && dictionary.plain.count >= configuration.dictionaryPageSizeLimit {
            try flushPage()
            try closeDictionary()
            fellBackToPlain = true
        }
    }

    // MARK: pages

    private mutating func flushPage() throws {
        guard pageLevelCount > 0 else { return }
        scratch.body.removeAll(keepingCapacity: true)
        if repetitionBitWidth > 0 { appendLevels(repetitionLevels, bitWidth: repetitionBitWidth) }
        if definitionBitWidth > 0 { appendLevels(definitionLevels, bitWidth: definitionBitWidth) }
        let encoding: ParquetEncoding
        if dictionaryActive {
            let bitWidth = max(1, RLEHybridEncoder.bitWidth(forMaxValue: Int(dictionary.count) - 1))
            scratch.body.append(UInt8(bitWidth))
            RLEHybridEncoder.encode(dictionaryIndices, bitWidth: bitWidth, into: &scratch.body)
            encoding = configuration.version == .v1_0 ? .plainDictionary : .rleDictionary
        } else {
            scratch.body.append(contentsOf: plainValues)
            encoding = .plain
        }
        let statistics = pageStatistics.encoded(maxSize: configuration.maxStatisticsSize)
        let levelCount = Int32(truncatingIfNeeded: pageLevelCount)
        try appendPage(dictionary: false) { uncompressed, compressed in
            ParquetPageHeader(kind: .data(numValues: levelCount, encoding: encoding, statistics: statistics),
                              uncompressedSize: uncompressed, compressedSize: compressed)
        }
        if let last = dataPageCounts.indices.last, dataPageCounts[last].encoding == encoding {
            dataPageCounts[last].count += 1
        } else if let index = dataPageCounts.firstIndex(where: { $0.encoding == encoding }) {
            dataPageCounts[index].count += 1
        } else {
            dataPageCounts.append((encoding, 1))
        }
        chunkLevelCount += Int64(pageLevelCount)
        chunkStatistics.merge(pageStatistics)
        pageStatistics.reset()
        definitionLevels.removeAll(keepingCapacity: true)
        repetitionLevels.removeAll(keepingCapacity: true)
        plainValues.removeAll(keepingCapacity: true)
        dictionaryIndices.removeAll(keepingCapacity: true)
        pageLevelCount = 0
        booleanCount = 0
        pagePlainBytes = 0
        dictionary.startPage()
    }

    /// `<u32 byte length><RLE hybrid>`: the V1 data page form of a level stream.
    private func appendLevels(_ levels: [UInt8], bitWidth: Int) {
        let lengthAt = scratch.body.count
        scratch.body.append(contentsOf: [0, 0, 0, 0])
        RLEHybridEncoder.encode(levels, bitWidth: bitWidth, into: &scratch.body)
        let length = UInt32(truncatingIfNeeded: scratch.body.count - lengthAt - 4)
        for k in 0..<4 { scratch.body[lengthAt + k] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(k))) }
    }

    /// Compresses the page in `scratch.body` and appends header + compressed body to the data
    /// pages (or, with `dictionary`, makes it the dictionary page).
    private mutating func appendPage(dictionary: Bool, header: (Int32, Int32) -> ParquetPageHeader) throws {
        guard scratch.body.count <= Int(Int32.max) else {
            throw ParquetEncodingError("column \"\(leaf.displayName)\": a page of \(scratch.body.count) bytes exceeds "
                                       + "Parquet's 2 GiB page limit (a single value is too large)")
        }
        let uncompressedSize = Int32(scratch.body.count)
        let scratch = scratch
        let codec = scratch.compressor.codec
        if codec != .none {
            try scratch.body.withUnsafeBytes { try scratch.compressor.compress($0, into: &scratch.compressed) }
        }
        let stored = codec == .none ? scratch.body : scratch.compressed
        guard stored.count <= Int(Int32.max) else {
            throw ParquetEncodingError("column \"\(leaf.displayName)\": a compressed page exceeds 2 GiB")
        }
        let headerBytes = header(uncompressedSize, Int32(stored.count)).serialized()
        var page: [UInt8] = []
        page.reserveCapacity(headerBytes.count + stored.count)
        page.append(contentsOf: headerBytes)
        page.append(contentsOf: stored)
        let uncompressedTotal = Int64(headerBytes.count) + Int64(uncompressedSize)
        if dictionary {
            dictionaryPage = page
            dictionaryPageSizes = (uncompressedTotal, Int64(page.count))
        } else {
            dataPageBytes += page.count
            dataPages.append(page)
            dataPageSizes.uncompressed += uncompressedTotal
            dataPageSizes.compressed += Int64(page.count)
        }
    }

    /// Turns the dictionary into its page and stops dictionary encoding for this chunk.
    private mutating func closeDictionary() throws {
        guard dictionaryActive else { return }
        let encoding: ParquetEncoding = configuration.version == .v1_0 ? .plainDictionary : .plain
        let entries = dictionary.count
        scratch.body.removeAll(keepingCapacity: true)
        scratch.body.append(contentsOf: dictionary.plain)
        try appendPage(dictionary: true) { uncompressed, compressed in
            ParquetPageHeader(kind: .dictionary(numValues: entries, encoding: encoding),
                              uncompressedSize: uncompressed, compressedSize: compressed)
        }
        dictionaryActive = false
        dictionary = ParquetDictionary(fixedWidth: nil)  // releases the index and values
    }

    // MARK: column chunk

    /// Gives back the capacity the page buffers keep between pages (only when the chunk was just
    /// written: they are empty then), for a writer that must shrink under memory pressure.
    mutating func releaseScratch() {
        definitionLevels = []
        repetitionLevels = []
        plainValues = []
        dictionaryIndices = []
        valueScratch = []
    }

    /// Closes the open page and the dictionary of the current chunk.
    mutating func finishChunk() throws {
        try flushPage()
        try closeDictionary()
    }

    /// Hands the finished chunk to `sink` (it starts at file offset `offset`), returns its
    /// metadata and starts an empty chunk for the next row group.
    mutating func writeChunk(to sink: ByteSink, at offset: Int64) throws -> ParquetColumnChunkMetadata {
        let hasDictionaryPage = !dictionaryPage.isEmpty
        try dictionaryPage.withUnsafeBytes { try sink.write($0) }
        for page in dataPages { try page.withUnsafeBytes { try sink.write($0) } }

        var encodings: [ParquetEncoding]
        var encodingStats: [ParquetPageEncodingCount] = []
        if hasDictionaryPage {
            let dictionaryEncoding: ParquetEncoding = configuration.version == .v1_0 ? .plainDictionary : .plain
            // arrow-go's list: index encoding, dictionary page encoding (PLAIN even in 1.0), RLE
            // for levels, then PLAIN again after a fallback.
            encodings = [configuration.version == .v1_0 ? .plainDictionary : .rleDictionary, .plain, .rle]
            if fellBackToPlain { encodings.append(.plain) }
            encodingStats.append(ParquetPageEncodingCount(pageType: .dictionaryPage, encoding: dictionaryEncoding, count: 1))
        } else {
            encodings = [.plain, .rle]
        }
        for (encoding, count) in dataPageCounts {
            encodingStats.append(ParquetPageEncodingCount(pageType: .dataPage, encoding: encoding, count: count))
        }
        let dictionaryLength = Int64(dictionaryPage.count)
        let metadata = ParquetColumnChunkMetadata(
            type: leaf.physicalType, encodings: encodings, pathInSchema: leaf.path, codec: scratch.compressor.thriftCodec,
            numValues: chunkLevelCount,
            totalUncompressedSize: dictionaryPageSizes.uncompressed + dataPageSizes.uncompressed,
            totalCompressedSize: dictionaryPageSizes.compressed + dataPageSizes.compressed,
            dataPageOffset: offset + dictionaryLength,
            dictionaryPageOffset: hasDictionaryPage ? offset : nil,
            statistics: chunkStatistics.encoded(maxSize: configuration.maxStatisticsSize),
            encodingStats: encodingStats)
        startChunk()
        return metadata
    }

    /// Bytes `writeChunk` will hand over.
    var chunkByteCount: Int { dictionaryPage.count + dataPageBytes }
}

/// The buffers a page is assembled and compressed in, and the codec context compressing it: one
/// per encoding thread of an object, used by whichever column that thread encodes.
final class ParquetPageScratch {
    let compressor: ParquetPageCompressor
    var body: [UInt8] = []
    var compressed: [UInt8] = []

    init(compressor: ParquetPageCompressor) {
        self.compressor = compressor
    }

    /// Memory the two buffers keep between pages.
    var heldBytes: Int { body.capacity + compressed.capacity }

    func release() {
        body = []
        compressed = []
    }
}
