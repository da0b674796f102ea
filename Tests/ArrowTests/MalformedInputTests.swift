@testable import Arrow
import Foundation
import TestSupport
import Testing

/// Corrupt, truncated and hostile payloads produce an `ArrowError` that says what is wrong;
/// nothing crashes and nothing reads outside the payload.
@Suite struct MalformedInputTests {
    static func insertPayload(_ name: String = "007-insert-harness_items.arrow") throws -> [UInt8] {
        try TestEnvironment.bytes(of: TestEnvironment.sharedDirectory()
            .appendingPathComponent("testdata/cli-6.21.1/\(name)"))
    }

    /// Decodes and, if that succeeds, reads every value of every column (the accessors must be
    /// safe on anything the decoder accepted).
    static func decodeAndTouch(_ bytes: [UInt8]) -> Result<Int, ArrowError> {
        do {
            let stream = try ArrowIPC.readStream(bytes)
            var touched = 0
            for batch in stream.batches {
                for column in batch.columns {
                    touched &+= touch(column)
                }
                _ = batch.slice(offset: batch.length / 2, length: batch.length - batch.length / 2)
            }
            return .success(touched)
        } catch let error as ArrowError {
            return .failure(error)
        } catch {
            Issue.record("unexpected error type: \(error)")
            return .success(-1)
        }
    }

    /// Reads every value of `array` (recursively) through the public accessors.
    static func touch(_ array: ArrowArray) -> Int {
        var sum = 0
        for i in 0..<array.length where !array.isNull(i) {
            switch array.type {
            case .null: break
            case .bool: sum &+= array.bool(at: i) ? 1 : 0
            case .list, .largeList, .fixedSizeList, .map: sum &+= array.listRange(at: i).count
            case .struct: break
            case .utf8, .largeUtf8, .binary, .largeBinary: sum &+= array.bytes(at: i).reduce(0) { $0 &+ Int($1) }
            default: sum &+= array.bytes(at: i).count
            }
        }
        return array.children.reduce(sum) { $0 &+ touch($1) }
    }

    static func expectError(_ bytes: [UInt8], _ kind: ArrowError.Kind, containing text: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        switch decodeAndTouch(bytes) {
        case .success:
            Issue.record("decoded although corrupt (expected: \(text))", sourceLocation: sourceLocation)
        case .failure(let error):
            #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains(text), "\(error)", sourceLocation: sourceLocation)
        }
    }

    /// Where things are in the record batch message of a stream (absolute byte positions).
    struct BatchLayout {
        var nodes: Int
        var buffers: Int
        var body: Int
    }

    static func layout(of bytes: [UInt8]) throws -> BatchLayout {
        try bytes.withUnsafeBytes { whole in
            var framer = IPCMessageFramer(bytes: whole)
            while let message = try framer.next() {
                guard message.headerType == 3, let header = message.header else { continue }
                let metadataStart = header.buffer.bytes.baseAddress! - whole.baseAddress!
                let nodes = try #require(try header.vector(1, name: "nodes", elementSize: 16))
                let buffers = try #require(try header.vector(2, name: "buffers", elementSize: 16))
                return BatchLayout(nodes: metadataStart + nodes.start, buffers: metadataStart + buffers.start,
                                   body: message.bodyStart)
            }
            throw ArrowError.malformed("no record batch")
        }
    }

