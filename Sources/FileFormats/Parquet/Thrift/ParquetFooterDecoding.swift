/// The parts of a Parquet footer (`FileMetaData` of parquet.thrift) and page headers a reader
/// needs, decoded from untrusted bytes. Enum-valued fields stay raw `Int32` so that values
/// from newer writers reach the reader, which names what it cannot handle.

/// `LogicalType` union, as read.
enum ParquetReadLogicalType: Equatable {
    case string, map, list, enumeration, date, null, json, bson, uuid, float16
    case decimal(precision: Int32, scale: Int32)
    case time(isAdjustedToUTC: Bool, unit: ParquetTimeUnit)
    case timestamp(isAdjustedToUTC: Bool, unit: ParquetTimeUnit)
    case integer(bitWidth: Int8, isSigned: Bool)
    case other(Int16)
}

/// `SchemaElement`, as read.
struct ParquetReadSchemaElement {
    var type: Int32?
    var typeLength: Int32?
    var repetition: Int32?
    var name = ""
    var numChildren: Int32?
    var convertedType: Int32?
    var scale: Int32?
    var precision: Int32?
    var logicalType: ParquetReadLogicalType?
}

/// `ColumnChunk` + `ColumnMetaData`, as read.
struct ParquetReadColumnChunk {
    var filePath: String?
    var type: Int32 = -1
    var pathInSchema: [String] = []
    var codec: Int32 = 0
    var numValues: Int64 = 0
    var totalCompressedSize: Int64 = 0
    var dataPageOffset: Int64 = -1
    var dictionaryPageOffset: Int64?
    var hasMetadata = false

    /// Where the chunk's first page starts (a dictionary page precedes the data pages).
    var startOffset: Int64 {
        if let dictionaryPageOffset, dictionaryPageOffset > 0, dictionaryPageOffset < dataPageOffset {
            return dictionaryPageOffset
        }
        return dataPageOffset
    }
}

struct ParquetReadRowGroup {
    var columns: [ParquetReadColumnChunk] = []
    var numRows: Int64 = 0
}

struct ParquetReadFileMetadata {
    var schema: [ParquetReadSchemaElement] = []
    var numRows: Int64 = 0
    var rowGroups: [ParquetReadRowGroup] = []

    init(decoding bytes: UnsafeRawBufferPointer) throws {
        var r = ThriftCompactReader(bytes, context: "parquet footer")
        try r.readStruct { r, f in
            switch (f.id, f.type) {
            case (2, .list):
                try r.readList { r, type in
                    guard type == .structure else { throw r.error("schema elements should be structs") }
                    schema.append(try Self.schemaElement(&r))
                }
            case (3, _): numRows = try r.i64(f)
            case (4, .list):
                try r.readList { r, type in
                    guard type == .structure else { throw r.error("row groups should be structs") }
                    rowGroups.append(try Self.rowGroup(&r))
                }
            default: try r.skip(f.type)
            }
        }
    }

    private static func schemaElement(_ r: inout ThriftCompactReader) throws -> ParquetReadSchemaElement {
        var e = ParquetReadSchemaElement()
        try r.readStruct { r, f in
            switch (f.id, f.type) {
            case (1, _): e.type = try r.i32(f)
            case (2, _): e.typeLength = try r.i32(f)
            case (3, _): e.repetition = try r.i32(f)
            case (4, .binary): e.name = try r.readString()
            case (5, _): e.numChildren = try r.i32(f)
            case (6, _): e.convertedType = try r.i32(f)
            case (7, _): e.scale = try r.i32(f)
            case (8, _): e.precision = try r.i32(f)
            case (10, .structure): e.logicalType = try logicalType(&r)
            default: try r.skip(f.type)
            }
        }
        return e
    }

    private static func logicalType(_ r: inout ThriftCompactReader) throws -> ParquetReadLogicalType? {
        var result: ParquetReadLogicalType?
        try r.readStruct { r, f in
            guard f.type == .structure else { return try r.skip(f.type) }
            switch f.id {
            case 1: result = .string; try r.skip(f.type)
            case 2: result = .map; try r.skip(f.type)
            case 3: result = .list; try r.skip(f.type)
            case 4: result = .enumeration; try r.skip(f.type)
            case 5:
                var precision: Int32 = 0, scale: Int32 = 0
                try r.readStruct { r, d in
                    switch d.id {
                    case 1: scale = try r.i32(d)
                    case 2: precision = try r.i32(d)
                    default: try r.skip(d.type)
                    }
                }
                result = .decimal(precision: precision, scale: scale)
            case 6: result = .date; try r.skip(f.type)
            case 7, 8:
                var utc = false
                var unit = ParquetTimeUnit.millis
                try r.readStruct { r, t in
                    switch (t.id, t.type) {
                    case (1, .boolTrue), (1, .boolFalse): utc = try r.readBool()
                    case (2, .structure): unit = try timeUnit(&r)
                    default: try r.skip(t.type)
                    }
                }
                result = f.id == 7 ? .time(isAdjustedToUTC: utc, unit: unit) : .timestamp(isAdjustedToUTC: utc, unit: unit)
            case 10:
                var bits: Int8 = 0
                var signed = true
                try r.readStruct { r, i in
                    switch (i.id, i.type) {
                    case (1, .byte): bits = Int8(bitPattern: try r.readByte())
                    case (2, .boolTrue), (2, .boolFalse): signed = try r.readBool()
                    default: try r.skip(i.type)
                    }
                }
                result = .integer(bitWidth: bits, isSigned: signed)
            case 11: result = .null; try r.skip(f.type)
            case 12: result = .json; try r.skip(f.type)
            case 13: result = .bson; try r.skip(f.type)
            case 14: result = .uuid; try r.skip(f.type)
            case 15: result = .float16; try r.skip(f.type)
            default: result = .other(f.id); try r.skip(f.type)
            }
        }
        return result
    }

