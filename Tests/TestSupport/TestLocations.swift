import Foundation

/// Where the tests find what lives outside the package: `../shared` (reference payloads and
/// signing vectors) and the test venv's Python (pyarrow, boto3, botocore). One place for every
/// test target, so they all look in the same order and say the same thing when it is missing.
public enum TestLocations {
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    /// `$CQ_SHARED_DIR` (which must hold DESIGN.md), else a directory `shared` holding DESIGN.md
    /// beside one of this package's ancestors.
    public static func sharedDirectory() throws -> URL {
        let fileManager = FileManager.default
        if let path = ProcessInfo.processInfo.environment["CQ_SHARED_DIR"], !path.isEmpty {
            let url = URL(fileURLWithPath: path)
            guard fileManager.fileExists(atPath: url.appendingPathComponent("DESIGN.md").path) else {
                throw Missing(description: "CQ_SHARED_DIR=\(path) has no DESIGN.md; point it at the project's shared/ directory")
            }
            return url
        }
        var directory = thisDirectory
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

    /// The directory holding Package.swift above this file.
    public static var repositoryRoot: URL? {
        var directory = thisDirectory
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    /// `$CQ_PYTHON`, else `.venv/bin/python` at the repository root.
    public static func python() throws -> String {
        if let path = ProcessInfo.processInfo.environment["CQ_PYTHON"], !path.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw Missing(description: "CQ_PYTHON=\(path) is not an executable Python (`make venv` creates .venv/bin/python)")
            }
            return path
        }
        if let root = repositoryRoot {
            let python = root.appendingPathComponent(".venv/bin/python").path
            if FileManager.default.isExecutableFile(atPath: python) { return python }
        }
        throw Missing(description:
            "no test Python: set CQ_PYTHON, or run `make venv` to create .venv/bin/python in the repository")
    }

    private static var thisDirectory: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    }
}
