@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// pyarrow reads back every file the encoder writes, equal to the input after the Go plugin's
/// conversions: every type, nullable and not, nested, sliced, empty; each format version,
/// codec and root repetition.
@Suite(.requires(.python)) struct ParquetRoundTripPythonTests {
    static let typeCases = ["primitives", "required", "timestamps", "strings", "intervals", "nested", "sliced", "all_nulls", "huge_values"]

    @Test("every type reads back equal to its input", arguments: ParquetWriterOptions.FormatVersion.allCases)
    func everyType(version: ParquetWriterOptions.FormatVersion) throws {
        var files: [ParquetReadBack.File] = []
        for name in Self.typeCases {
            let stream = try ParquetInputs.stream(name)
            let bytes = try ParquetTestEncoding.encode(stream, options: ParquetTestEncoding.options(version: version))
            files.append(.init("\(name) v\(version.rawValue)", bytes, input: name, version: version))
        }
        try ParquetReadBack.expectReadBack(files)
    }

    @Test("each codec", arguments: ParquetWriterOptions.Compression.allCases)
    func codecs(compression: ParquetWriterOptions.Compression) throws {
        var files: [ParquetReadBack.File] = []
        for name in ["primitives", "nested", "many"] {
            let stream = try ParquetInputs.stream(name)
            let bytes = try ParquetTestEncoding.encode(stream, options: ParquetTestEncoding.options(compression: compression))
            files.append(.init("\(name) \(compression)", bytes, input: name))
        }
        let reports = try ParquetReadBack.expectReadBack(files)
        let expected = compression == .none ? "UNCOMPRESSED" : compression.rawValue.uppercased()
        for report in reports {
            let codecs = Set(report.rowGroups?.flatMap { $0.columns.map(\.compression) } ?? [])
            #expect(codecs == [expected])
        }
    }
}
