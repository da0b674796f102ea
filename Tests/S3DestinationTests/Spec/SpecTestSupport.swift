import Foundation

/// Locating things the spec tests need outside the package: the project's `shared/` folder
/// and a Python with the `jsonschema` module.
enum SpecTestSupport {
    static let sharedDirectoryHelp =
        "shared/ not found: set CQ_SHARED_DIR to the folder holding DESIGN.md (a plain clone has no shared/)"

    /// `CQ_SHARED_DIR`, else a sibling `shared/` (containing DESIGN.md) of some parent folder.
    static func sharedDirectory() -> URL? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["CQ_SHARED_DIR"], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            return fm.fileExists(atPath: url.appendingPathComponent("DESIGN.md").path) ? url : nil
        }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("shared")
            if fm.fileExists(atPath: candidate.appendingPathComponent("DESIGN.md").path) {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// The repository root: the nearest parent folder with a Package.swift.
    static func repositoryRoot() -> URL? {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                return dir
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// Interpreters to try, in order: `CQ_PYTHON`, the project venv, every `python3` on PATH,
    /// then the system one. The first that can `import jsonschema` is used.
    static func pythonCandidates() -> [String] {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let env = environment["CQ_PYTHON"], !env.isEmpty {
            candidates.append(env)
        }
        if let root = repositoryRoot() {
            candidates.append(root.appendingPathComponent(".venv/bin/python").path)
        }
        for dir in (environment["PATH"] ?? "").split(separator: ":") where !dir.isEmpty {
            candidates.append(String(dir) + "/python3")
        }
        candidates += ["/usr/bin/python3", "/usr/local/bin/python3"]
        return candidates.filter { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func pythonWithJSONSchema() -> String? {
        pythonCandidates().first { python in
            (try? run(python, ["-c", "import jsonschema"], stdin: Data()))?.status == 0
        }
    }

    static let pythonHelp =
        "no Python with the jsonschema module: tried CQ_PYTHON, .venv/bin/python, python3 on PATH, /usr/bin/python3 "
        + "(install it with `apt-get install python3-jsonschema` or `pip install jsonschema`)"

    struct ProcessResult {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ executable: String, _ arguments: [String], stdin: Data) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes while writing, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
