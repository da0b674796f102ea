import Foundation

/// `tests/tools/faultproxy.py` in front of the test S3 server: a pass-through HTTP proxy that breaks
/// chosen requests (503 SlowDown, 500, TCP reset, truncated response, stall, an `<Error>` inside a 200
/// Complete). Started per test on a free port and stopped (by its pid) when the test is done; it exits
/// by itself after 5 minutes should the test process die first.
final class FaultProxy {
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    let endpoint: String
    private let process: Process
    private let python: String

    init(upstream: String, filePath: String = #filePath) throws {
        guard let upstreamPort = URL(string: upstream)?.port else {
            throw Failed(description: "cannot read the port of S3_TEST_ENDPOINT \(upstream)")
        }
        let script = try Self.scriptPath(filePath: filePath)
        python = try TestEnvironment.python()
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--listen", "0", "--upstream", String(upstreamPort), "--max-seconds", "300"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // First line: "READY 127.0.0.1:PORT -> 127.0.0.1:UPSTREAM".
        var line = [UInt8]()
        let handle = out.fileHandleForReading
        while line.last != 10 {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty { break }
            line += byte
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("READY "), let address = text.split(separator: " ").dropFirst().first else {
            process.terminate()
            throw Failed(description: "faultproxy did not start (first line: \(text.debugDescription))")
        }
        endpoint = "http://\(address)"
    }

    deinit { stop() }

    /// Stops the proxy with SIGKILL: a child of a Swift test process inherits a signal mask in which
    /// SIGTERM is blocked, so the proxy's own SIGTERM handler would never run.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Re-arms the proxy: `plan` is the query of `PUT /__fault`, e.g. `mode=slowdown&count=2&methods=PUT`.
    func arm(_ plan: String) throws {
        try control("PUT", query: plan)
    }

    /// Lets everything through again.
    func disarm() throws {
        try control("DELETE", query: "")
    }

    private func control(_ method: String, query: String) throws {
        let code = """
            import sys, urllib.request
            r = urllib.request.urlopen(urllib.request.Request(sys.argv[1], method=sys.argv[2]), timeout=10)
            sys.exit(0 if r.status == 200 else 1)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", code, "\(endpoint)/__fault" + (query.isEmpty ? "" : "?\(query)"), method]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed(description: "faultproxy \(method) /__fault?\(query) failed") }
    }

    /// `tests/tools/faultproxy.py` of this repository (found from the test's own path).
    static func scriptPath(filePath: String) throws -> String {
        var dir = URL(fileURLWithPath: filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("tests/tools/faultproxy.py")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            dir.deleteLastPathComponent()
        }
        throw Failed(description: "tests/tools/faultproxy.py not found above \(filePath)")
    }
}
