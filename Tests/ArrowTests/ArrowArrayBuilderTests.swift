@testable import Arrow
import Foundation
import Testing

/// Arrays made by `ArrowArrayBuilder` answer every accessor like decoded ones.
@Suite struct ArrowArrayBuilderTests {
    /// Builds one column of `type` from `values` (nil = null) with `append`.
    static func build(_ type: ArrowType, _ values: [Any?], children: [Field] = []) throws -> ArrowArray {
        let builder = ArrowArrayBuilder(field: Field(name: "c", type: type, children: children))
        for value in values {
            switch value {
            case nil: builder.appendNull()
            case let v as Bool: try builder.append(v)
            case let v as Int: try builder.append(Int64(v))
            case let v as UInt64: try builder.append(v)
            case let v as Double: try builder.append(v)
            case let v as String: try Array(v.utf8).withUnsafeBytes { try builder.append(bytes: $0) }
            case let v as [UInt8]: try v.withUnsafeBytes { try builder.append(bytes: $0) }
            default: Issue.record("unexpected test value \(String(describing: value))")
            }
        }
        #expect(builder.count == values.count)
        let array = builder.finish()
        #expect(builder.count == 0, "finish starts over")
        #expect(array.length == values.count)
        #expect(array.nullCount == values.filter { $0 == nil }.count)
        for (i, value) in values.enumerated() { #expect(array.isNull(i) == (value == nil), "\(type) element \(i)") }
        return array
    }

    @Test func integersAndTemporalTypes() throws {
        let int8 = try Self.build(.int8, [-128, nil, 127])
        #expect(int8.int8(at: 0) == -128 && int8.int8(at: 2) == 127)
        let int16 = try Self.build(.int16, [nil, -32768, 32767])
        #expect(int16.int16(at: 1) == -32768 && int16.int16(at: 2) == 32767)
        let int32 = try Self.build(.int32, [Int(Int32.min), nil])
        #expect(int32.int32(at: 0) == Int32.min)
        let int64 = try Self.build(.int64, [Int.min, Int.max, nil])
        #expect(int64.int64(at: 0) == Int64.min && int64.int64(at: 1) == Int64.max)
        let uint8 = try Self.build(.uint8, [UInt64(255), nil, 0])
        #expect(uint8.uint8(at: 0) == 255 && uint8.uint8(at: 2) == 0)
        let uint16 = try Self.build(.uint16, [UInt64(65535)])
        #expect(uint16.uint16(at: 0) == 65535)
        let uint32 = try Self.build(.uint32, [UInt64(UInt32.max), nil])
        #expect(uint32.uint32(at: 0) == UInt32.max)
        let uint64 = try Self.build(.uint64, [UInt64.max, nil, 1])
        #expect(uint64.uint64(at: 0) == UInt64.max && uint64.uint64(at: 2) == 1)
        for type in [ArrowType.date32, .time32(.second), .time32(.millisecond), .interval(.yearMonth)] {
            let array = try Self.build(type, [19723, nil, -1])
            #expect(array.int32(at: 0) == 19723 && array.int32(at: 2) == -1, "\(type)")
        }
        #expect(try Self.build(.interval(.yearMonth), [14]).monthInterval(at: 0) == 14)
        for type in [ArrowType.date64, .time64(.microsecond), .time64(.nanosecond), .timestamp(.microsecond, timeZone: "UTC"),
                     .timestamp(.second, timeZone: ""), .duration(.nanosecond)] {
            let array = try Self.build(type, [1_795_394_072_172_344, nil])
            #expect(array.int64(at: 0) == 1_795_394_072_172_344, "\(type)")
        }
    }

    @Test func boolAndFloats() throws {
        let bools = try Self.build(.bool, [true, false, nil, true, true, false, false, true, false, true])
        #expect([0, 1, 3, 4, 5, 6, 7, 8, 9].map { bools.bool(at: $0) }
            == [true, false, true, true, false, false, true, false, true])
        let f32 = try Self.build(.float32, [1.5, nil, -0.0, Double.infinity])
        #expect(f32.float32(at: 0) == 1.5 && f32.float32(at: 2).sign == .minus && f32.float32(at: 3) == .infinity)
        let f64 = try Self.build(.float64, [0.1, nil, Double.nan])
        #expect(f64.float64(at: 0) == 0.1 && f64.float64(at: 2).isNaN)
    }

