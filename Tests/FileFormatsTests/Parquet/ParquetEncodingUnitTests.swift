@testable import FileFormats
import Testing

/// The building blocks, checked against the format's definitions rather than through pyarrow:
/// the RLE/bit-packing hybrid (decoded here by a reader written from Encodings.md), thrift
/// compact field headers, the dictionary and the statistics' ordering rules.
@Suite struct ParquetEncodingUnitTests {
    /// A decoder for the RLE/bit-packing hybrid, straight from parquet-format `Encodings.md`.
    static func decodeHybrid(_ bytes: [UInt8], bitWidth: Int, count: Int) throws -> [UInt64] {
        var values: [UInt64] = []
        var position = 0
        func varint() throws -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard position < bytes.count else { throw ParquetEncodingError("truncated varint") }
                let byte = bytes[position]
                position += 1
                result |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return result }
                shift += 7
            }
        }
        while values.count < count {
            let header = try varint()
            if header & 1 == 0 {
                let runLength = Int(header >> 1)
                var value: UInt64 = 0
                for k in 0..<((bitWidth + 7) / 8) {
                    guard position < bytes.count else { throw ParquetEncodingError("truncated run") }
                    value |= UInt64(bytes[position]) << UInt64(8 * k)
                    position += 1
                }
                values += Array(repeating: value, count: runLength)
            } else {
                let valueCount = Int(header >> 1) * 8
                #expect(valueCount <= 512, "literal runs stay within 64 groups")
                var bit = 0
                for _ in 0..<valueCount {
                    var value: UInt64 = 0
                    for b in 0..<bitWidth {
                        let index = position + (bit + b) / 8
                        guard index < bytes.count else { throw ParquetEncodingError("truncated bit-packed run") }
                        value |= UInt64((bytes[index] >> UInt8((bit + b) % 8)) & 1) << UInt64(b)
                    }
                    bit += bitWidth
                    values.append(value)
                }
                position += valueCount * bitWidth / 8
            }
        }
        #expect(position == bytes.count, "trailing bytes after the runs")
        return Array(values.prefix(count))
    }

    /// Deterministic pseudo-random values (an LCG), so failures reproduce.
    static func pseudoRandom(count: Int, seed: UInt64, modulo: UInt64) -> [UInt32] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt32((state >> 33) % modulo)
        }
    }

    @Test("RLE/bit-packed hybrid round trip", arguments: [1, 2, 3, 7, 8, 9, 13, 16, 20, 31, 32])
    func hybridRoundTrip(bitWidth: Int) throws {
        let maxValue = bitWidth == 32 ? UInt64(UInt32.max) + 1 : UInt64(1) << UInt64(bitWidth)
        var inputs: [[UInt32]] = [
            [],
            [0],
            Array(repeating: UInt32(maxValue - 1), count: 1000),
            Self.pseudoRandom(count: 1001, seed: UInt64(bitWidth), modulo: maxValue),
            // runs of every length around the RLE threshold, separated by other values
            (1...20).flatMap { length in Array(repeating: UInt32(length % Int(min(maxValue, 1 << 16))), count: length) + [0] },
        ]
        inputs.append(inputs[3].map { $0 & 1 })  // long stretches of short runs
        for values in inputs {
            var out: [UInt8] = []
            RLEHybridEncoder.encode(values, bitWidth: bitWidth, into: &out)
            let decoded = try Self.decodeHybrid(out, bitWidth: bitWidth, count: values.count)
            #expect(decoded == values.map(UInt64.init), "bit width \(bitWidth), \(values.count) values")
        }
    }

    @Test func hybridUsesRunsForRepeats() {
        var out: [UInt8] = []
        RLEHybridEncoder.encode([UInt8](repeating: 1, count: 10_000), bitWidth: 1, into: &out)
        // One RLE run: varint(10000 << 1) is 3 bytes, then the value in one byte.
        #expect(out == [0xA0, 0x9C, 0x01, 0x01])
        #expect(RLEHybridEncoder.bitWidth(forMaxValue: 0) == 0)
        #expect(RLEHybridEncoder.bitWidth(forMaxValue: 1) == 1)
        #expect(RLEHybridEncoder.bitWidth(forMaxValue: 3) == 2)
        #expect(RLEHybridEncoder.bitWidth(forMaxValue: 4) == 3)
    }

    @Test func thriftFieldHeaders() {
        var writer = ThriftCompactWriter()
        writer.writeStruct { w in
            w.field(1, i32: -1)     // delta 1, type i32 (5), zigzag(-1) = 1
            w.field(20, i64: 300)   // delta 19 > 15: type byte, then zigzag field id 40
            w.field(21, bool: true) // delta 1, type BOOLEAN_TRUE (1), no value byte
            w.field(22, string: "ab")
        }
        #expect(writer.bytes == [0x15, 0x01, 0x06, 40, 0xD8, 0x04, 0x11, 0x18, 0x02, 0x61, 0x62, 0x00])
        var list = ThriftCompactWriter()
        list.writeStruct { $0.field(1, i32List: Array(repeating: 1, count: 15)) }
        // 15 elements do not fit the short list header: 0xF5 then varint(15).
        #expect(Array(list.bytes.prefix(3)) == [0x19, 0xF5, 0x0F])
    }

    @Test func dictionaryIndexesDistinctValues() {
        var dictionary = ParquetDictionary(fixedWidth: nil)
        let words = (0..<5000).map { "value-\($0 % 1500)" }
        let indexes = words.map { word in Array(word.utf8).withUnsafeBytes { dictionary.index(of: $0) } }
        #expect(dictionary.count == 1500)
        #expect(indexes.prefix(1500) == ArraySlice((0..<1500).map(Int32.init)))
        #expect(Array(indexes.suffix(from: 1500)) == (1500..<5000).map { Int32($0 % 1500) })
        // The dictionary page body is PLAIN: <u32 length><bytes> per entry.
        #expect(Array(dictionary.plain.prefix(11)) == [7, 0, 0, 0] + Array("value-0".utf8))
        let empty = Array("".utf8).withUnsafeBytes { dictionary.index(of: $0) }
        #expect(empty == 1500)

        var fixed = ParquetDictionary(fixedWidth: 8)
        for k in 0..<3000 {
            let index = withUnsafeBytes(of: Int64(k % 700)) { fixed.index(of: $0) }
            #expect(index == Int32(k % 700))
        }
        #expect(fixed.plain.count == 700 * 8)
    }

    @Test func floatStatisticsFollowTheSpec() {
        var zeros = ParquetStatistics(order: .double)
        for value in [0.0, Double.nan, 0.0] { zeros.add(floatingPoint: value) }
        let encoded = zeros.encoded(maxSize: 4096)
        // A zero minimum is written -0.0, a zero maximum +0.0; NaN is ignored.
        #expect(encoded.min == withUnsafeBytes(of: (-0.0).bitPattern.littleEndian) { Array($0) })
        #expect(encoded.max == withUnsafeBytes(of: (0.0).bitPattern.littleEndian) { Array($0) })
        var nans = ParquetStatistics(order: .float)
        nans.add(floatingPoint: .nan)
        nans.addNulls(2)
        #expect(nans.encoded(maxSize: 4096).min == nil && nans.encoded(maxSize: 4096).nullCount == 2)
    }

    @Test func integerAndByteOrders() {
        var unsigned = ParquetStatistics(order: .unsignedInt64)
        for value: Int64 in [1, -1, 5] { unsigned.add(integer: value) }  // -1 is UInt64.max
        #expect(unsigned.encoded(maxSize: 4096).max == Array(repeating: 0xFF, count: 8))
        #expect(unsigned.encoded(maxSize: 4096).signedSortOrder == false)
        var unsigned32 = ParquetStatistics(order: .unsignedInt32)
        for value: Int32 in [7, -2] { unsigned32.add(int32: value) }
        #expect(unsigned32.encoded(maxSize: 4096).min == [7, 0, 0, 0])
        var decimals = ParquetStatistics(order: .signedBytes)
        for bytes: [UInt8] in [[0x00, 0x05], [0xFF, 0xFE], [0x7F, 0x00]] {
            bytes.withUnsafeBytes { decimals.add(bytes: $0) }
        }
        #expect(decimals.encoded(maxSize: 4096).min == [0xFF, 0xFE])
        #expect(decimals.encoded(maxSize: 4096).max == [0x7F, 0x00])
        var strings = ParquetStatistics(order: .unsignedBytes)
        for text in ["b", "ab", "\u{e9}", "abc"] { Array(text.utf8).withUnsafeBytes { strings.add(bytes: $0) } }
        #expect(strings.encoded(maxSize: 4096).min == Array("ab".utf8))
        #expect(strings.encoded(maxSize: 4096).max == Array("\u{e9}".utf8))
        #expect(strings.encoded(maxSize: 1).min == nil)
    }

    @Test func decimalWidths() {
        // arrow-go DecimalSize: the fewest bytes holding 10^p - 1 in two's complement.
        let expected = [1: 1, 2: 1, 3: 2, 9: 4, 10: 5, 18: 8, 19: 9, 38: 16, 39: 17, 76: 32]
        for (precision, width) in expected {
            #expect(ParquetSchema.decimalByteWidth(precision: precision) == width, "precision \(precision)")
        }
    }
}
