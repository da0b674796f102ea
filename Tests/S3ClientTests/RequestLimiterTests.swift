import Foundation
import TestSupport
import Testing
@testable import S3Client

/// The client's limit on requests in flight and its AIMD adaptation, without a network.
@Suite struct RequestLimiterTests {
    /// Whether the waiter has not entered after the scheduler had plenty of chances to run it.
    func stillWaiting(_ entered: InFlightCounter) async throws -> Bool {
        for _ in 0..<20 {
            await Task.yield()
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        return entered.entered == 0
    }

    @Test("up to the maximum at once; the next waits until a slot is released")
    func waitsForASlot() async throws {
        let limiter = RequestLimiter(maximum: 2)
        let first = try await limiter.acquire()
        _ = try await limiter.acquire()
        let granted = InFlightCounter()
        let waiter = Task {
            let permit = try await limiter.acquire()
            granted.enter()
            return permit
        }
        #expect(try await stillWaiting(granted))
        #expect(limiter.inFlight == 2)
        limiter.release(first, outcome: .success)
        _ = try await waiter.value
        #expect(granted.entered == 1)
        #expect(limiter.inFlight == 2 && limiter.maxInFlight == 2)
    }

    @Test("throttling halves the limit down to 1; successes add about one per window, up to the maximum")
    func aimd() async throws {
        let limiter = RequestLimiter(maximum: 16)
        for expected in [8, 4, 2, 1, 1] {
            limiter.release(try await limiter.acquire(), outcome: .throttled)
            #expect(limiter.currentLimit == expected)
        }
        // From 1: one success → 2, two more → 3, three more → 4 (additive increase of 1/limit each).
        for _ in 0..<6 { limiter.release(try await limiter.acquire(), outcome: .success) }
        #expect(limiter.currentLimit == 4)
        for _ in 0..<500 { limiter.release(try await limiter.acquire(), outcome: .success) }
        #expect(limiter.currentLimit == 16)
        limiter.release(try await limiter.acquire(), outcome: .neutral)
        #expect(limiter.currentLimit == 16)
    }

    @Test("a burst of throttled requests sent before the decrease halves the limit once")
    func oneDecreasePerBurst() async throws {
        let limiter = RequestLimiter(maximum: 16)
        var permits: [RequestLimiter.Permit] = []
        for _ in 0..<16 { permits.append(try await limiter.acquire()) }
        for permit in permits { limiter.release(permit, outcome: .throttled) }
        #expect(limiter.currentLimit == 8)
        // A request sent after the decrease and throttled again halves once more.
        limiter.release(try await limiter.acquire(), outcome: .throttled)
        #expect(limiter.currentLimit == 4)
    }

    @Test("a lowered limit holds back new requests until enough are released")
    func loweredLimitHoldsBack() async throws {
        let limiter = RequestLimiter(maximum: 4)
        var permits: [RequestLimiter.Permit] = []
        for _ in 0..<4 { permits.append(try await limiter.acquire()) }
        limiter.release(permits.removeLast(), outcome: .throttled)  // limit 2, 3 still in flight
        let granted = InFlightCounter()
        let waiter = Task {
            let permit = try await limiter.acquire()
            granted.enter()
            return permit
        }
        limiter.release(permits.removeLast(), outcome: .neutral)  // 2 in flight: still no room under 2
        #expect(try await stillWaiting(granted))
        limiter.release(permits.removeLast(), outcome: .neutral)  // 1 in flight: room
        _ = try await waiter.value
        #expect(limiter.inFlight == 2)
    }

    @Test("a cancelled waiter leaves the queue with CancellationError and takes no slot")
    func cancelledWaiter() async throws {
        let limiter = RequestLimiter(maximum: 1)
        let held = try await limiter.acquire()
        let waiter = Task { try await limiter.acquire() }
        try await Task.sleep(nanoseconds: 20_000_000)
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        limiter.release(held, outcome: .success)
        #expect(limiter.inFlight == 0)
        _ = try await limiter.acquire()
        #expect(limiter.inFlight == 1)
    }

    @Test("300 tasks through a limit of 4: never more than 4 at once, all served")
    func neverAboveTheLimit() async throws {
        let limiter = RequestLimiter(maximum: 4)
        let inside = InFlightCounter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<300 {
                group.addTask {
                    let permit = try await limiter.acquire()
                    inside.enter()
                    await Task.yield()
                    inside.leave()
                    limiter.release(permit, outcome: i % 7 == 0 ? .throttled : .success)
                }
            }
            try await group.waitForAll()
        }
        #expect(inside.entered == 300)
        #expect(inside.peak <= 4)
        #expect(limiter.maxInFlight <= 4 && limiter.inFlight == 0)
    }
}
