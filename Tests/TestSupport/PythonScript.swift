import Foundation

/// Runs a Python script of a test (pyarrow, boto3 …) with the test Python. One runner for
/// every test target.
public enum PythonScript {
    /// Writes `script` into `directory`, runs it there with `arguments`; returns its stdout.
    /// A failing script throws with its exit status, stderr and stdout.
    @discardableResult
    public static func run(_ script: String, arguments: [String] = [], in directory: URL) throws -> Data {
        let scriptURL = directory.appendingPathComponent("script-\(UUID().uuidString).py")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try TestLocations.python())
        process.arguments = [scriptURL.path] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Both pipes are drained at once, so a chatty script cannot block on a full one.
        let stderr = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderr.data = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestLocations.Missing(description: "python script failed (exit \(process.terminationStatus)): "
                + String(decoding: stderr.data + stdout, as: UTF8.self))
        }
        return stdout
    }

    /// A fresh temporary directory named `prefix-<uuid>`.
    public static func temporaryDirectory(_ prefix: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }
}
