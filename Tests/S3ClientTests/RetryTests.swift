@testable import AWSAuth
import Foundation
import NIOConcurrencyHelpers
import TestSupport
import Testing
@testable import S3Client

/// Which failures are retried and how, against a scripted local server (no waiting: the backoff
/// sleeper is a recorder).
@Suite struct RetryTests {
    static let body = Array("retry me\n".utf8)

    @Test("503 SlowDown twice, then 200: three attempts, backoffs of random × 2^n, every attempt validly signed")
    func slowDownThenSuccess() async throws {
        let server = try ScriptedHTTPServer { _, index in
            index < 2 ? .s3Error(503, "SlowDown", message: "Please reduce your request rate.") : .ok([("ETag", "\"e\"")])
        }
        defer { server.stop() }
        let sleeper = SleepRecorder()
        let client = try ScriptedClient.make(server, random: 0.5, sleeper: sleeper)
        let result = try await client.putObject(bucket: "bkt", key: "a/b.txt", body: Self.body)
        #expect(result.etag == "\"e\"")
        #expect(server.requests.count == 3)
        #expect(sleeper.delays == [1.0, 2.0])
        #expect(client.retryCount == 2)
        for request in server.requests {
            let check = SignatureCheck.verify(request, credentials: ScriptedClient.credentials, region: ScriptedClient.region)
            #expect(check.signatureValid)
            #expect(check.payloadHashValid)
            #expect(request.body == Self.body)
        }
    }

    @Test("retryable answers are retried once and then succeed", arguments: [
        (500, "InternalError"), (502, ""), (503, "ServiceUnavailable"), (504, ""), (400, "RequestTimeout"),
        (400, "Throttling"), (400, "ThrottlingException"), (400, "RequestThrottled"), (429, "TooManyRequestsException"),
        (503, "SlowDown"), (400, "RequestLimitExceeded"),
    ])
    func retryable(status: Int, code: String) async throws {
        let server = try ScriptedHTTPServer { _, index in
            guard index == 0 else { return .ok() }
            return code.isEmpty ? .respond(status: status, headers: [], body: []) : .s3Error(status, code)
        }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        _ = try await client.putObject(bucket: "bkt", key: "k", body: Self.body)
        #expect(server.requests.count == 2)
        #expect(client.retryCount == 1)
    }

    @Test("client and authentication errors are final: one request, no backoff", arguments: [
        (403, "SignatureDoesNotMatch"), (403, "InvalidAccessKeyId"), (403, "AccessDenied"), (404, "NoSuchBucket"),
        (400, "InvalidArgument"), (400, "BadDigest"), (400, "EntityTooSmall"), (403, "RequestTimeTooSkewed"),
    ])
    func final(status: Int, code: String) async throws {
        // The Date header agrees with our clock, so even the skew codes are not a clock problem here.
        let server = try ScriptedHTTPServer { _, _ in .s3Error(status, code) }
        defer { server.stop() }
        let sleeper = SleepRecorder()
        let client = try ScriptedClient.make(server, sleeper: sleeper)
        do {
            _ = try await client.putObject(bucket: "bkt", key: "k", body: Self.body)
            Issue.record("expected \(code)")
        } catch let error as S3Error {
            #expect(error.code == code)
            #expect(error.statusCode == status)
            #expect(error.attempts == 1)
            #expect(!error.description.contains("attempts"))
        }
        #expect(server.requests.count == 1)
        #expect(sleeper.delays.isEmpty)
        #expect(client.retryCount == 0)
    }

    @Test("when every attempt fails, the last error is thrown and says how many attempts were made")
    func exhausted() async throws {
        let server = try ScriptedHTTPServer { _, _ in .s3Error(500, "InternalError", message: "We encountered an internal error.") }
        defer { server.stop() }
        let sleeper = SleepRecorder()
        let client = try ScriptedClient.make(server, maxAttempts: 4, maxBackoff: 3, random: 0.99, sleeper: sleeper)
        do {
            _ = try await client.putObject(bucket: "bkt", key: "t/k.csv", body: Self.body)
            Issue.record("expected InternalError")
        } catch let error as S3Error {
            #expect(error.code == "InternalError")
            #expect(error.attempts == 4)
            #expect(error.description.hasPrefix("PutObject s3://bkt/t/k.csv failed: 500 InternalError: We encountered an internal error."))
            #expect(error.description.hasSuffix("(after 4 attempts)"))
        }
        #expect(server.requests.count == 4)
        #expect(sleeper.delays == [0.99 * 2, 3, 3])
        #expect(client.retryCount == 3)
    }

