/// `PageEncodingStats` of parquet.thrift: how many pages of a kind used an encoding.
struct ParquetPageEncodingCount {
    var pageType: ParquetPageType
    var encoding: ParquetEncoding
    var count: Int32
}

/// `ColumnMetaData` + `ColumnChunk` of parquet.thrift (the chunk lives in this file).
struct ParquetColumnChunkMetadata {
    var type: ParquetPhysicalType
    var encodings: [ParquetEncoding]
    var pathInSchema: [String]
    var codec: ParquetCompressionCodec
    /// Levels written, nulls included.
    var numValues: Int64
    /// Page headers included, as the format asks.
    var totalUncompressedSize: Int64
    var totalCompressedSize: Int64
    var dataPageOffset: Int64
    var dictionaryPageOffset: Int64?
    var statistics: ParquetEncodedStatistics?
    var encodingStats: [ParquetPageEncodingCount]

    /// Where the chunk's first page starts.
    var fileOffset: Int64 { dictionaryPageOffset ?? dataPageOffset }

    func writeColumnChunk(to w: inout ThriftCompactWriter) {
        w.field(2, i64: fileOffset)
        w.field(3) { m in
            m.field(1, i32: type.rawValue)
            m.field(2, i32List: encodings.map(\.rawValue))
            m.field(3, stringList: pathInSchema)
            m.field(4, i32: codec.rawValue)
            m.field(5, i64: numValues)
            m.field(6, i64: totalUncompressedSize)
            m.field(7, i64: totalCompressedSize)
            m.field(9, i64: dataPageOffset)
            if let dictionaryPageOffset { m.field(11, i64: dictionaryPageOffset) }
            if let statistics {
                m.field(12) { statistics.write(to: &$0) }
            }
            if !encodingStats.isEmpty {
                m.field(13, structs: encodingStats) { s, stat in
                    s.field(1, i32: stat.pageType.rawValue)
                    s.field(2, i32: stat.encoding.rawValue)
                    s.field(3, i32: stat.count)
                }
            }
        }
    }
}

/// `RowGroup` of parquet.thrift.
struct ParquetRowGroupMetadata {
    var columns: [ParquetColumnChunkMetadata]
    var numRows: Int64
    var ordinal: Int

    var totalByteSize: Int64 { columns.reduce(0) { $0 + $1.totalUncompressedSize } }
    var totalCompressedSize: Int64 { columns.reduce(0) { $0 + $1.totalCompressedSize } }

    func write(to w: inout ThriftCompactWriter) {
        w.field(1, structs: columns) { c, column in column.writeColumnChunk(to: &c) }
        w.field(2, i64: totalByteSize)
        w.field(3, i64: numRows)
        if let first = columns.first { w.field(5, i64: first.fileOffset) }
        w.field(6, i64: totalCompressedSize)
        // `ordinal` is an i16: files with more row groups simply leave it out.
        if let ordinal = Int16(exactly: ordinal) { w.field(7, i16: ordinal) }
    }
}

/// `FileMetaData` of parquet.thrift: the footer.
struct ParquetFileMetadata {
    /// 1 for format version 1.0 files, 2 for 2.x (what arrow-go writes).
    var version: Int32
    var schema: [ParquetSchemaElement]
    var numRows: Int64
    var rowGroups: [ParquetRowGroupMetadata]
    var keyValueMetadata: [(key: String, value: String)]
    var createdBy: String
    var leafColumnCount: Int

    func serialized() -> [UInt8] {
        var w = ThriftCompactWriter(reservingCapacity: 1024)
        w.writeStruct { w in
            w.field(1, i32: version)
            w.field(2, structs: schema) { e, element in element.write(to: &e) }
            w.field(3, i64: numRows)
            w.field(4, structs: rowGroups) { r, group in group.write(to: &r) }
            if !keyValueMetadata.isEmpty {
                w.field(5, structs: keyValueMetadata) { kv, pair in
                    kv.field(1, string: pair.key)
                    kv.field(2, string: pair.value)
                }
            }
            w.field(6, string: createdBy)
            // TYPE_ORDER for every leaf: min/max follow each column's logical type, which is
            // what lets readers trust `min_value`/`max_value` of unsigned columns.
            w.field(7, structs: Array(repeating: (), count: leafColumnCount)) { order, _ in
                order.field(1) { _ in }
            }
        }
        return w.bytes
    }
}
