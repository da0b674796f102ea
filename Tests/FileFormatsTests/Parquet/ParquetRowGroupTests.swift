@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// Row groups and streaming: `max_row_group_length` splits rows exactly, the byte bound makes
/// row groups leave before `finish`, pages and dictionaries stay bounded, and objects without
/// rows are valid files with the full schema.
@Suite(.requires(.python)) struct ParquetRowGroupPythonTests {
    @Test func rowGroupsOfMaxRowGroupLength() throws {
        let stream = try ParquetInputs.stream("many")
        var options = ParquetWriterOptions()
        options.maxRowGroupLength = 3000
        let bytes = try ParquetTestEncoding.encode(stream, options: options)
        let report = try #require(try ParquetReadBack.expectReadBack([.init("many/3000", bytes, input: "many")]).first)
        // 20000 rows arrive in batches of 2500; row groups ignore batch boundaries.
        #expect(report.rowGroups?.map(\.rows) == [3000, 3000, 3000, 3000, 3000, 3000, 2000])
        #expect(report.ordinals == [0, 1, 2, 3, 4, 5, 6])
        for group in report.rowGroups ?? [] {
            for chunk in group.columns {
                #expect(chunk.statistics?.has_min_max == true, "\(chunk.path)")
                // A chunk's pages hold all of its levels.
                let values = chunk.pages.filter { $0[0] == .int(0) }.reduce(0) {
                    if case .int(let n) = $1[1] { return $0 + Int(n) } else { return $0 }
                }
                #expect(values == chunk.numValues, "\(chunk.path)")
            }
        }
    }

    @Test func zeroMaxRowGroupLengthIsRejected() throws {
        let schema = try ParquetInputs.stream("many").schema
        for length: Int64 in [0, -1] {
            var options = ParquetWriterOptions()
            options.maxRowGroupLength = length
            #expect {
                _ = try ParquetEncoder(schema: schema, options: options)
            } throws: { error in
                "\(error)".contains("max_row_group_length must be positive")
            }
        }
    }

    /// With a small byte bound, row groups leave for the sink while batches are still coming.
    @Test func byteBoundStreamsRowGroupsBeforeFinish() throws {
        let stream = try ParquetInputs.stream("many")
        var options = ParquetWriterOptions()
        options.maxRowGroupBytes = 64 * 1024
        let sink = ParquetRecordingSink()
        var encoder = try ParquetEncoder(schema: stream.schema, options: options)
        try encoder.begin(into: sink)
        var sizesAfterBatches: [Int] = []
        for batch in stream.batches {
            try encoder.write(batch, into: sink)
            sizesAfterBatches.append(sink.byteCount)
            // What stays behind is about one row group's worth, never the object.
            #expect(encoder.bufferedByteCount < 4 * options.maxRowGroupBytes)
        }
        let beforeFinish = sink.byteCount
        try encoder.finish(into: sink)
        #expect(sizesAfterBatches.first.map { $0 > 4 } == true, "no row group left after the first batch")
        #expect(beforeFinish > sink.byteCount / 2, "most of the object should leave before finish")
        #expect(zip(sizesAfterBatches, sizesAfterBatches.dropFirst()).allSatisfy { $0 < $1 })

        let report = try #require(try ParquetReadBack.expectReadBack([.init("many/64KiB", sink.bytes, input: "many")]).first)
        let groups = try #require(report.rowGroups)
        #expect(groups.count > 5)
        #expect(groups.map(\.rows).reduce(0, +) == 20000)
    }

    /// Pages close at `dataPageSize`; dictionary and plain pages both split.
    @Test func smallPages() throws {
        let stream = try ParquetInputs.stream("many")
        var options = ParquetWriterOptions()
        options.dataPageSize = 4096
        let bytes = try ParquetTestEncoding.encode(stream, options: options)
        let report = try #require(try ParquetReadBack.expectReadBack([.init("many/4KiB pages", bytes, input: "many")]).first)
        for path in ["id", "unique_text", "ratio", "pairs.list.element", "drifting_label"] {
            let chunk = try #require(report.chunks(path).first)
            #expect(chunk.dataPageCount > 10, "\(path): \(chunk.dataPageCount) pages")
            #expect(chunk.pages.allSatisfy { $0[3] == .bool($0[0] == .int(0)) }, "data pages carry statistics")
        }
    }

    /// Past 1 MiB of dictionary the rest of the chunk is PLAIN, keeping the earlier pages.
    @Test func dictionaryFallsBackToPlain() throws {
        let stream = try ParquetInputs.stream("fallback")
        let bytes = try ParquetTestEncoding.encode(stream)
        let report = try #require(try ParquetReadBack.expectReadBack([.init("fallback", bytes, input: "fallback")]).first)
        let text = try #require(report.chunks("s").first)
        #expect(text.encodings == ["RLE_DICTIONARY", "PLAIN", "RLE", "PLAIN"])
        #expect(text.dictionaryPageCount == 1 && text.pages.first?.first == .int(2))
        let dataEncodings = Set(text.pages.filter { $0[0] == .int(0) }.map { $0[2] })
        #expect(dataEncodings == [.int(8), .int(0)])
        // 40000 distinct int64s are 320 KB of dictionary: no fallback.
        let numbers = try #require(report.chunks("n").first)
        #expect(numbers.encodings == ["RLE_DICTIONARY", "PLAIN", "RLE"])

        var plainOnly = ParquetWriterOptions()
        plainOnly.dictionaryEnabled = false
        let plain = try ParquetTestEncoding.encode(stream, options: plainOnly)
        let plainReport = try #require(try ParquetReadBack.expectReadBack([.init("fallback plain", plain, input: "fallback")]).first)
        for path in ["s", "n"] {
            let chunk = try #require(plainReport.chunks(path).first)
            #expect(!chunk.hasDictionaryPage && chunk.encodings == ["PLAIN", "RLE"], "\(path)")
        }
    }

    /// No rows: magic, the full schema, no row groups.
    @Test func objectsWithoutRows() throws {
        var files: [ParquetReadBack.File] = []
        for name in ["empty", "empty_batch"] {
            let stream = try ParquetInputs.stream(name)
            files.append(.init(name, try ParquetTestEncoding.encode(stream), input: name))
        }
        let reports = try ParquetReadBack.expectReadBack(files)
        for (file, report) in zip(files, reports) {
            #expect(report.rows == 0, "\(file.label)")
            #expect(report.rowGroups?.isEmpty == true, "\(file.label)")
            #expect(report.columnOrders == report.columns?.count, "\(file.label)")
            #expect((report.columns?.count ?? 0) > 10, "\(file.label): the full schema")
        }
        // The `empty` stream has the nested schema, `empty_batch` the primitive one.
        #expect(reports[0].column("map_large.key_value.value.list.element")?.maxRep == 2)
        #expect(reports[1].column("dec256_76_20")?.length == 32)
    }

    /// The sink sees the magic at `begin`, nothing more until a row group is done.
    @Test func bytesLeaveOnlyPerRowGroup() throws {
        let stream = try ParquetInputs.stream("primitives")
        let sink = ParquetRecordingSink()
        var encoder = try ParquetEncoder(schema: stream.schema)
        try encoder.begin(into: sink)
        #expect(sink.bytes == Array("PAR1".utf8))
        for batch in stream.batches { try encoder.write(batch, into: sink) }
        #expect(sink.byteCount == 4)
        #expect(encoder.bufferedByteCount > 0)
        try encoder.finish(into: sink)
        let bytes = sink.bytes
        #expect(Array(bytes.suffix(4)) == Array("PAR1".utf8))
        #expect(encoder.bufferedByteCount < 64 * 1024)
    }
}
