@testable import AWSAuth
import Foundation
import Synchronization
import Testing

/// The single cache in front of the chain: early refresh, single flight, failure handling.
@Suite struct CredentialsCacheTests {
    /// Issues credentials `K1`, `K2`, … that expire `lifetime` seconds after the clock's time; can be
    /// told to fail, and to take a while (to let concurrent callers pile up).
    final class Issuer: CredentialsProvider, Sendable {
        let clock: TestClock
        let lifetime: TimeInterval?
        let calls = Counter()
        let failing = Atomic<Bool>(false)
        let delay: UInt64

        init(clock: TestClock, lifetime: TimeInterval?, delayNanoseconds: UInt64 = 0) {
            self.clock = clock
            self.lifetime = lifetime
            self.delay = delayNanoseconds
        }

        struct Failure: Error {}

        func credentials() async throws -> Credentials {
            let n = calls.next()
            if delay > 0 { try await Task.sleep(nanoseconds: delay) }
            if failing.load(ordering: .relaxed) { throw Failure() }
            return Credentials(
                accessKeyId: "K\(n)", secretAccessKey: "S", sessionToken: "T",
                expiration: lifetime.map { clock.now.addingTimeInterval($0) })
        }
    }

    @Test("refreshes once less than 5 minutes are left, not before")
    func refreshWindow() async throws {
        let clock = TestClock()
        let issuer = Issuer(clock: clock, lifetime: 3600)
        let cache = CredentialsCache(issuer, now: { clock.now })
        #expect(try await cache.credentials().accessKeyId == "K1")
        clock.advance(3600 - 301)
        #expect(try await cache.credentials().accessKeyId == "K1")
        clock.advance(2)
        #expect(try await cache.credentials().accessKeyId == "K2")
        #expect(issuer.calls.current == 2)
    }

    @Test("long-lived credentials are fetched once")
    func longLived() async throws {
        let clock = TestClock()
        let issuer = Issuer(clock: clock, lifetime: nil)
        let cache = CredentialsCache(issuer, now: { clock.now })
        for _ in 0..<5 { _ = try await cache.credentials() }
        clock.advance(86400 * 365)
        #expect(try await cache.credentials().accessKeyId == "K1")
        #expect(issuer.calls.current == 1)
    }

    @Test("short-lived credentials are refreshed at half their life, not on every call")
    func shortLived() async throws {
        let clock = TestClock()
        let issuer = Issuer(clock: clock, lifetime: 60)
        let cache = CredentialsCache(issuer, now: { clock.now })
        _ = try await cache.credentials()
        clock.advance(20)
        _ = try await cache.credentials()
        #expect(issuer.calls.current == 1)
        clock.advance(11)
        #expect(try await cache.credentials().accessKeyId == "K2")
    }

    @Test("concurrent callers share one fetch")
    func singleFlight() async throws {
        let clock = TestClock()
        let issuer = Issuer(clock: clock, lifetime: 3600, delayNanoseconds: 200_000_000)
        let cache = CredentialsCache(issuer, now: { clock.now })
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<50 { group.addTask { try await cache.credentials().accessKeyId } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(keys.count == 50 && Set(keys) == ["K1"])
        #expect(issuer.calls.current == 1)

        clock.advance(3400)  // inside the window: one refresh for all
        let refreshed = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<50 { group.addTask { try await cache.credentials().accessKeyId } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(refreshed) == ["K2"])
        #expect(issuer.calls.current == 2)
    }

    @Test("a failed refresh keeps credentials that still work, and throws once they have expired")
    func failedRefresh() async throws {
        let clock = TestClock()
        let issuer = Issuer(clock: clock, lifetime: 600)
        let cache = CredentialsCache(issuer, now: { clock.now })
        _ = try await cache.credentials()
        issuer.failing.store(true, ordering: .relaxed)
        clock.advance(400)
        #expect(try await cache.credentials().accessKeyId == "K1")
        clock.advance(201)
        await #expect(throws: Issuer.Failure.self) { try await cache.credentials() }
        issuer.failing.store(false, ordering: .relaxed)
        #expect(try await cache.credentials().accessKeyId.hasPrefix("K"))
    }

    @Test("the first fetch failing is thrown to every waiting caller, and the next call tries again")
    func firstFailure() async throws {
        let clock = TestClock()
        let issuer = Issuer(clock: clock, lifetime: 600)
        issuer.failing.store(true, ordering: .relaxed)
        let cache = CredentialsCache(issuer, now: { clock.now })
        await #expect(throws: Issuer.Failure.self) { try await cache.credentials() }
        issuer.failing.store(false, ordering: .relaxed)
        #expect(try await cache.credentials().accessKeyId == "K2")
    }
}
