import Foundation
import TestSupport

/// `tests/tools/faultproxy.py` in front of the test S3 server: a pass-through HTTP proxy that breaks
/// chosen requests (503 SlowDown, 500, TCP reset, truncated response, stall, an `<Error>` inside a 200
/// Complete). Started per test on a free port and stopped (by its pid) when the test is done; it exits
/// by itself after 5 minutes should the test process die first.
final class FaultProxy {
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    let endpoint: String
    private let tool: ToolProcess
    private let python: String

    init(upstream: String) throws {
        guard let upstreamPort = URL(string: upstream)?.port else {
            throw Failed(description: "cannot read the port of S3_TEST_ENDPOINT \(upstream)")
        }
        python = try TestEnvironment.python()
        tool = try ToolProcess(
            tool: "faultproxy.py", arguments: ["--listen", "0", "--upstream", String(upstreamPort), "--max-seconds", "300"])
        endpoint = "http://\(tool.address)"
    }

    func stop() { tool.stop() }

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
}