    /// Half-precision bit patterns from IEEE 754 (ties round to even, overflow to infinity).
    @Test func float16RoundsToNearestHalf() throws {
        let cases: [(Double, UInt16)] = [
            (1.0, 0x3C00), (-2.0, 0xC000), (0.1, 0x2E66), (65504, 0x7BFF), (65519.99, 0x7BFF), (65520, 0x7C00),
            (1e9, 0x7C00), (-Double.infinity, 0xFC00), (0x1p-24, 0x0001), (0x1p-25, 0x0000), (0x1.8p-25, 0x0001),
            (0x1p-14, 0x0400), (0x1.ffcp-15, 0x0400), (1.0 + 0x1p-11, 0x3C00), (1.0 + 0x1.8p-11, 0x3C01), (-0.0, 0x8000),
        ]
        let array = try Self.build(.float16, cases.map { $0.0 } + [nil])
        for (i, (value, bits)) in cases.enumerated() {
            #expect(array.float16Bits(at: i) == bits, "\(value)")
        }
        let nan = try Self.build(.float16, [Double.nan])
        #expect(nan.float16Bits(at: 0) & 0x7C00 == 0x7C00 && nan.float16Bits(at: 0) & 0x3FF != 0)
    }

    @Test func stringsAndBinaries() throws {
        for type in [ArrowType.utf8, .largeUtf8] {
            let array = try Self.build(type, ["héllo", nil, "", "✓"])
            #expect([0, 2, 3].map { array.string(at: $0) } == ["héllo", "", "✓"], "\(type)")
        }
        for type in [ArrowType.binary, .largeBinary] {
            let array = try Self.build(type, [[UInt8]([0, 255, 7]), nil, [UInt8]()])
            #expect(Array(array.bytes(at: 0)) == [0, 255, 7] && array.bytes(at: 2).isEmpty, "\(type)")
        }
        let fixed = try Self.build(.fixedSizeBinary(byteWidth: 3), [[UInt8]([1, 2, 3]), nil, [UInt8]([4, 5, 6])])
        #expect(Array(fixed.bytes(at: 0)) == [1, 2, 3] && Array(fixed.bytes(at: 2)) == [4, 5, 6])
    }

    @Test func decimalsAndIntervals() throws {
        for bits in [32, 64, 128, 256] {
            let minusOne = [UInt8](repeating: 0xFF, count: bits / 8)
            let array = try Self.build(.decimal(precision: 9, scale: 2, bitWidth: bits), [minusOne, nil])
            #expect(CanonicalValues.signedDecimalString(littleEndian: Array(array.bytes(at: 0))) == "-1", "\(bits)")
        }
        var dayTime: [UInt8] = []
        withUnsafeBytes(of: Int32(3).littleEndian) { dayTime += $0 }
        withUnsafeBytes(of: Int32(-4).littleEndian) { dayTime += $0 }
        let dt = try Self.build(.interval(.dayTime), [dayTime, nil])
        #expect(dt.dayTimeInterval(at: 0) == (days: 3, milliseconds: -4))
        var mdn: [UInt8] = []
        withUnsafeBytes(of: Int32(1).littleEndian) { mdn += $0 }
        withUnsafeBytes(of: Int32(2).littleEndian) { mdn += $0 }
        withUnsafeBytes(of: Int64(-3).littleEndian) { mdn += $0 }
        let interval = try Self.build(.interval(.monthDayNano), [nil, mdn])
        #expect(interval.monthDayNanoInterval(at: 1) == (months: 1, days: 2, nanoseconds: -3))
    }

    @Test func nullType() throws {
        let array = try Self.build(.null, [nil, nil, nil])
        #expect(array.nullCount == 3 && array.bufferByteSize == 0)
    }

