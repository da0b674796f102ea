import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A helper server of `tests/tools/` (fault proxy, slow HTTP server) run with the test Python for one
/// test: started on a free port, its address read from its first line (`READY 127.0.0.1:PORT …`), and
/// stopped by its pid when the test is done. Each tool also exits by itself after `--max-seconds`,
/// should the test process die first.
public final class ToolProcess {
    public struct Failed: Error, CustomStringConvertible {
        public let description: String
    }

    /// `127.0.0.1:PORT` the tool listens on.
    public let address: String
    private let process: Process

    /// Runs `tests/tools/<tool>` with `arguments`.
    public init(tool: String, arguments: [String]) throws {
        guard let root = TestLocations.repositoryRoot else {
            throw Failed(description: "cannot find the repository root (Package.swift) above \(#filePath)")
        }
        let script = root.appendingPathComponent("tests/tools/\(tool)").path
        guard FileManager.default.fileExists(atPath: script) else { throw Failed(description: "\(script) not found") }
        process = Process()
        process.executableURL = URL(fileURLWithPath: try TestLocations.python())
        process.arguments = [script] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = [UInt8]()
        let handle = out.fileHandleForReading
        while line.last != 10 {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty { break }
            line += byte
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("READY "), let address = text.split(separator: " ").dropFirst().first else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw Failed(description: "\(tool) did not start (first line: \(text.debugDescription))")
        }
        self.address = String(address).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { stop() }

    /// Stops the tool with SIGKILL: a child of a Swift test process inherits a signal mask in which
    /// SIGTERM is blocked, so the tool's own SIGTERM handler would never run.
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
