@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// Finds `shared/` and the test Python (names prefixed `Parquet` so the other FileFormats test
/// files can keep helpers of their own in this target).
enum ParquetTestEnvironment {
    /// `$CQ_SHARED_DIR`, else a `shared` directory (holding DESIGN.md) beside an ancestor of this file.
    static func sharedDirectory() throws -> URL { try TestLocations.sharedDirectory() }

    /// `$CQ_PYTHON`, else `.venv/bin/python` in the package root.
    static func python() throws -> String { try TestLocations.python() }

    /// A fresh temporary directory.
    static func temporaryDirectory(_ prefix: String) throws -> URL {
        try PythonScript.temporaryDirectory(prefix)
    }

    /// Runs `script` with the test Python in `directory`; returns its standard output.
    @discardableResult
    static func runPython(_ script: String, arguments: [String] = [], in directory: URL) throws -> Data {
        try PythonScript.run(script, arguments: arguments, in: directory)
    }
}

/// A sink that records each chunk it is handed (and so when bytes left the encoder).
final class ParquetRecordingSink: ByteSink {
    private(set) var chunks: [[UInt8]] = []
    var bytes: [UInt8] { chunks.flatMap { $0 } }
    var byteCount: Int { chunks.reduce(0) { $0 + $1.count } }

    func write(_ chunk: UnsafeRawBufferPointer) throws {
        chunks.append(Array(chunk))
    }
}

enum ParquetTestEncoding {
    /// Encodes all batches of `stream` (or `batches`) as one Parquet object.
    static func encode(_ stream: ArrowStream, options: ParquetWriterOptions = ParquetWriterOptions(),
                       batches: [RecordBatch]? = nil) throws -> [UInt8] {
        let sink = BufferSink()
        var encoder = try ParquetEncoder(schema: stream.schema, options: options)
        try encoder.begin(into: sink)
        for batch in batches ?? stream.batches { try encoder.write(batch, into: sink) }
        try encoder.finish(into: sink)
        return sink.bytes
    }

    /// Options with one field changed, for readable test matrices.
    static func options(version: ParquetWriterOptions.FormatVersion = .v2_6,
                        compression: ParquetWriterOptions.Compression = .snappy,
                        root: ParquetWriterOptions.RootRepetition = .undefined) -> ParquetWriterOptions {
        var options = ParquetWriterOptions()
        options.version = version
        options.compression = compression
        options.rootRepetition = root
        return options
    }
}
