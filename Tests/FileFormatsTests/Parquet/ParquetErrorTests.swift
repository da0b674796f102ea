@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// Input the encoder cannot write fails with a message naming the column and the fix, and an
/// object that failed mid-way refuses further use instead of producing a corrupt file.
@Suite(.requires(.python)) struct ParquetErrorPythonTests {
    @Test func nullInNonNullableColumn() throws {
        let stream = try ParquetInputs.stream("bad_required")
        let sink = BufferSink()
        var encoder = try ParquetEncoder(schema: stream.schema)
        try encoder.begin(into: sink)
        let batch = try #require(stream.batches.first)
        #expect {
            try encoder.write(batch, into: sink)
        } throws: { error in
            let message = "\(error)"
            return message.contains("\"a\"") && message.contains("row 1") && message.contains("non-nullable")
        }
        #expect {
            try encoder.finish(into: sink)
        } throws: { error in
            "\(error)".contains("must be discarded")
        }
    }

    @Test func nullInNonNullableStructMember() throws {
        let stream = try ParquetInputs.stream("bad_required_nested")
        #expect {
            _ = try ParquetTestEncoding.encode(stream)
        } throws: { error in
            let message = "\(error)"
            return message.contains("\"s.v\"") && message.contains("row 2")
        }
    }

    @Test func structWithoutFields() throws {
        let schema = try ParquetInputs.stream("empty_struct").schema
        #expect {
            _ = try ParquetEncoder(schema: schema)
        } throws: { error in
            "\(error)".contains("\"empty\"") && "\(error)".contains("struct without fields")
        }
    }

    @Test func batchWithAnotherSchema() throws {
        let primitives = try ParquetInputs.stream("primitives")
        let other = try #require(try ParquetInputs.stream("sliced").batches.first)
        let sink = BufferSink()
        var encoder = try ParquetEncoder(schema: primitives.schema)
        try encoder.begin(into: sink)
        #expect {
            try encoder.write(other, into: sink)
        } throws: { error in
            "\(error)".contains("does not match the schema")
        }
        // Nothing was written for the refused batch: the object can still be completed.
        for batch in primitives.batches { try encoder.write(batch, into: sink) }
        try encoder.finish(into: sink)
        try ParquetReadBack.expectReadBack([.init("after refused batch", sink.bytes, input: "primitives")])
    }

    @Test func callsOutOfOrder() throws {
        let stream = try ParquetInputs.stream("primitives")
        let sink = BufferSink()
        var encoder = try ParquetEncoder(schema: stream.schema)
        #expect(throws: ParquetEncodingError.self) { try encoder.write(stream.batches[0], into: sink) }
        #expect(throws: ParquetEncodingError.self) { try encoder.finish(into: sink) }
        try encoder.begin(into: sink)
        #expect(throws: ParquetEncodingError.self) { try encoder.begin(into: sink) }
        try encoder.finish(into: sink)
        #expect(throws: ParquetEncodingError.self) { try encoder.finish(into: sink) }
        #expect(sink.bytes.count > 8)
    }

    /// An inet value Go's `net.ParseCIDR` rejects fails the write (Go panics on it); the message
    /// names the column and row but not the value, which may be sensitive.
    @Test func invalidInetValue() throws {
        let stream = try ParquetInputs.stream("bad_inet")
        #expect {
            _ = try ParquetTestEncoding.encode(stream)
        } throws: { error in
            let message = "\(error)"
            return message.contains("\"addr\"") && message.contains("row 1") && !message.contains("secret")
        }
    }
}
