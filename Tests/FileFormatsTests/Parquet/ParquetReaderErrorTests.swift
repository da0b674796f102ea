@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// Bad input fails with a clear `ParquetDecodingError`, never a crash: truncated and corrupted
/// files, columns missing from the file or of a type it cannot supply, a bad `maxRows`.
@Suite struct ParquetReaderErrorTests {
    private func decode(_ bytes: [UInt8], schema: Schema, maxRows: Int = 1024) throws -> Int {
        var rows = 0
        try bytes.withUnsafeBytes { raw in
            try ParquetObjectDecoder().decode(raw, schema: schema, maxRows: maxRows) { rows += $0.length }
        }
        return rows
    }

    private func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("every truncation of a file is an error", .requires(.python))
    func truncated() throws {
        let stream = try ParquetInputs.stream("nested")
        let bytes = try ParquetTestEncoding.encode(stream, options: ParquetTestEncoding.options(compression: .none))
        for length in Swift.stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: ParquetDecodingError.self, "cut at \(length)") {
                _ = try decode(Array(bytes[0..<length]), schema: stream.schema)
            }
        }
    }

    @Test("corrupted bytes give an error or values, never a crash", .requires(.python), arguments: ParquetWriterOptions.Compression.allCases)
    func corrupted(compression: ParquetWriterOptions.Compression) throws {
        let stream = try ParquetInputs.stream("nested")
        let bytes = try ParquetTestEncoding.encode(stream, options: ParquetTestEncoding.options(compression: compression))
        var failures = 0
        var generator = SplitMix64(seed: 42)
        for position in 4..<(bytes.count - 4) {
            var damaged = bytes
            damaged[position] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
            do {
                _ = try decode(damaged, schema: stream.schema, maxRows: 3)
            } catch {
                failures += 1
                // Every failure says it is Parquet (or the Arrow builder refusing a value) and where.
                #expect("\(error)".hasPrefix("parquet: "), "\(error)")
            }
        }
        #expect(failures > 0)
    }

    @Test("not Parquet at all")
    func notParquet() throws {
        let schema = Schema(fields: [Field(name: "a", type: .int64)])
        #expect(message { _ = try decode([], schema: schema) }?.contains("too short") == true)
        #expect(message { _ = try decode(Array("PAR1 hello world PAR2".utf8), schema: schema) }?.contains("PAR1") == true)
        #expect(message { _ = try decode(Array("PAR1\u{ff}\u{ff}\u{ff}\u{7f}PAR1".utf8), schema: schema) } != nil)
    }

    @Test("a column of the schema missing from the file names the column", .requires(.python))
    func missingColumn() throws {
        let stream = try ParquetInputs.stream("sliced")
        let bytes = try ParquetTestEncoding.encode(stream)
        let schema = Schema(fields: stream.schema.fields + [Field(name: "not_there", type: .utf8)])
        let text = message { _ = try decode(bytes, schema: schema) }
        #expect(text?.contains("\"not_there\"") == true, "\(text ?? "no error")")
    }

    @Test("a column of an incompatible type names the column and both types", .requires(.python))
    func incompatible() throws {
        let stream = try ParquetInputs.stream("sliced")
        let bytes = try ParquetTestEncoding.encode(stream)
        for (name, type, children) in [("s", ArrowType.int64, [Field]()), ("i", .utf8, []), ("i", .list, [Field(name: "item", type: .int64)]),
                                       ("l", .int32, []), ("st", .bool, []), ("b", .float64, [])] {
            let schema = Schema(fields: [Field(name: name, type: type, children: children)])
            let text = message { _ = try decode(bytes, schema: schema) }
            #expect(text?.contains("\"\(name)") == true && text?.contains("\(type)") == true, "\(text ?? "no error")")
        }
    }

    @Test("maxRows must be positive", .requires(.python))
    func maxRows() throws {
        let stream = try ParquetInputs.stream("sliced")
        let bytes = try ParquetTestEncoding.encode(stream)
        #expect(message { _ = try decode(bytes, schema: stream.schema, maxRows: 0) }?.contains("maxRows") == true)
        #expect(try decode(bytes, schema: stream.schema, maxRows: 1) == 30)
    }

    @Test("the comparison helper notices changed values", .requires(.python))
    func comparisonDetectsDifferences() throws {
        let stream = try ParquetInputs.stream("primitives")
        let problems = DecoderComparison.mismatches(
            expected: stream.batches, actual: stream.batches.reversed(), schema: stream.schema, lossy: .init())
        #expect(!problems.isEmpty)
        // Identical batches match, except where the expected value is the lossy written form
        // (date64 comes back as whole days).
        let same = DecoderComparison.mismatches(expected: stream.batches, actual: stream.batches,
                                                      schema: stream.schema, lossy: .init())
        #expect(!same.isEmpty && same.allSatisfy { $0.contains(", date64:") }, "\(same)")
        let sliced = try ParquetInputs.stream("sliced")
        #expect(DecoderComparison.mismatches(expected: sliced.batches, actual: sliced.batches,
                                                   schema: sliced.schema, lossy: .init()).isEmpty)
    }
}
