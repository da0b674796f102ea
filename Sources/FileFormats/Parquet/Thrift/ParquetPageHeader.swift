/// `Statistics` of parquet.thrift, already encoded as the column's plain bytes.
struct ParquetEncodedStatistics {
    var nullCount: Int64
    var min: [UInt8]?
    var max: [UInt8]?
    /// The deprecated `min`/`max` fields are only meaningful for signed sort orders, so writers
    /// (arrow-go, parquet-cpp) fill them in only then, next to `min_value`/`max_value`.
    var signedSortOrder: Bool

    func write(to w: inout ThriftCompactWriter) {
        if signedSortOrder {
            if let max { w.field(1, binary: max) }
            if let min { w.field(2, binary: min) }
        }
        w.field(3, i64: nullCount)
        if let max { w.field(5, binary: max) }
        if let min { w.field(6, binary: min) }
    }
}

/// `PageHeader` of parquet.thrift for the two page kinds this writer produces: data pages (V1)
/// and dictionary pages.
struct ParquetPageHeader {
    enum Kind {
        case data(numValues: Int32, encoding: ParquetEncoding, statistics: ParquetEncodedStatistics?)
        case dictionary(numValues: Int32, encoding: ParquetEncoding)
    }

    var kind: Kind
    var uncompressedSize: Int32
    var compressedSize: Int32

    var pageType: ParquetPageType {
        switch kind {
        case .data: return .dataPage
        case .dictionary: return .dictionaryPage
        }
    }

    func serialized() -> [UInt8] {
        var w = ThriftCompactWriter(reservingCapacity: 64)
        w.writeStruct { w in
            w.field(1, i32: pageType.rawValue)
            w.field(2, i32: uncompressedSize)
            w.field(3, i32: compressedSize)
            switch kind {
            case .data(let numValues, let encoding, let statistics):
                w.field(5) { d in
                    d.field(1, i32: numValues)
                    d.field(2, i32: encoding.rawValue)
                    d.field(3, i32: ParquetEncoding.rle.rawValue)  // definition levels
                    d.field(4, i32: ParquetEncoding.rle.rawValue)  // repetition levels
                    if let statistics {
                        d.field(5) { statistics.write(to: &$0) }
                    }
                }
            case .dictionary(let numValues, let encoding):
                w.field(7) { d in
                    d.field(1, i32: numValues)
                    d.field(2, i32: encoding.rawValue)
                }
            }
        }
        return w.bytes
    }
}