    @Test("throttling answers do not spend max_retries: retried with backoff until they pass", arguments: [
        (503, "SlowDown"), (429, "TooManyRequestsException"), (400, "Throttling"), (400, "RequestLimitExceeded"),
        (400, "ThrottlingException"), (429, ""),
    ])
    func throttlingDoesNotSpendAttempts(status: Int, code: String) async throws {
        let server = try ScriptedHTTPServer { _, index in
            guard index >= 3 else { return code.isEmpty ? .respond(status: status, headers: [], body: []) : .s3Error(status, code) }
            return .ok([("ETag", "\"e\"")])
        }
        defer { server.stop() }
        let sleeper = SleepRecorder()
        let client = try ScriptedClient.make(server, maxAttempts: 1, random: 0.5, sleeper: sleeper)
        let result = try await client.putObject(bucket: "bkt", key: "k", body: Self.body)
        #expect(result.etag == "\"e\"")
        #expect(server.requests.count == 4)
        #expect(sleeper.delays == [1, 2, 4])
        #expect(client.retryCount == 3)
        #expect(server.requests.allSatisfy { $0.body == Self.body })
    }

    @Test("a request throttled beyond maxThrottledBackoff fails with the throttling error and its attempt count")
    func throttledTooLong() async throws {
        let server = try ScriptedHTTPServer { _, _ in .s3Error(503, "SlowDown", message: "Please reduce your request rate.") }
        defer { server.stop() }
        let sleeper = SleepRecorder()
        // Backoffs 1, 2, 4, 4, … (random 0.5, capped at 4): 1 + 2 + 4 = 7 fits in 10, the next 4 does not.
        let client = try ScriptedClient.make(server, maxAttempts: 3, maxBackoff: 4, random: 0.5, sleeper: sleeper) {
            $0.retry.maxThrottledBackoff = 10
        }
        do {
            _ = try await client.putObject(bucket: "bkt", key: "t/k.csv", body: Self.body)
            Issue.record("expected SlowDown")
        } catch let error as S3Error {
            #expect(error.code == "SlowDown" && error.isThrottling)
            #expect(error.attempts == 4)
            #expect(error.description.hasPrefix("PutObject s3://bkt/t/k.csv failed: 503 SlowDown: Please reduce your request rate."))
            #expect(error.description.hasSuffix("(after 4 attempts)"))
        }
        #expect(server.requests.count == 4)
        #expect(sleeper.delays == [1, 2, 4])
    }

    @Test("other errors between throttling answers still spend max_retries (attempts including the first)")
    func otherErrorsStillCount() async throws {
        let server = try ScriptedHTTPServer { _, index in
            [0, 2].contains(index) ? .s3Error(503, "SlowDown") : .s3Error(500, "InternalError")
        }
        defer { server.stop() }
        let client = try ScriptedClient.make(server, maxAttempts: 2)
        do {
            _ = try await client.putObject(bucket: "bkt", key: "k", body: Self.body)
            Issue.record("expected InternalError")
        } catch let error as S3Error {
            // SlowDown, 500 (attempt 1), SlowDown, 500 (attempt 2): the second 500 ends it.
            #expect(error.code == "InternalError")
            #expect(error.attempts == 4)
        }
        #expect(server.requests.count == 4)
    }

    @Test("throttling lowers the client's request limit; the highest number in flight is reported")
    func throttlingLowersTheLimit() async throws {
        let server = try ScriptedHTTPServer { _, index in index == 0 ? .s3Error(503, "SlowDown") : .ok([("ETag", "\"e\"")]) }
        defer { server.stop() }
        let client = try ScriptedClient.make(server) { $0.maxConcurrentRequests = 8 }
        #expect(client.currentRequestLimit == 8)
        _ = try await client.putObject(bucket: "bkt", key: "k", body: Self.body)
        #expect(client.currentRequestLimit == 4)
        #expect(client.maxRequestsInFlight == 1)
    }

