import Foundation
@testable import HTTPTransport
import TestSupport
import Testing

/// The event loop against a real server in another process: concurrency on one thread, pooled
/// connections, cancellation, timeouts, bodies and limits.
@Suite(.serialized, .requires(.python)) struct HTTPClientPythonTests {
    @Test("200 requests in flight at once run on the loop thread: the process gains no thread per request")
    func manyRequestsFewThreads() async throws {
        let server = try SlowServer()
        defer { server.stop() }
        let base = server.base
        let client = HTTPClient()
        _ = try await server.stats(client)  // the loop thread exists from here on
        let baseline = try threadCount()
        let count = 200
        let (results, peakThreads) = try await withThrowingTaskGroup(of: (Int, HTTPResponse).self) { group in
            for i in 0..<count {
                group.addTask {
                    let body = Array("request \(i)".utf8)
                    return (i, try await client.send(
                        HTTPRequest(method: "PUT", url: base + "/obj/\(i)?hold=2", body: body), options: .init()))
                }
            }
            // While all of them are held by the server, count our threads.
            let held = try await server.waitFor(client) { $0.in_flight >= count }
            #expect(held.in_flight == count)
            let threads = try threadCount()
            var collected: [(Int, HTTPResponse)] = []
            for try await result in group { collected.append(result) }
            return (collected, threads)
        }
        #expect(results.count == count)
        for (i, response) in results {
            #expect(response.statusCode == 200)
            #expect(response.header("X-Target") == "/obj/\(i)?hold=2")
            #expect(response.header("X-Body-Length") == String("request \(i)".utf8.count))
        }
        // Thread-per-request would add `count` threads; the event loop adds none. The count is the
        // whole process's, and other suites run at the same time (the cooperative pool, Dispatch
        // workers of the Parquet encoder's column threads): a few threads may come and go meanwhile.
        #expect(peakThreads <= baseline + 16, "baseline \(baseline) threads, \(peakThreads) with \(count) requests in flight")
        let stats = try await server.stats(client)
        #expect(stats.max_in_flight == count)
    }

    @Test("connections are pooled: sequential requests after a burst open no new connection")
    func connectionReuse() async throws {
        let server = try SlowServer()
        defer { server.stop() }
        let base = server.base
        let client = HTTPClient()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<20 {
                group.addTask {
                    _ = try await client.send(HTTPRequest(method: "GET", url: base + "/a/\(i)?hold=0.5"), options: .init())
                }
            }
            try await group.waitForAll()
        }
        let afterBurst = try await server.stats(client)
        for i in 0..<30 {
            let response = try await client.send(HTTPRequest(method: "GET", url: base + "/b/\(i)"), options: .init())
            #expect(response.statusCode == 200)
        }
        let after = try await server.stats(client)
        #expect(afterBurst.connections_total >= 2)
        #expect(after.connections_total == afterBurst.connections_total)
    }

    @Test("cancelling the caller aborts its transfer; the loop goes on serving others")
    func cancellation() async throws {
        let server = try SlowServer()
        defer { server.stop() }
        let base = server.base
        let client = HTTPClient()
        let task = Task {
            try await client.send(HTTPRequest(method: "PUT", url: base + "/never?hold=forever", body: [1, 2, 3]), options: .init())
        }
        _ = try await server.waitFor(client) { $0.in_flight >= 1 }
        task.cancel()
        // The server never answers: only the cancellation can end this call.
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        let next = try await client.send(HTTPRequest(method: "GET", url: base + "/after"), options: .init())
        #expect(next.statusCode == 200)
    }

    @Test("a task cancelled before it sends gets CancellationError and nothing reaches the server")
    func cancelledBeforeSending() async throws {
        let server = try SlowServer()
        defer { server.stop() }
        let base = server.base
        let client = HTTPClient()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.send(HTTPRequest(method: "GET", url: base + "/x"), options: .init())
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(try await server.stats(client).requests == 0)
    }

    @Test("many tasks sending and cancelling at once: every call ends, with an answer or CancellationError")
    func concurrentSubmitAndCancel() async throws {
        let server = try SlowServer()
        defer { server.stop() }
        let base = server.base
        let client = HTTPClient()
        let tasks = (0..<100).map { i in
            Task { try await client.send(HTTPRequest(method: "GET", url: base + "/c/\(i)?hold=\(i % 2 == 0 ? "0" : "forever")"), options: .init()) }
        }
        for (i, task) in tasks.enumerated() where i % 2 == 1 { task.cancel() }
        var answered = 0
        var cancelled = 0
        for (i, task) in tasks.enumerated() {
            do {
                _ = try await task.value
                answered += 1
                #expect(i % 2 == 0)
            } catch is CancellationError {
                cancelled += 1
            }
        }
        #expect(cancelled >= 50 && answered + cancelled == 100)
    }

    @Test("the total timeout ends a request the server holds: curl error 28, after the connection was made")
    func totalTimeout() async throws {
        let server = try SlowServer()
        defer { server.stop() }
        let base = server.base
        let client = HTTPClient()
        do {
            _ = try await client.send(
                HTTPRequest(method: "GET", url: base + "/slow?hold=forever"), options: .init(totalTimeout: 0.5))
            Issue.record("expected a timeout")
        } catch let error as HTTPTransportError {
            #expect(error.timedOut && error.curlCode == 28)
            #expect(error.connected)
        }
    }

    @Test("a refused connection: curl error 7, not connected, libcurl's message")
    func refused() async throws {
        let server = try SlowServer()
        let base = server.base
        server.stop()
        do {
            _ = try await HTTPClient().send(HTTPRequest(method: "GET", url: base + "/"), options: .init(connectTimeout: 2))
            Issue.record("expected a connection error")
        } catch let error as HTTPTransportError {
            #expect(error.curlCode == 7 && !error.connected)
            #expect(error.message.lowercased().contains("connect"))
        }
    }

    @Test("a response over maxResponseBytes fails as too large")
    func responseTooLarge() async throws {
        let server = try SlowServer()
        defer { server.stop() }
        let base = server.base
        let client = HTTPClient()
        let fits = try await client.send(HTTPRequest(method: "GET", url: base + "/?size=1000"), options: .init(maxResponseBytes: 1000))
        #expect(fits.body == Array(repeating: UInt8(ascii: "a"), count: 1000))
        do {
            _ = try await client.send(HTTPRequest(method: "GET", url: base + "/?size=5000"), options: .init(maxResponseBytes: 1000))
            Issue.record("expected the response to be refused")
        } catch let error as HTTPTransportError {
            #expect(error.responseTooLarge)
            #expect(error.message == "response body larger than 1000 bytes")
        }
    }

    @Test("bodies arrive whole; Expect: 100-continue from the threshold on; empty POST sends Content-Length 0")
    func bodiesAndExpect() async throws {
        let server = try SlowServer()
        defer { server.stop() }
        let base = server.base
        let client = HTTPClient()
        let options = HTTPTransferOptions(expectContinueThreshold: 2 << 20)
        let big = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let large = try await client.send(HTTPRequest(method: "PUT", url: base + "/big", body: big), options: options)
        #expect(large.header("X-Body-Length") == String(big.count))
        #expect(large.header("X-Body-Sum") == String(big.reduce(0) { $0 + Int($1) }))
        #expect(large.header("X-Expect") == "100-continue")
        let small = try await client.send(HTTPRequest(method: "PUT", url: base + "/small", body: [1, 2]), options: options)
        #expect(small.header("X-Expect") == "-" && small.header("X-Body-Sum") == "3")
        let post = try await client.send(HTTPRequest(method: "POST", url: base + "/p?uploads"), options: options)
        #expect(post.header("X-Method") == "POST" && post.header("X-Body-Length") == "0")
        let delete = try await client.send(HTTPRequest(method: "DELETE", url: base + "/d"), options: options)
        #expect(delete.header("X-Method") == "DELETE")
        let head = try await client.send(HTTPRequest(method: "HEAD", url: base + "/h?size=10"), options: options)
        #expect(head.statusCode == 200 && head.body.isEmpty && head.header("Content-Length") == "10")
    }

    @Test("a client that is released stops its loop thread")
    func loopThreadEnds() async throws {
        let server = try SlowServer()
        defer { server.stop() }
        let base = server.base
        let probe = HTTPClient()
        _ = try await server.stats(probe)
        let before = try threadCount()
        do {
            let client = HTTPClient()
            #expect(try await client.send(HTTPRequest(method: "GET", url: base + "/"), options: .init()).statusCode == 200)
        }
        var now = try threadCount()
        var tries = 0
        while now > before && tries < 250 {
            try await Task.sleep(nanoseconds: 20_000_000)
            now = try threadCount()
            tries += 1
        }
        #expect(now <= before)
    }
}
