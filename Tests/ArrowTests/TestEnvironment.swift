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
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("arrow-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let scriptURL = directory.appendingPathComponent("script.py")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try python())
        process.arguments = [scriptURL.path] + arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Missing(description:
                "python script failed (exit \(process.terminationStatus)): \(String(decoding: stderr, as: UTF8.self))")
        }
        return directory
    }

    static func bytes(of url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }
}