    @Test func listsOfEveryKind() throws {
        for type in [ArrowType.list, .largeList] {
            let builder = ArrowArrayBuilder(field: Field(name: "l", type: type, children: [Field(name: "item", type: .int64)]))
            try builder.children[0].append(Int64(1))
            builder.children[0].appendNull()
            try builder.appendValid()       // [1, null]
            builder.appendNull()            // null
            try builder.appendValid()       // []
            try builder.children[0].append(Int64(9))
            try builder.appendValid()       // [9]
            let array = builder.finish()
            #expect(array.length == 4 && array.nullCount == 1)
            #expect(array.listRange(at: 0) == 0..<2 && array.listRange(at: 2) == 2..<2 && array.listRange(at: 3) == 2..<3)
            #expect(array.isNull(1) && array.children[0].isNull(1) && array.children[0].int64(at: 2) == 9)
        }
        let fixed = ArrowArrayBuilder(field: Field(name: "f", type: .fixedSizeList(listSize: 2),
                                                   children: [Field(name: "item", type: .int32)]))
        try fixed.children[0].append(Int64(1))
        try fixed.children[0].append(Int64(2))
        try fixed.appendValid()
        fixed.appendNull()
        let array = fixed.finish()
        #expect(array.listRange(at: 0) == 0..<2 && array.listRange(at: 1) == 2..<4)
        #expect(array.isNull(1) && array.children[0].length == 4 && array.children[0].isNull(3))
        #expect(array.children[0].int32(at: 1) == 2)
    }

    @Test func structsAndMaps() throws {
        let point = Field(name: "p", type: .struct, children: [
            Field(name: "x", type: .int32),
            Field(name: "inner", type: .struct, children: [Field(name: "flag", type: .bool)]),
        ])
        let builder = ArrowArrayBuilder(field: point)
        try builder.children[0].append(Int64(5))
        try builder.children[1].children[0].append(true)
        try builder.children[1].appendValid()
        try builder.appendValid()
        builder.appendNull()
        let array = builder.finish()
        #expect(array.length == 2 && array.isNull(1) && array.children[0].isNull(1) && array.children[1].isNull(1))
        #expect(array.children[0].int32(at: 0) == 5 && array.children[1].children[0].bool(at: 0))

        let map = ArrowArrayBuilder(field: Field(name: "m", type: .map(keysSorted: false), children: [
            Field(name: "entries", type: .struct, nullable: false, children: [
                Field(name: "key", type: .utf8, nullable: false), Field(name: "value", type: .int64),
            ]),
        ]))
        let entries = map.children[0]
        for (key, value) in [("a", 1), ("b", 2)] {
            try Array(key.utf8).withUnsafeBytes { try entries.children[0].append(bytes: $0) }
            try entries.children[1].append(Int64(value))
            try entries.appendValid()
        }
        try map.appendValid()
        map.appendNull()
        let maps = map.finish()
        #expect(maps.listRange(at: 0) == 0..<2 && maps.isNull(1))
        #expect(maps.children[0].children[0].string(at: 1) == "b" && maps.children[0].children[1].int64(at: 1) == 2)
    }

    @Test func recordBatchBuilder() throws {
        let schema = Schema(fields: [Field(name: "id", type: .int64), Field(name: "name", type: .utf8)])
        let builder = RecordBatchBuilder(schema: schema)
        try builder.columns[0].append(Int64(1))
        try Array("x".utf8).withUnsafeBytes { try builder.columns[1].append(bytes: $0) }
        builder.columns[0].appendNull()
        #expect(builder.count == 2)
        #expect(throws: ArrowError.self) { try builder.finish() }
        builder.columns[1].appendNull()
        let batch = try builder.finish()
        #expect(batch.length == 2 && batch.columns[1].string(at: 0) == "x" && batch.columns[0].isNull(1))
        // validity (1 byte) + 16 value bytes, validity + 12 offset bytes + 1 data byte.
        #expect(batch.bufferByteSize == 17 + 14)
        #expect(builder.count == 0)
        #expect(try RecordBatchBuilder(schema: Schema(fields: [])).finish().length == 0)
    }

    @Test func builderIsReusableAfterFinish() throws {
        let builder = ArrowArrayBuilder(field: Field(name: "s", type: .utf8))
        try Array("first".utf8).withUnsafeBytes { try builder.append(bytes: $0) }
        let first = builder.finish()
        try Array("second".utf8).withUnsafeBytes { try builder.append(bytes: $0) }
        let second = builder.finish()
        #expect(first.string(at: 0) == "first" && second.string(at: 0) == "second" && second.length == 1)
    }
}
