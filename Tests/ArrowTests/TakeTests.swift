@testable import Arrow
import Foundation
import TestSupport
import Testing

/// `RecordBatch.take`: the chosen rows, in the chosen order, every value, null and nested child
/// equal to the original row's.
@Suite(.requires(.python)) struct TakePythonTests {
    static func check(_ name: String, picks: [[Int]]) throws {
        let batch = try #require(try PyArrowStreams.stream(name).batches.first)
        let whole = batch.schema.fields.enumerated().map { k, field in
            CanonicalValues.column(batch.columns[k], field: field)
        }
        for rows in picks {
            let taken = try batch.take(rows)
            #expect(taken.length == rows.count)
            for (k, field) in batch.schema.fields.enumerated() {
                let expected = rows.map { whole[k][$0] }
                #expect(try CanonicalValues.json(CanonicalValues.column(taken.columns[k], field: field))
                    == CanonicalValues.json(expected), "\(name) \(field.name) take \(rows)")
                #expect(taken.columns[k].nullCount == expected.filter { $0 is NSNull }.count)
            }
        }
    }

    @Test func primitiveRows() throws {
        try Self.check("primitives", picks: [[0, 2, 4, 6], [6, 5, 1], [3], [], [1, 1, 1]])
    }

    @Test func nestedRows() throws {
        try Self.check("nested", picks: [[0, 3, 5], [6, 0], [2], [], [4, 4]])
    }

    @Test func takeOfASlice() throws {
        let batch = try #require(try PyArrowStreams.stream("nested").batches.first)
        let fromSlice = try batch.slice(offset: 2, length: 4).take([3, 0])
        let direct = try batch.take([5, 2])
        for (k, field) in batch.schema.fields.enumerated() {
            #expect(try CanonicalValues.json(CanonicalValues.column(fromSlice.columns[k], field: field))
                == CanonicalValues.json(CanonicalValues.column(direct.columns[k], field: field)))
        }
    }

    @Test func outOfRangeIsAnError() throws {
        let batch = try #require(try PyArrowStreams.stream("primitives").batches.first)
        #expect(throws: (any Error).self) { try batch.take([batch.length]) }
    }
}
