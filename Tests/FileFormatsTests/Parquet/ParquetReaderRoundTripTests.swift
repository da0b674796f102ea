@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// Files written by our `ParquetEncoder` read back, value by value, as the batches written:
/// every type in every format version, each codec, several row groups, nulls, nesting.
@Suite(.requires(.python)) struct ParquetReaderRoundTripPythonTests {
    static let typeCases = ["primitives", "required", "timestamps", "strings", "intervals", "nested", "sliced",
                            "all_nulls", "huge_values", "fallback"]

    @Test("every type reads back as written", arguments: ParquetWriterOptions.FormatVersion.allCases)
    func everyType(version: ParquetWriterOptions.FormatVersion) throws {
        for name in Self.typeCases {
            let stream = try ParquetInputs.stream(name)
            let bytes = try ParquetTestEncoding.encode(stream, options: ParquetTestEncoding.options(version: version))
            let lossy = DecoderComparison.Lossy(nanosecondsTruncatedToMicros: version != .v2_6)
            try DecoderComparison.expectRoundTrip(ParquetObjectDecoder(), bytes, expected: stream.batches, schema: stream.schema,
                                                        lossy: lossy, label: "\(name) v\(version.rawValue)")
        }
    }

    @Test("each codec", arguments: ParquetWriterOptions.Compression.allCases)
    func codecs(compression: ParquetWriterOptions.Compression) throws {
        for name in ["primitives", "strings", "nested", "many"] {
            let stream = try ParquetInputs.stream(name)
            let bytes = try ParquetTestEncoding.encode(stream, options: ParquetTestEncoding.options(compression: compression))
            try DecoderComparison.expectRoundTrip(ParquetObjectDecoder(), bytes, expected: stream.batches, schema: stream.schema,
                                                        label: "\(name) \(compression)")
        }
    }

    @Test("several row groups, batches of at most maxRows rows across them")
    func rowGroups() throws {
        for (name, groupLength, maxRows) in [("many", Int64(3000), 1024), ("nested", 2, 3), ("primitives", 4, 1), ("sliced", 7, 5)] {
            let stream = try ParquetInputs.stream(name)
            var options = ParquetWriterOptions()
            options.maxRowGroupLength = groupLength
            options.dataPageSize = 4096  // several pages per chunk too
            let bytes = try ParquetTestEncoding.encode(stream, options: options)
            let batches = try DecoderComparison.expectRoundTrip(
                ParquetObjectDecoder(),
                bytes, expected: stream.batches, schema: stream.schema, maxRows: maxRows, label: "\(name) groups of \(groupLength)")
            let rows = stream.batches.reduce(0) { $0 + $1.length }
            #expect(batches.count == (rows + maxRows - 1) / maxRows)
        }
    }

    @Test("dictionary encoding off: PLAIN pages only")
    func plainOnly() throws {
        for name in ["primitives", "nested", "strings"] {
            let stream = try ParquetInputs.stream(name)
            var options = ParquetWriterOptions()
            options.dictionaryEnabled = false
            options.compression = .zstd
            let bytes = try ParquetTestEncoding.encode(stream, options: options)
            try DecoderComparison.expectRoundTrip(ParquetObjectDecoder(), bytes, expected: stream.batches, schema: stream.schema, label: "\(name) plain")
        }
    }

    @Test("an object without rows reads as no batches")
    func empty() throws {
        for name in ["empty", "empty_batch"] {
            let stream = try ParquetInputs.stream(name)
            let bytes = try ParquetTestEncoding.encode(stream)
            var count = 0
            try bytes.withUnsafeBytes { raw in
                try ParquetObjectDecoder().decode(raw, schema: stream.schema, maxRows: 10) { _ in count += 1 }
            }
            #expect(count == 0)
        }
    }

    @Test("columns are matched by name: a subset in another order")
    func byName() throws {
        let stream = try ParquetInputs.stream("primitives")
        let bytes = try ParquetTestEncoding.encode(stream)
        let picked = ["utf8", "int64", "dec_38_10", "bool"]
        let fields = picked.map { name in stream.schema.fields.first { $0.name == name }! }
        let schema = Schema(fields: fields)
        let expected = stream.batches.map { batch in
            RecordBatch(schema: schema, length: batch.length, columns: picked.map { batch.column(named: $0)! })
        }
        try DecoderComparison.expectRoundTrip(ParquetObjectDecoder(), bytes, expected: expected, schema: schema, maxRows: 4, label: "subset")
    }

    @Test("the CLI 6.21.1 insert payloads read back", .requires(.sharedData))
    func cliPayloads() throws {
        let directory = try ParquetTestEnvironment.sharedDirectory().appendingPathComponent("testdata/cli-6.21.1")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".arrow") && $0.contains("insert")
        }.sorted()
        try #require(!names.isEmpty, "no CLI insert payloads in \(directory.path)")
        for name in names {
            let stream = try ArrowIPC.readStream([UInt8](try Data(contentsOf: directory.appendingPathComponent(name))))
            let bytes = try ParquetTestEncoding.encode(stream)
            try DecoderComparison.expectRoundTrip(ParquetObjectDecoder(), bytes, expected: stream.batches, schema: stream.schema, label: name)
        }
    }
}
