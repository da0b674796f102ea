import Foundation
import TestSupport
import Testing

/// Locates what the tests need outside the package: `shared/` (CloudQuery CLI payloads) and a
/// Python interpreter with pyarrow.
enum TestEnvironment {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// `$CQ_SHARED_DIR`, else a directory `shared` (containing DESIGN.md) beside one of the
    /// ancestors of this source file.
    static func sharedDirectory() throws -> URL { try TestLocations.sharedDirectory() }

    /// `$CQ_PYTHON`, else `.venv/bin/python` of the package root.
    static func python() throws -> String { try TestLocations.python() }

    /// Writes `script` to a fresh temporary directory and runs it there with the test Python;
    /// returns that directory (where the script leaves its output files).
    static func runPython(_ script: String, arguments: [String] = []) throws -> URL {
        let directory = try PythonScript.temporaryDirectory("arrow-tests")
        try PythonScript.run(script, arguments: arguments, in: directory)
        return directory
    }

    static func bytes(of url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }
}
