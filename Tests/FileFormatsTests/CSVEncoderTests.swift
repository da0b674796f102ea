@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// Object-level behaviour of the CSV encoder: header once per object, written by the first
/// `write` (as arrow-go's `sync.Once`), `skip_header`, batches appended, bounded flushing.
@Suite struct CSVEncoderTests {
    @Test(.requires(.python)) func headerOncePerObjectAcrossBatches() throws {
        #expect(try CSVEncoding.lines(CSVInputs.stream("multi"))
            == ["id,s", "0,\"r0,0\"", "1,\"r0,1\"", "20,\"r2,0\"", "21,\"r2,1\"", "22,\"r2,2\""])
    }

    @Test(.requires(.python)) func skipHeaderWritesOnlyRows() throws {
        #expect(try CSVEncoding.lines(CSVInputs.stream("multi"), header: false)
            == ["0,\"r0,0\"", "1,\"r0,1\"", "20,\"r2,0\"", "21,\"r2,1\"", "22,\"r2,2\""])
    }

    @Test(.requires(.python)) func eachObjectGetsItsOwnHeader() throws {
        let stream = try CSVInputs.stream("multi")
        let first = try CSVEncoding.encode(stream).text
        let second = try CSVEncoding.encode(stream).text
        #expect(first == second && first.hasPrefix("id,s\n"))
    }

    /// Go writes the header on the first `Write`, even of a zero-row batch …
    @Test(.requires(.python)) func zeroRowFirstBatchStillWritesTheHeader() throws {
        #expect(try CSVEncoding.lines(CSVInputs.stream("empty_first")) == ["id,s", "0,\"r0,0\"", "1,\"r0,1\""])
        let stream = try CSVInputs.stream("empty_first")
        let sink = CSVRecordingSink()
        var encoder = try CSVEncoder(delimiter: UInt8(ascii: ","), header: true)
        try encoder.write(try #require(stream.batches.first), into: sink)
        #expect(sink.text == "id,s\n")
    }

    /// … so an object that never receives a batch has no bytes at all.
    @Test func objectWithoutBatchesIsEmpty() throws {
        let sink = CSVRecordingSink()
        var encoder = try CSVEncoder(delimiter: UInt8(ascii: ","), header: true)
        try encoder.begin(into: sink)
        try encoder.finish(into: sink)
        #expect(sink.chunks.isEmpty)
    }

    @Test(.requires(.python)) func schemaWithoutColumnsWritesAnEmptyHeaderLine() throws {
        #expect(try CSVEncoding.encode(CSVInputs.stream("no_columns")).text == "\n")
    }

    @Test(.requires(.python)) func largeBatchesAreFlushedInBoundedChunks() throws {
        let stream = try CSVInputs.stream("big")
        let sink = try CSVEncoding.encode(stream, flushThreshold: 4096)
        #expect(sink.chunks.count > 20)
        #expect(sink.chunks.allSatisfy { $0.count < 4096 + 64 })
        let lines = sink.text.split(separator: "\n")
        #expect(lines.count == 20_001 && lines[0] == "id,s" && lines[1] == "0,row 0" && lines[20_000] == "19999,row 19999")
        #expect(try CSVEncoding.encode(stream).bytes == sink.bytes)
    }

    @Test(.requires(.python)) func slicedBatchesRenderTheirOwnRows() throws {
        let batch = try #require(try CSVInputs.stream("integers").batches.first)
        let sink = CSVRecordingSink()
        var encoder = try CSVEncoder(delimiter: UInt8(ascii: ","), header: false)
        try encoder.write(batch.slice(offset: 1, length: 2), into: sink)
        #expect(sink.text == "127,32767,2147483647,9223372036854775807,255,65535,4294967295,18446744073709551615,false,\n"
            + ",,,,,,,,,\n")
    }

    @Test(.requires(.python)) func aBatchWithAnotherSchemaIsRejected() throws {
        let first = try #require(try CSVInputs.stream("multi").batches.first)
        let other = try #require(try CSVInputs.stream("other_schema").batches.first)
        let sink = CSVRecordingSink()
        var encoder = try CSVEncoder(delimiter: UInt8(ascii: ","), header: true)
        try encoder.write(first, into: sink)
        let error = try #require(throws: CSVEncoderError.self) { try encoder.write(other, into: sink) }
        #expect(error.description.contains("share one schema"))
    }

    @Test(.requires(.python)) func aFailingSinkFailsTheWrite() throws {
        struct Refused: Error {}
        let sink = CSVRecordingSink()
        sink.failWith = Refused()
        var encoder = try CSVEncoder(delimiter: UInt8(ascii: ","), header: true)
        #expect(throws: Refused.self) { try encoder.write(try #require(try CSVInputs.stream("multi").batches.first), into: sink) }
    }
}
