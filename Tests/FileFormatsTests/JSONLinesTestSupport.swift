@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// Finds `shared/` and the test Python (names prefixed so other FileFormats tests can have
/// their own helpers in this target).
enum JSONLinesTestEnvironment {
    /// `$CQ_SHARED_DIR`, else a `shared` directory (holding DESIGN.md) beside an ancestor of
    /// this file.
    static func sharedDirectory() throws -> URL { try TestLocations.sharedDirectory() }

    /// `$CQ_PYTHON`, else `.venv/bin/python` in the package root.
    static func python() throws -> String { try TestLocations.python() }

    /// Runs `script` (written to a fresh temporary directory, which is also the working
    /// directory) with the test Python; returns that directory and the script's stdout.
    @discardableResult
    static func runPython(_ script: String, arguments: [String] = [], in existing: URL? = nil) throws -> (URL, String) {
        let directory = try existing ?? PythonScript.temporaryDirectory("jsonl-tests")
        let stdout = try PythonScript.run(script, arguments: arguments, in: directory)
        return (directory, String(decoding: stdout, as: UTF8.self))
    }
}

/// A sink that records each chunk it is handed.
final class JSONLinesRecordingSink: ByteSink {
    private(set) var chunks: [[UInt8]] = []
    var bytes: [UInt8] { chunks.flatMap { $0 } }
    var text: String { String(decoding: bytes, as: UTF8.self) }

    func write(_ chunk: UnsafeRawBufferPointer) throws {
        chunks.append(Array(chunk))
    }
}

enum JSONLinesEncoding {
    /// Encodes all batches of a stream as one object.
    static func encode(_ stream: ArrowStream, flushThreshold: Int = 256 * 1024) throws -> JSONLinesRecordingSink {
        let sink = JSONLinesRecordingSink()
        var encoder = JSONLinesEncoder(flushThreshold: flushThreshold)
        try encoder.begin(into: sink)
        for batch in stream.batches { try encoder.write(batch, into: sink) }
        try encoder.finish(into: sink)
        return sink
    }

    static func lines(_ stream: ArrowStream) throws -> [String] {
        let text = try encode(stream).text
        #expect(text.isEmpty || text.hasSuffix("\n"))
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}
