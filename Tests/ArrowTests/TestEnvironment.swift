import Foundation
import Testing

/// Locates what the tests need outside the package: `shared/` (CloudQuery CLI payloads) and a
/// Python interpreter with pyarrow.
enum TestEnvironment {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// `$CQ_SHARED_DIR`, else a directory `shared` (containing DESIGN.md) beside one of the
    /// ancestors of this source file.
    static func sharedDirectory(filePath: String = #filePath) throws -> URL {
        let fileManager = FileManager.default
        if let fromEnvironment = ProcessInfo.processInfo.environment["CQ_SHARED_DIR"], !fromEnvironment.isEmpty {
            return URL(fileURLWithPath: fromEnvironment)
        }
        var directory = URL(fileURLWithPath: filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("shared")
            if fileManager.fileExists(atPath: candidate.appendingPathComponent("DESIGN.md").path) {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        throw Missing(description:
            "cannot find the shared/ directory: set CQ_SHARED_DIR to the directory that holds DESIGN.md and "
            + "testdata/ (a plain clone of the repository has no shared/)")
    }

    /// `$CQ_PYTHON`, else `.venv/bin/python` of the package root.
    static func python(filePath: String = #filePath) throws -> String {
        if let fromEnvironment = ProcessInfo.processInfo.environment["CQ_PYTHON"], !fromEnvironment.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: fromEnvironment) else {
                throw Missing(description: "CQ_PYTHON=\(fromEnvironment) is not an executable Python (it needs pyarrow)")
            }
            return fromEnvironment
        }
        var directory = URL(fileURLWithPath: filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                let python = directory.appendingPathComponent(".venv/bin/python").path
                if FileManager.default.isExecutableFile(atPath: python) { return python }
                break
            }
            directory.deleteLastPathComponent()
        }
        throw Missing(description:
            "no Python with pyarrow: set CQ_PYTHON, or run `make venv` to create .venv/bin/python in the repository")
    }

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
