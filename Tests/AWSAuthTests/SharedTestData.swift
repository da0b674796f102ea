import Foundation

/// Locates the project's shared test data (`shared/testdata/...`): `$CQ_SHARED_DIR` first, else a
/// directory `shared` containing `DESIGN.md` beside one of this file's ancestors.
enum SharedTestData {
    struct NotFound: Error, CustomStringConvertible {
        let description: String
    }

    static func directory(filePath: String = #filePath) throws -> URL {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["CQ_SHARED_DIR"], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            guard fm.fileExists(atPath: url.appendingPathComponent("DESIGN.md").path) else {
                throw NotFound(description: "CQ_SHARED_DIR=\(env) has no DESIGN.md; point it at the project's shared/ directory")
            }
            return url
        }
        var dir = URL(fileURLWithPath: filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("shared")
            if fm.fileExists(atPath: candidate.appendingPathComponent("DESIGN.md").path) { return candidate }
            dir.deleteLastPathComponent()
        }
        throw NotFound(description:
            "shared test data not found: set CQ_SHARED_DIR to the project's shared/ directory (it holds testdata/sigv4); "
            + "a plain clone of the repository does not include it")
    }

    static func sigv4() throws -> URL {
        try directory().appendingPathComponent("testdata/sigv4")
    }

    static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    static func json(_ url: URL) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    }
}