    static func patch(_ bytes: inout [UInt8], at position: Int, int64 value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(position..<(position + 8), with: $0) }
    }

    @Test(.requires(.sharedData)) func everyTruncationIsAnError() throws {
        let payload = try Self.insertPayload()
        for length in 0..<payload.count {
            if case .success = Self.decodeAndTouch(Array(payload[0..<length])) {
                Issue.record("a \(length)-byte prefix of a \(payload.count)-byte stream decoded")
            }
        }
        #expect(try ArrowIPC.readStream(payload).batches.count == 1)
    }

    /// Every byte of the child-table insert flipped three ways; every third byte of the
    /// 28-column insert (the decoder is slow in debug builds, and most bytes are metadata).
    @Test(.requires(.sharedData), arguments: [("008-insert-harness_items_children.arrow", 1, [0xff, 0x01, 0x80] as [UInt8]),
                      ("007-insert-harness_items.arrow", 3, [0xff] as [UInt8])])
    func flippedBytesNeverCrash(file: String, stride step: Int, masks: [UInt8]) throws {
        let payload = try Self.insertPayload(file)
        var failures = 0
        for position in stride(from: 0, to: payload.count, by: step) {
            for mask in masks {
                var corrupt = payload
                corrupt[position] ^= mask
                if case .failure = Self.decodeAndTouch(corrupt) { failures += 1 }
            }
        }
        // Flips in the metadata are caught; flips in value bytes just change values.
        #expect(failures > 0)
    }

    @Test func randomGarbageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        for length in [1, 4, 8, 16, 64, 300, 4096] {
            for _ in 0..<200 {
                var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                if length >= 8 && Bool.random() { bytes.replaceSubrange(0..<4, with: [0xff, 0xff, 0xff, 0xff]) }
                _ = Self.decodeAndTouch(bytes)
            }
        }
    }

    @Test func emptyInput() {
        Self.expectError([], .truncated, containing: "without the end-of-stream marker")
    }

    @Test func onlyEndOfStream() {
        Self.expectError([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0], .malformed, containing: "no schema message")
    }

    @Test func negativeMetadataLength() {
        Self.expectError([0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x80], .malformed, containing: "negative metadata length")
    }

    @Test(.requires(.sharedData)) func metadataLongerThanThePayload() throws {
        var payload = try Self.insertPayload()
        payload.replaceSubrange(4..<8, with: [0xff, 0xff, 0x00, 0x00])
        Self.expectError(payload, .truncated, containing: "bytes of metadata")
    }

    @Test(.requires(.sharedData)) func garbageMetadataIsReportedAsCorruptFlatbuffer() throws {
        var payload = try Self.insertPayload()
        payload.replaceSubrange(8..<12, with: [0xf0, 0xff, 0xff, 0x7f])  // root offset far out
        Self.expectError(payload, .malformed, containing: "corrupt flatbuffer metadata")
    }

    @Test(.requires(.sharedData)) func recordBatchWithoutSchema() throws {
        let payload = try Self.insertPayload()
        let schemaLength = Int(payload[4]) | Int(payload[5]) << 8 | Int(payload[6]) << 16 | Int(payload[7]) << 24
        let withoutSchema = Array(payload[(8 + schemaLength)...])
        Self.expectError(withoutSchema, .malformed, containing: "before any schema")
    }

    @Test(.requires(.sharedData)) func secondSchemaMessage() throws {
        let payload = try Self.insertPayload()
        let schemaLength = Int(payload[4]) | Int(payload[5]) << 8 | Int(payload[6]) << 16 | Int(payload[7]) << 24
        let schemaMessage = Array(payload[0..<(8 + schemaLength)])
        Self.expectError(schemaMessage + payload, .malformed, containing: "second schema")
    }

    @Test(.requires(.sharedData)) func bufferOutsideTheBody() throws {
        var payload = try Self.insertPayload()
        let layout = try Self.layout(of: payload)
        Self.patch(&payload, at: layout.buffers + 16 * 1, int64: 1 << 40)  // offset of buffer 1
        Self.expectError(payload, .malformed, containing: "lies outside the")
    }

    @Test(.requires(.sharedData)) func bufferTooSmallForItsValues() throws {
        var payload = try Self.insertPayload()
        let layout = try Self.layout(of: payload)
        // Column 0 (_cq_sync_time): buffer 0 validity, buffer 1 the int64 values.
        Self.patch(&payload, at: layout.buffers + 16 * 1 + 8, int64: 8)
        Self.expectError(payload, .malformed, containing: "the values of '_cq_sync_time' has 8 bytes but 16 are needed")
    }

    @Test(.requires(.sharedData)) func columnLengthDisagreesWithTheBatch() throws {
        var payload = try Self.insertPayload()
        let layout = try Self.layout(of: payload)
        Self.patch(&payload, at: layout.nodes, int64: 1)
        Self.expectError(payload, .malformed, containing: "column '_cq_sync_time' has 1 values but the batch has 2 rows")
    }

    @Test(.requires(.sharedData)) func nullCountAboveLength() throws {
        var payload = try Self.insertPayload()
        let layout = try Self.layout(of: payload)
        Self.patch(&payload, at: layout.nodes + 8, int64: 3)
        Self.expectError(payload, .malformed, containing: "3 nulls among 2 values")
    }

    @Test(.requires(.sharedData)) func decreasingStringOffsets() throws {
        var payload = try Self.insertPayload()
        let layout = try Self.layout(of: payload)
        // Column 1 (_cq_source_name, utf8): buffers 2 validity, 3 offsets, 4 data.
        let offsetsAt = payload.withUnsafeBytes {
            Int($0.loadUnaligned(fromByteOffset: layout.buffers + 16 * 3, as: Int64.self))
        }
        let position = layout.body + offsetsAt + 4  // offsets[1]
        payload.replaceSubrange(position..<(position + 4), with: [0xff, 0x00, 0x00, 0x00])
        Self.expectError(payload, .malformed, containing: "offsets of '_cq_source_name' decrease")
    }

    @Test(.requires(.sharedData)) func stringOffsetsPastTheData() throws {
        var payload = try Self.insertPayload()
        let layout = try Self.layout(of: payload)
        let offsetsAt = payload.withUnsafeBytes {
            Int($0.loadUnaligned(fromByteOffset: layout.buffers + 16 * 3, as: Int64.self))
        }
        let position = layout.body + offsetsAt + 8  // offsets[2], the end
        payload.replaceSubrange(position..<(position + 4), with: [0x00, 0x10, 0x00, 0x00])
        Self.expectError(payload, .malformed, containing: "past the")
    }

    @Test(.requires(.sharedData)) func extraFieldNodes() throws {
        var payload = try Self.insertPayload()
        let layout = try Self.layout(of: payload)
        // The vector length sits just before its first element.
        let count = payload.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: layout.nodes - 4, as: UInt32.self) }
        withUnsafeBytes(of: (count - 1).littleEndian) { payload.replaceSubrange((layout.nodes - 4)..<layout.nodes, with: $0) }
        Self.expectError(payload, .malformed, containing: "no field node left")
    }
}