    private static func timeUnit(_ r: inout ThriftCompactReader) throws -> ParquetTimeUnit {
        var unit = ParquetTimeUnit.millis
        try r.readStruct { r, f in
            switch f.id {
            case 1: unit = .millis
            case 2: unit = .micros
            case 3: unit = .nanos
            default: break
            }
            try r.skip(f.type)
        }
        return unit
    }

    private static func rowGroup(_ r: inout ThriftCompactReader) throws -> ParquetReadRowGroup {
        var group = ParquetReadRowGroup()
        try r.readStruct { r, f in
            switch (f.id, f.type) {
            case (1, .list):
                try r.readList { r, type in
                    guard type == .structure else { throw r.error("column chunks should be structs") }
                    group.columns.append(try columnChunk(&r))
                }
            case (3, _): group.numRows = try r.i64(f)
            default: try r.skip(f.type)
            }
        }
        return group
    }

    private static func columnChunk(_ r: inout ThriftCompactReader) throws -> ParquetReadColumnChunk {
        var c = ParquetReadColumnChunk()
        try r.readStruct { r, f in
            switch (f.id, f.type) {
            case (1, .binary): c.filePath = try r.readString()
            case (3, .structure):
                c.hasMetadata = true
                try r.readStruct { r, m in
                    switch (m.id, m.type) {
                    case (1, _): c.type = try r.i32(m)
                    case (3, .list):
                        try r.readList { r, type in
                            guard type == .binary else { throw r.error("path_in_schema should be strings") }
                            c.pathInSchema.append(try r.readString())
                        }
                    case (4, _): c.codec = try r.i32(m)
                    case (5, _): c.numValues = try r.i64(m)
                    case (7, _): c.totalCompressedSize = try r.i64(m)
                    case (9, _): c.dataPageOffset = try r.i64(m)
                    case (11, _): c.dictionaryPageOffset = try r.i64(m)
                    default: try r.skip(m.type)
                    }
                }
            default: try r.skip(f.type)
            }
        }
        return c
    }
}

/// `PageHeader` with its data (V1 or V2) or dictionary page header, as read.
struct ParquetReadPageHeader {
    var type: Int32 = -1
    var uncompressedSize: Int32 = -1
    var compressedSize: Int32 = -1
    /// Values (levels, nulls included) in a data page; entries in a dictionary page.
    var numValues: Int32 = 0
    var encoding: Int32 = 0
    var definitionLevelEncoding: Int32 = ParquetEncoding.rle.rawValue
    var repetitionLevelEncoding: Int32 = ParquetEncoding.rle.rawValue
    // V2 only
    var definitionLevelsByteLength: Int32 = 0
    var repetitionLevelsByteLength: Int32 = 0
    var isCompressed = true
    /// Bytes the header took.
    var headerLength = 0

    init(decoding bytes: UnsafeRawBufferPointer, at offset: Int, context: String) throws {
        var r = ThriftCompactReader(bytes, context: context, position: offset)
        var sawSubHeader = false
        try r.readStruct { r, f in
            switch (f.id, f.type) {
            case (1, _): type = try r.i32(f)
            case (2, _): uncompressedSize = try r.i32(f)
            case (3, _): compressedSize = try r.i32(f)
            case (5, .structure):
                sawSubHeader = true
                try r.readStruct { r, d in
                    switch d.id {
                    case 1: numValues = try r.i32(d)
                    case 2: encoding = try r.i32(d)
                    case 3: definitionLevelEncoding = try r.i32(d)
                    case 4: repetitionLevelEncoding = try r.i32(d)
                    default: try r.skip(d.type)
                    }
                }
            case (7, .structure):
                sawSubHeader = true
                try r.readStruct { r, d in
                    switch d.id {
                    case 1: numValues = try r.i32(d)
                    case 2: encoding = try r.i32(d)
                    default: try r.skip(d.type)
                    }
                }
            case (8, .structure):
                sawSubHeader = true
                try r.readStruct { r, d in
                    switch (d.id, d.type) {
                    case (1, _): numValues = try r.i32(d)
                    case (4, _): encoding = try r.i32(d)
                    case (5, _): definitionLevelsByteLength = try r.i32(d)
                    case (6, _): repetitionLevelsByteLength = try r.i32(d)
                    case (7, .boolTrue), (7, .boolFalse): isCompressed = try r.readBool()
                    default: try r.skip(d.type)
                    }
                }
            default: try r.skip(f.type)
            }
        }
        guard uncompressedSize >= 0, compressedSize >= 0 else {
            throw r.error("page sizes missing or negative")
        }
        guard numValues >= 0, definitionLevelsByteLength >= 0, repetitionLevelsByteLength >= 0 else {
            throw r.error("negative counts in the page header")
        }
        if !sawSubHeader && (type == ParquetPageType.dataPage.rawValue || type == ParquetPageType.dataPageV2.rawValue
                             || type == ParquetPageType.dictionaryPage.rawValue) {
            throw r.error("page of type \(type) without its header")
        }
        headerLength = r.position - offset
    }
}
