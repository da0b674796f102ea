@testable import AWSAuth
import Foundation
import Testing
import TestSupport
@testable import S3Client

/// Clock-skew correction: a server whose `Date` is far from ours answers RequestTimeTooSkewed; the client
/// learns the offset, re-signs with the corrected time and retries.
@Suite struct ClockSkewTests {
    static let body = Array("skewed\n".utf8)

    @Test("HTTP dates parse (IMF-fixdate); anything else is nil")
    func httpDates() throws {
        let date = try #require(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT"))
        #expect(date.timeIntervalSince1970 == 784_111_777)
        #expect(HTTPDate.parse("Mon, 23 Nov 2026 02:02:49 GMT")?.timeIntervalSince1970 == 1_795_399_369)
        for bad in ["", "yesterday", "Sun, 06 Nov 1994 08:49:37", "Sun, 32 Nov 1994 08:49:37 GMT",
                    "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT"] {
            #expect(HTTPDate.parse(bad) == nil, "\(bad)")
        }
        // Round trip with the test server's formatter.
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(HTTPDate.parse(ScriptedHTTPServer.httpDate(now)) == now)
    }

    @Test("RequestTimeTooSkewed with the server 2 h ahead: retried once, signed 2 h later, offset kept for later calls")
    func correctsAndRetries() async throws {
        let serverAhead: TimeInterval = 2 * 3600
        let server = try ScriptedHTTPServer { _, index in
            index == 0
                ? .s3Error(403, "RequestTimeTooSkewed", message: "The difference between the request time and the current time is too large.",
                           date: Date().addingTimeInterval(serverAhead))
                : .ok([("Date", ScriptedHTTPServer.httpDate(Date().addingTimeInterval(serverAhead)))])
        }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        let window = ClockWindow()
        _ = try await client.putObject(bucket: "bkt", key: "k", body: Self.body)
        _ = try await client.putObject(bucket: "bkt", key: "k2", body: Self.body)

        let checks = server.requests.map {
            SignatureCheck.verify($0, credentials: ScriptedClient.credentials, region: ScriptedClient.region)
        }
        #expect(checks.count == 3)
        #expect(checks.allSatisfy { $0.signatureValid })
        let dates = checks.compactMap(\.amzDate)
        #expect(dates.count == 3)
        #expect(window.contains(dates[0], offset: 0))
        #expect(window.contains(dates[1], offset: serverAhead))
        #expect(window.contains(dates[2], offset: serverAhead))
        // The server's Date minus our clock, both read while the calls ran (whole seconds).
        let elapsed = Date().timeIntervalSince(window.start)
        #expect(abs(client.clockOffset - serverAhead) <= elapsed + 2)
        #expect(client.retryCount == 1)
    }

    @Test("SignatureDoesNotMatch with a far-off server clock is a skew symptom too (retried), server behind")
    func signatureMismatchFromSkew() async throws {
        let server = try ScriptedHTTPServer { _, index in
            index == 0 ? .s3Error(403, "SignatureDoesNotMatch", date: Date().addingTimeInterval(-3 * 3600)) : .ok()
        }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        let window = ClockWindow()
        _ = try await client.putObject(bucket: "bkt", key: "k", body: Self.body)
        #expect(server.requests.count == 2)
        let retried = try #require(server.requests.last.flatMap { SignatureCheck.verify($0, credentials: ScriptedClient.credentials, region: ScriptedClient.region).amzDate })
        #expect(window.contains(retried, offset: -3 * 3600))
    }

    @Test("the same error is final when the retry was already signed with the server's time")
    func finalOnceCorrected() async throws {
        let serverAhead: TimeInterval = 3600
        let server = try ScriptedHTTPServer { _, _ in
            .s3Error(403, "RequestTimeTooSkewed", date: Date().addingTimeInterval(serverAhead))
        }
        defer { server.stop() }
        let client = try ScriptedClient.make(server, maxAttempts: 5)
        await #expect(throws: S3Error.self) { try await client.putObject(bucket: "bkt", key: "k", body: Self.body) }
        // First attempt skewed → retried with the correction; the second is not skewed by our measure → final.
        #expect(server.requests.count == 2)
    }

    @Test("with correction off, RequestTimeTooSkewed is final and the clock is left alone")
    func correctionOff() async throws {
        let server = try ScriptedHTTPServer { _, _ in
            .s3Error(403, "RequestTimeTooSkewed", date: Date().addingTimeInterval(3600))
        }
        defer { server.stop() }
        let client = try ScriptedClient.make(server) { $0.retry.correctsClockSkew = false }
        await #expect(throws: S3Error.self) { try await client.putObject(bucket: "bkt", key: "k", body: Self.body) }
        #expect(server.requests.count == 1)
        #expect(client.clockOffset == 0)
    }

    @Test("small differences (under 4 minutes) and cached answers (Age) never move the clock")
    func smallSkewIgnored() async throws {
        let server = try ScriptedHTTPServer { _, index in
            index == 0
                ? .ok([("Date", ScriptedHTTPServer.httpDate(Date().addingTimeInterval(150)))])
                : .ok([("Date", ScriptedHTTPServer.httpDate(Date().addingTimeInterval(7200))), ("Age", "10")])
        }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        _ = try await client.putObject(bucket: "bkt", key: "k", body: Self.body)
        _ = try await client.putObject(bucket: "bkt", key: "k", body: Self.body)
        #expect(client.clockOffset == 0)
    }
}
