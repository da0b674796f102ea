import Testing
@testable import S3Client

/// The backoff numbers of aws-sdk-go-v2's `ExponentialJitterBackoff`: random × 2^attempt seconds, and
/// exactly `maxBackoff` once 2^attempt exceeds it.
@Suite struct RetryPolicyTests {
    @Test("delay = random × 2^attempt below the cap", arguments: [(1, 2.0), (2, 4.0), (3, 8.0), (4, 16.0)])
    func exponential(attempt: Int, ceiling: Double) {
        let policy = S3RetryPolicy(maxBackoff: 20, random: { 0.75 })
        #expect(policy.delay(afterAttempt: attempt) == 0.75 * ceiling)
    }

    @Test("once 2^attempt exceeds maxBackoff the delay is maxBackoff itself")
    func capped() {
        let policy = S3RetryPolicy(maxBackoff: 20, random: { 0.1 })
        #expect(policy.delay(afterAttempt: 5) == 20)   // 32 > 20
        #expect(policy.delay(afterAttempt: 40) == 20)
        #expect(policy.delay(afterAttempt: 1000) == 20)
        let small = S3RetryPolicy(maxBackoff: 3, random: { 0.9 })
        #expect(small.delay(afterAttempt: 1) == 0.9 * 2)
        #expect(small.delay(afterAttempt: 2) == 3)
    }

    @Test("zero, negative and NaN settings never give a negative or NaN delay")
    func degenerate() {
        #expect(S3RetryPolicy(maxBackoff: 0, random: { 0.5 }).delay(afterAttempt: 1) == 0)
        #expect(S3RetryPolicy(maxBackoff: -5, random: { 0.5 }).delay(afterAttempt: 3) == 0)
        let fromNaN = S3RetryPolicy(maxBackoff: .nan, random: { 0.5 }).delay(afterAttempt: 2)
        #expect(fromNaN == 2)   // a NaN setting falls back to the SDK default cap of 20 s
        #expect(S3RetryPolicy(maxBackoff: 20, random: { -1 }).delay(afterAttempt: 2) == 0)
    }

    @Test("real jitter stays within [0, 2^attempt)")
    func jitterRange() {
        let policy = S3RetryPolicy(maxBackoff: 30)
        for attempt in 1...4 {
            for _ in 0..<200 {
                let delay = policy.delay(afterAttempt: attempt)
                #expect(delay >= 0 && delay < Double(1 << attempt))
            }
        }
    }

    @Test("defaults: 3 attempts, 20 s cap, clock-skew correction on; .none is one attempt")
    func defaults() {
        #expect(S3RetryPolicy.standard.maxAttempts == 3)
        #expect(S3RetryPolicy.standard.maxBackoff == 20)
        #expect(S3RetryPolicy.standard.correctsClockSkew)
        #expect(S3RetryPolicy.none.maxAttempts == 1)
    }
}
