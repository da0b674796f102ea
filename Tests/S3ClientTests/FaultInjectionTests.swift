@testable import AWSAuth
import Foundation
import Logging
import TestSupport
import Testing
@testable import S3Client

/// Retries against real RGW behind `tests/tools/faultproxy.py`: every injected fault is survived within
/// `maxAttempts`, the data arrives intact (read back with boto3 directly from RGW), and faults beyond
/// the attempts fail clearly without leaving an open multipart upload.
@Suite(.serialized, .requires(.rgw, .python)) struct FaultInjectionRGWTests {
    static let runId = String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36)

    func key(_ name: String) -> String { "s3client-faults/\(Self.runId)/\(name)" }

    /// `log` collects the client's debug log: the retries it made, to explain a wrong count.
    func client(_ server: TestEnvironment.S3Server, proxy: FaultProxy, maxAttempts: Int = 3, stallTimeout: Double = 60,
                sleeper: SleepRecorder = SleepRecorder(), log: LogCapture = LogCapture()) throws -> S3Client {
        var logger = Logger(label: "test.faults") { _ in log }
        logger.logLevel = .debug
        return try S3Client(
            config: S3ClientConfig(
                region: server.region, credentialsProvider: StaticCredentialsProvider(server.credentials),
                endpoint: proxy.endpoint, usePathStyle: true, stallTimeout: stallTimeout, environment: [:],
                retry: S3RetryPolicy(maxAttempts: maxAttempts, sleep: sleeper.sleep)),
            logger: logger)
    }

    static func pattern(_ count: Int, seed: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: (i &+ seed &* 7919) &* 2_654_435_761 >> 13) }
        return bytes
    }

    @Test("PutObject through 503 SlowDown ×2 and a 500: retried, stored once, intact")
    func putThroughSlowDown() async throws {
        let server = try TestEnvironment.s3Server()
        let proxy = try FaultProxy(upstream: server.endpoint)
        defer { proxy.stop() }
        let sleeper = SleepRecorder()
        let c = try client(server, proxy: proxy, sleeper: sleeper)
        let body = Self.pattern(10_000, seed: 1)

        try proxy.arm("mode=slowdown&count=2&methods=PUT")
        _ = try await c.putObject(bucket: server.bucket, key: key("slowdown.bin"), body: body)
        #expect(c.retryCount == 2)
        #expect(sleeper.delays.count == 2)
        try proxy.arm("mode=internal&count=1&methods=PUT")
        _ = try await c.putObject(bucket: server.bucket, key: key("internal.bin"), body: body)
        #expect(c.retryCount == 3)
        #expect(try Boto3Reader.get(server, key: key("slowdown.bin")).bytes == body)
        #expect(try Boto3Reader.get(server, key: key("internal.bin")).bytes == body)
    }

    @Test("multipart through an early 503 (before the body), two resets, a 500, an <Error> in Complete's 200: intact")
    func multipartThroughFaults() async throws {
        let server = try TestEnvironment.s3Server()
        let proxy = try FaultProxy(upstream: server.endpoint)
        defer { proxy.stop() }
        let log = LogCapture()
        let c = try client(server, proxy: proxy, log: log)
        let key = key("multipart-faults.bin")
        let bodies = [Self.pattern(5 << 20, seed: 1), Self.pattern(5 << 20, seed: 2), Self.pattern(1024, seed: 3)]

        let uploadId = try await c.createMultipartUpload(bucket: server.bucket, key: key)
        var parts: [CompletedPart] = []
        // Part 1 (5 MiB, sent with Expect: 100-continue) is refused before its body, as S3 can; part 2's
        // connection is reset twice after the body; part 3 gets a 500.
        let faults = ["mode=slowdown&count=1&early=1&path=partNumber%3D1", "mode=reset&count=2&path=partNumber%3D2",
                      "mode=internal&count=1&path=partNumber%3D3"]
        for (index, body) in bodies.enumerated() {
            try proxy.arm(faults[index])
            parts.append(try await c.uploadPart(bucket: server.bucket, key: key, uploadId: uploadId, partNumber: index + 1, body: body))
        }
        try proxy.arm("mode=complete-error-200&count=1")
        _ = try await c.completeMultipartUpload(bucket: server.bucket, key: key, uploadId: uploadId, parts: parts)
        #expect(c.retryCount == 5, "\(log.text)")

        let whole = bodies.flatMap { $0 }
        #expect(try Boto3Reader.get(server, key: key).bytes == whole)
        try proxy.arm("mode=truncate&count=1&methods=GET")
        #expect(try await c.getObject(bucket: server.bucket, key: key) == whole)
        #expect(c.retryCount == 6, "\(log.text)")
        #expect(try Boto3Probe.openUploadIds(server, prefix: key).isEmpty)
    }

    @Test("a truncated GET answer is retried and the whole object returned")
    func truncatedGet() async throws {
        let server = try TestEnvironment.s3Server()
        let proxy = try FaultProxy(upstream: server.endpoint)
        defer { proxy.stop() }
        let c = try client(server, proxy: proxy)
        let body = Self.pattern(300_000, seed: 4)
        _ = try await c.putObject(bucket: server.bucket, key: key("truncated-get.bin"), body: body)
        try proxy.arm("mode=truncate&count=1&methods=GET")
        #expect(try await c.getObject(bucket: server.bucket, key: key("truncated-get.bin")) == body)
        #expect(c.retryCount == 1)
    }

    @Test("a stalled answer is abandoned after the stall timeout and retried")
    func stalled() async throws {
        let server = try TestEnvironment.s3Server()
        let proxy = try FaultProxy(upstream: server.endpoint)
        defer { proxy.stop() }
        let log = LogCapture()
        let c = try client(server, proxy: proxy, stallTimeout: 1, log: log)
        let body = Self.pattern(2000, seed: 5)
        // libcurl averages the transfer speed over 5 s, so a stall is noticed ~5 s + stallTimeout after
        // the last byte moved: the proxy holds the answer well beyond that.
        try proxy.arm("mode=stall:20&count=1&methods=PUT")
        _ = try await c.putObject(bucket: server.bucket, key: key("stalled.bin"), body: body)
        // One retry: the stalled attempt was abandoned (the proxy only stalls once).
        #expect(c.retryCount == 1, "\(log.text)")
        #expect(try Boto3Reader.get(server, key: key("stalled.bin")).bytes == body)
    }

    @Test("faults beyond maxAttempts: UploadPart fails naming object and cause; abort leaves no open upload")
    func beyondMaxAttempts() async throws {
        let server = try TestEnvironment.s3Server()
        let proxy = try FaultProxy(upstream: server.endpoint)
        defer { proxy.stop() }
        let c = try client(server, proxy: proxy, maxAttempts: 2)
        let key = key("gives-up.bin")
        let uploadId = try await c.createMultipartUpload(bucket: server.bucket, key: key)
        // InternalError, not SlowDown: throttling answers do not spend attempts (RetryTests).
        try proxy.arm("mode=internal&path=partNumber%3D")
        do {
            _ = try await c.uploadPart(bucket: server.bucket, key: key, uploadId: uploadId, partNumber: 1, body: Self.pattern(1000, seed: 6))
            Issue.record("expected InternalError")
        } catch let error as S3Error {
            #expect(error.code == "InternalError")
            #expect(error.attempts == 2)
            #expect(error.description.hasPrefix("UploadPart s3://\(server.bucket)/\(key) failed: 500 InternalError"))
            #expect(error.description.hasSuffix("(after 2 attempts)"))
        }
        #expect(c.retryCount == 1)
        // Aborting goes through the same faults (resets): it still gets through within its attempts.
        try proxy.arm("mode=reset&count=1&methods=DELETE")
        try await c.abortMultipartUpload(bucket: server.bucket, key: key, uploadId: uploadId)
        try proxy.disarm()
        #expect(try await c.listMultipartUploads(bucket: server.bucket, prefix: key).isEmpty)
        #expect(try Boto3Probe.openUploadIds(server, prefix: key).isEmpty)
    }
}
