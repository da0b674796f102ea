@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// The encoder as an `ObjectEncoder`: batches, slices, flushing.
@Suite(.requires(.python)) struct JSONLinesEncoderPythonTests {
    @Test func batchesFollowEachOther() throws {
        let stream = try JSONLinesInputs.stream("multi")
        #expect(stream.batches.map(\.length) == [2, 0, 3])
        let text = try JSONLinesEncoding.encode(stream).text
        #expect(text == """
            {"id":0,"s":"r0.0"}
            {"id":1,"s":"r0.1"}
            {"id":20,"s":"r2.0"}
            {"id":21,"s":"r2.1"}
            {"id":22,"s":"r2.2"}

            """)
    }

    @Test func emptyBatchWritesNothing() throws {
        let sink = try JSONLinesEncoding.encode(JSONLinesInputs.stream("empty"))
        #expect(sink.bytes.isEmpty)
        #expect(sink.chunks.isEmpty)
    }

    @Test func slicedBatchWritesOnlyItsRows() throws {
        let stream = try JSONLinesInputs.stream("nested")
        let batch = try #require(stream.batches.first)
        let whole = try JSONLinesEncoding.lines(stream)
        let sink = JSONLinesRecordingSink()
        var encoder = JSONLinesEncoder()
        try encoder.begin(into: sink)
        try encoder.write(batch.slice(offset: 1, length: 2), into: sink)
        try encoder.write(batch.slice(offset: 0, length: 1), into: sink)
        try encoder.finish(into: sink)
        #expect(sink.text == whole[1] + "\n" + whole[2] + "\n" + whole[0] + "\n")
    }

    @Test func smallFlushThresholdSplitsWritesWithoutChangingBytes() throws {
        let stream = try JSONLinesInputs.stream("strings")
        let once = try JSONLinesEncoding.encode(stream)
        let split = try JSONLinesEncoding.encode(stream, flushThreshold: 16)
        #expect(split.bytes == once.bytes)
        #expect(split.chunks.count == 7)  // every row passes 16 bytes
        #expect(once.chunks.count == 1)
    }

    @Test func failedBatchWritesNothingOfThatBatch() throws {
        let stream = try JSONLinesInputs.stream("float16_nan")
        let sink = JSONLinesRecordingSink()
        var encoder = JSONLinesEncoder()
        #expect(throws: ValueRenderingError.self) { try encoder.write(stream.batches[0], into: sink) }
        #expect(sink.bytes.isEmpty)
    }

    @Test func errorMessageNamesColumnAndRow() throws {
        let stream = try JSONLinesInputs.stream("bad_json_0")
        do {
            _ = try JSONLinesEncoding.encode(stream)
            Issue.record("expected an error")
        } catch let error as ValueRenderingError {
            #expect(error.description.hasPrefix("cannot encode column \"json_col\" (row 1 of the batch): json value is not valid JSON"))
        }
    }
}
