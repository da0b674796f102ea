/// `SchemaElement` of parquet.thrift: one node of the depth-first flattened schema tree.
struct ParquetSchemaElement {
    var type: ParquetPhysicalType?
    var typeLength: Int32?
    /// nil only for the root when the writer is asked for no root repetition.
    var repetition: ParquetRepetition?
    var name: String
    var numChildren: Int32?
    var convertedType: ParquetConvertedType?
    var scale: Int32?
    var precision: Int32?
    var logicalType: ParquetLogicalType?

    func write(to w: inout ThriftCompactWriter) {
        if let type { w.field(1, i32: type.rawValue) }
        if let typeLength { w.field(2, i32: typeLength) }
        if let repetition { w.field(3, i32: repetition.rawValue) }
        w.field(4, string: name)
        if let numChildren { w.field(5, i32: numChildren) }
        if let convertedType { w.field(6, i32: convertedType.rawValue) }
        if let scale { w.field(7, i32: scale) }
        if let precision { w.field(8, i32: precision) }
        if let logicalType {
            w.field(10) { logicalType.write(to: &$0) }
        }
    }
}

extension ParquetLogicalType {
    /// The `LogicalType` union: exactly one member set. Empty member structs are just a stop byte.
    func write(to w: inout ThriftCompactWriter) {
        let empty: (inout ThriftCompactWriter) -> Void = { _ in }
        switch self {
        case .string: w.field(1, structure: empty)
        case .map: w.field(2, structure: empty)
        case .list: w.field(3, structure: empty)
        case .decimal(let precision, let scale):
            w.field(5) { d in
                d.field(1, i32: scale)
                d.field(2, i32: precision)
            }
        case .date: w.field(6, structure: empty)
        case .time(let utc, let unit):
            w.field(7) { t in
                t.field(1, bool: utc)
                t.field(2) { unit.write(to: &$0) }
            }
        case .timestamp(let utc, let unit):
            w.field(8) { t in
                t.field(1, bool: utc)
                t.field(2) { unit.write(to: &$0) }
            }
        case .integer(let bitWidth, let isSigned):
            w.field(10) { i in
                i.field(1, i8: bitWidth)
                i.field(2, bool: isSigned)
            }
        case .null: w.field(11, structure: empty)
        case .float16: w.field(15, structure: empty)
        }
    }
}

extension ParquetTimeUnit {
    /// The `TimeUnit` union.
    func write(to w: inout ThriftCompactWriter) {
        switch self {
        case .millis: w.field(1) { _ in }
        case .micros: w.field(2) { _ in }
        case .nanos: w.field(3) { _ in }
        }
    }
}