    @Test("concurrent uploads never have more requests in flight than maxConcurrentRequests")
    func concurrentRequestsStayUnderTheLimit() async throws {
        let held = InFlightCounter()
        let server = try ScriptedHTTPServer { _, _ in
            held.enter()
            defer { held.leave() }
            Thread.sleep(forTimeInterval: 0.05)
            return .ok([("ETag", "\"e\"")])
        }
        defer { server.stop() }
        let client = try ScriptedClient.make(server) { $0.maxConcurrentRequests = 3 }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<30 {
                group.addTask { _ = try await client.putObject(bucket: "bkt", key: "k\(i)", body: Self.body) }
            }
            try await group.waitForAll()
        }
        #expect(server.requests.count == 30)
        #expect(held.peak <= 3)
        #expect(client.maxRequestsInFlight == 3)
    }

    @Test("maxConcurrentRequests below 1 is refused with a message naming it")
    func invalidLimit() throws {
        let server = try ScriptedHTTPServer { _, _ in .ok() }
        defer { server.stop() }
        #expect(throws: S3ClientError.self) { try ScriptedClient.make(server) { $0.maxConcurrentRequests = 0 } }
    }

    @Test("maxAttempts 1 (max_retries: 1) sends exactly once; 0 is treated as 1")
    func singleAttempt() async throws {
        for attempts in [1, 0] {
            let server = try ScriptedHTTPServer { _, _ in .s3Error(500, "InternalError") }
            defer { server.stop() }
            let client = try ScriptedClient.make(server, maxAttempts: attempts)
            await #expect(throws: S3Error.self) { try await client.putObject(bucket: "bkt", key: "k", body: Self.body) }
            #expect(server.requests.count == 1)
        }
    }

    @Test("a connection reset is retried and the body is sent again in full")
    func resetThenSuccess() async throws {
        let server = try ScriptedHTTPServer { _, index in index == 0 ? .reset : .ok() }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        _ = try await client.putObject(bucket: "bkt", key: "k", body: Self.body)
        #expect(server.requests.count == 2)
        #expect(server.requests.last?.body == Self.body)
        #expect(client.retryCount == 1)
    }

    @Test("resets on every attempt surface as a retryable transport error after maxAttempts")
    func resetExhausted() async throws {
        let server = try ScriptedHTTPServer { _, _ in .reset }
        defer { server.stop() }
        let client = try ScriptedClient.make(server, maxAttempts: 3)
        do {
            _ = try await client.putObject(bucket: "bkt", key: "k", body: Self.body)
            Issue.record("expected a transport error")
        } catch let error as S3TransportError {
            #expect(error.isRetryable)
            #expect(error.attempts == 3)
            #expect(error.description.contains("(after 3 attempts)"))
            #expect(error.description.hasPrefix("PutObject s3://bkt/k failed: cannot complete request to \(server.endpoint)"))
        }
        #expect(server.requests.count == 3)
    }

    @Test("a truncated GET response is retried and the whole body returned")
    func truncatedGet() async throws {
        let content = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let server = try ScriptedHTTPServer { _, index in
            index == 0 ? .truncated(status: 200, body: content) : .ok(body: content)
        }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        let read = try await client.getObject(bucket: "bkt", key: "data.bin")
        #expect(read == content)
        #expect(server.requests.count == 2)
    }

    @Test("every attempt is signed anew: a retry a second later carries a later x-amz-date, and both verify")
    func resignedPerAttempt() async throws {
        let server = try ScriptedHTTPServer { _, index in index == 0 ? .s3Error(500, "InternalError") : .ok() }
        defer { server.stop() }
        var config = S3ClientConfig(
            region: ScriptedClient.region, credentialsProvider: StaticCredentialsProvider(ScriptedClient.credentials),
            endpoint: server.endpoint, usePathStyle: true, environment: [:],
            retry: S3RetryPolicy(maxAttempts: 2, sleep: { _ in try await Task.sleep(nanoseconds: 1_100_000_000) }))
        config.checksums = .none
        let client = try S3Client(config: config)
        _ = try await client.putObject(bucket: "bkt", key: "k", body: Self.body)
        let checks = server.requests.map {
            SignatureCheck.verify($0, credentials: ScriptedClient.credentials, region: ScriptedClient.region)
        }
        #expect(checks.count == 2)
        #expect(checks.allSatisfy { $0.signatureValid })
        let first = try #require(checks.first?.amzDate)
        let second = try #require(checks.last?.amzDate)
        #expect(second > first)
        #expect(server.requests[0].header("Authorization") != server.requests[1].header("Authorization"))
    }

    @Test("cancelling during a backoff ends the call at once with CancellationError")
    func cancelledDuringBackoff() async throws {
        let server = try ScriptedHTTPServer { _, _ in .s3Error(503, "SlowDown") }
        defer { server.stop() }
        let client = try S3Client(config: S3ClientConfig(
            region: ScriptedClient.region, credentialsProvider: StaticCredentialsProvider(ScriptedClient.credentials),
            endpoint: server.endpoint, usePathStyle: true, environment: [:],
            retry: S3RetryPolicy(maxAttempts: 5, sleep: { _ in try await Task.sleep(nanoseconds: 60_000_000_000) })))
        let task = Task { try await client.putObject(bucket: "bkt", key: "k", body: Self.body) }
        while server.requests.isEmpty { try await Task.sleep(nanoseconds: 20_000_000) }
        try await Task.sleep(nanoseconds: 100_000_000)
        task.cancel()
        // The backoff sleep is 60 s: only cancellation ends it, without a second attempt.
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(server.requests.count == 1)
    }

    @Test("credential failures and invalid arguments are not retried")
    func notRetriedLocalErrors() async throws {
        let server = try ScriptedHTTPServer { _, _ in .ok() }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        await #expect(throws: S3ClientError.self) { try await client.putObject(bucket: "bkt", key: "", body: Self.body) }
        await #expect(throws: S3ClientError.self) {
            try await client.putObject(bucket: "bkt", key: "k", body: Self.body, headers: ["x-amz-meta-a": "1\r\nInjected: yes"])
        }
        #expect(server.requests.isEmpty)
        #expect(client.retryCount == 0)
    }

    @Test("ExpiredToken: the credentials are fetched anew and the request sent once more with them", arguments: [
        "ExpiredToken", "InvalidToken",
    ])
    func expiredCredentialsAreRefetchedOnce(code: String) async throws {
        let server = try ScriptedHTTPServer { _, index in index == 0 ? .s3Error(400, code) : .ok([("ETag", "\"e\"")]) }
        defer { server.stop() }
        let rotating = RotatingCredentials()
        let sleeper = SleepRecorder()
        let client = try ScriptedClient.make(server, maxAttempts: 1, sleeper: sleeper) { $0.credentialsProvider = rotating }
        _ = try await client.putObject(bucket: "bkt", key: "k", body: Self.body)
        #expect(server.requests.count == 2)
        #expect(rotating.invalidations == 1)
        #expect(sleeper.delays.isEmpty)
        let second = SignatureCheck.verify(server.requests[1], credentials: RotatingCredentials.generation(1), region: ScriptedClient.region)
        #expect(second.signatureValid)
    }

    @Test("credentials still called expired after one refetch fail the request, naming the code")
    func expiredTwiceFails() async throws {
        let server = try ScriptedHTTPServer { _, _ in .s3Error(400, "ExpiredToken") }
        defer { server.stop() }
        let rotating = RotatingCredentials()
        let client = try ScriptedClient.make(server, maxAttempts: 3) { $0.credentialsProvider = rotating }
        await #expect {
            _ = try await client.putObject(bucket: "bkt", key: "k", body: Self.body)
        } throws: { error in
            (error as? S3Error)?.code == "ExpiredToken"
        }
        #expect(server.requests.count == 2)
        #expect(rotating.invalidations == 1)
    }
}

/// Hands out generation n of the credentials until invalidated, then generation n + 1.
final class RotatingCredentials: CredentialsProvider, Sendable {
    private let state = NIOLockedValueBox<(generation: Int, invalidations: Int)>((0, 0))
    var invalidations: Int { state.withLockedValue { $0.invalidations } }

    static func generation(_ n: Int) -> Credentials {
        Credentials(accessKeyId: "AKIDROTATING0000000\(n)", secretAccessKey: "rotating/secret-\(n)", sessionToken: "token-\(n)")
    }

    func credentials() async throws -> Credentials { Self.generation(state.withLockedValue { $0.generation }) }

    func invalidate() {
        state.withLockedValue { $0.generation += 1; $0.invalidations += 1 }
    }
}
