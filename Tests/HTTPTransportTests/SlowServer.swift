import Foundation
@testable import HTTPTransport
import TestSupport

/// `tests/tools/slow_http_server.py`, in a process of its own (its threads must not count as ours):
/// answers after `?hold=SECONDS`, describes what it received in X-Body-Length / X-Body-Sum / X-Expect,
/// and counts requests in flight and connections at `/__stats`.
final class SlowServer {
    struct Stats: Decodable {
        let requests: Int
        let in_flight: Int
        let max_in_flight: Int
        let connections_total: Int
        let connections_open: Int
    }

    private let tool: ToolProcess
    let base: String

    init() throws {
        tool = try ToolProcess(tool: "slow_http_server.py", arguments: ["--listen", "0", "--max-seconds", "300"])
        base = "http://\(tool.address)"
    }

    func stop() { tool.stop() }

    func stats(_ client: HTTPClient) async throws -> Stats {
        let response = try await client.send(HTTPRequest(method: "GET", url: base + "/__stats"), options: .init())
        return try JSONDecoder().decode(Stats.self, from: Data(response.body))
    }

    /// Polls the stats until `condition` holds (at most `tries` times, 20 ms apart); returns the last.
    func waitFor(_ client: HTTPClient, tries: Int = 500, _ condition: (Stats) -> Bool) async throws -> Stats {
        var stats = try await self.stats(client)
        var left = tries
        while !condition(stats) && left > 0 {
            try await Task.sleep(nanoseconds: 20_000_000)
            stats = try await self.stats(client)
            left -= 1
        }
        return stats
    }
}

/// Threads of this process now (`/proc/self/task`).
func threadCount() throws -> Int {
    try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count
}
