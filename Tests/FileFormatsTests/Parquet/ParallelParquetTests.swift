@testable import Arrow
@testable import FileFormats
import Foundation
import Testing
import TestSupport

/// The Parquet writer encodes a slice's columns on several threads: the bytes are those of one
/// thread, on the benchmark's CloudQuery-shaped table (bench/wide_table.py: uuid and json
/// extensions, a list, timestamps, nulls) at a size where every path runs — several pages,
/// dictionary fallback, several row groups, every codec. Under ThreadSanitizer too
/// (scripts/sanitize.sh runs the suites named Parallel).
@Suite(.requires(.python)) struct ParallelParquetPythonTests {
    /// 6 000 rows of the wide table in batches of 3 000 (each above the parallel threshold).
    static let wideTable: Result<ArrowStream, Error> = Result {
        struct NoRepositoryRoot: Error {}
        guard let root = TestLocations.repositoryRoot else { throw NoRepositoryRoot() }
        let directory = try PythonScript.temporaryDirectory("parallel-parquet")
        let file = directory.appendingPathComponent("wide.arrows")
        try PythonScript.run(
            "import runpy, sys; sys.argv = ['wide_table.py'] + sys.argv[1:]; "
                + "runpy.run_path('\(root.path)/bench/wide_table.py', run_name='__main__')",
            arguments: ["--rows", "6000", "--chunk", "3000", "--out", file.path], in: directory)
        return try ArrowIPC.readStream([UInt8](try Data(contentsOf: file)))
    }

    @Test func theTableHasBatchesAboveTheParallelThreshold() throws {
        let stream = try Self.wideTable.get()
        #expect(stream.batches.count == 2)
        #expect(stream.batches.allSatisfy { $0.length >= ParquetFileWriter.minimumParallelRows })
        #expect(stream.schema.fields.count == 22)
    }

    @Test(arguments: [ParquetWriterOptions.Compression.snappy, .gzip, .zstd, .none])
    func bytesDoNotDependOnThreads(compression: ParquetWriterOptions.Compression) throws {
        let stream = try Self.wideTable.get()
        var options = ParquetWriterOptions(compression: compression)
        // Small pages and dictionaries and short row groups: many pages, dictionary fallback
        // (the uuid and arn columns are unique) and several row groups per object.
        options.dataPageSize = 8 * 1024
        options.dictionaryPageSizeLimit = 16 * 1024
        options.maxRowGroupLength = 2_500
        var outputs: [[UInt8]] = []
        for threads in [1, 2, 3, 8] {
            options.encodingThreads = threads
            outputs.append(try ParquetTestEncoding.encode(stream, options: options))
        }
        #expect(outputs[0].count > 100_000)
        for (k, output) in outputs.enumerated().dropFirst() { #expect(output == outputs[0], "output \(k)") }
    }

    @Test func defaultOptionsBytesDoNotDependOnThreads() throws {
        let stream = try Self.wideTable.get()
        let one = try ParquetTestEncoding.encode(stream, options: ParquetWriterOptions(encodingThreads: 1))
        let two = try ParquetTestEncoding.encode(stream, options: ParquetWriterOptions(encodingThreads: 2))
        #expect(one == two)
    }

    @Test func zeroThreadsAreRefused() throws {
        let stream = try Self.wideTable.get()
        #expect(throws: ParquetEncodingError.self) {
            _ = try ParquetEncoder(schema: stream.schema, options: ParquetWriterOptions(encodingThreads: 0))
        }
    }
}
