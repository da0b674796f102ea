@testable import Arrow
import Foundation
import TestSupport
import Testing

/// `RecordBatch.slice` / `ArrowArray.slice`: zero-copy views that keep every value, null and
/// nested child aligned with the original.
@Suite(.requires(.python)) struct SlicePythonTests {
    static func check(_ name: String, cuts: [(Int, Int)]) throws {
        let stream = try PyArrowStreams.stream(name)
        let batch = try #require(stream.batches.first)
        let whole = batch.schema.fields.enumerated().map { k, field in
            CanonicalValues.column(batch.columns[k], field: field)
        }
        for (offset, length) in cuts {
            let slice = batch.slice(offset: offset, length: length)
            #expect(slice.length == length)
            #expect(slice.bufferByteSize == batch.bufferByteSize, "a slice reports its parent's buffers, like Go")
            for (k, field) in batch.schema.fields.enumerated() {
                let expected = Array(whole[k][offset..<(offset + length)])
                let column = slice.columns[k]
                #expect(try CanonicalValues.json(CanonicalValues.column(column, field: field))
                    == CanonicalValues.json(expected), "\(name) \(field.name) slice \(offset)+\(length)")
                #expect(column.nullCount == expected.filter { $0 is NSNull }.count,
                        "\(name) \(field.name) null count of slice \(offset)+\(length)")
            }
        }
    }

    @Test func primitiveSlices() throws {
        try Self.check("primitives", cuts: [(0, 7), (3, 4), (1, 5), (6, 1), (7, 0), (2, 0), (0, 3)])
    }

    @Test func nestedSlices() throws {
        try Self.check("nested", cuts: [(0, 7), (2, 3), (1, 6), (4, 1), (5, 2), (0, 0)])
    }

    @Test func sliceOfASlice() throws {
        let batch = try #require(try PyArrowStreams.stream("nested").batches.first)
        let twice = batch.slice(offset: 1, length: 5).slice(offset: 2, length: 2)
        let once = batch.slice(offset: 3, length: 2)
        for (k, field) in batch.schema.fields.enumerated() {
            #expect(try CanonicalValues.json(CanonicalValues.column(twice.columns[k], field: field))
                == CanonicalValues.json(CanonicalValues.column(once.columns[k], field: field)))
        }
        #expect(twice.columns[0].offset == 3)
    }

    @Test func structMembersFollowTheStructOffset() throws {
        let batch = try #require(try PyArrowStreams.stream("nested").batches.first)
        let structColumn = try #require(batch.column(named: "struct")).slice(offset: 3, length: 2)
        #expect(structColumn.children[0].length == 2)
        #expect(structColumn.children[0].int32(at: 0) == 3)
        #expect(structColumn.children[1].string(at: 1) == "")
    }
}
