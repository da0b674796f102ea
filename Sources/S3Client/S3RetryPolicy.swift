/// How an ``S3Client`` retries failed requests: the standard-mode rules of aws-sdk-go-v2 (`aws/retry`),
/// as the Go plugin configures them (`max_retries` → total attempts, `max_backoff`, no retry quota),
/// except for throttling.
///
/// Throttling answers (``S3Error/isThrottling``: 503 SlowDown, 429, `RequestLimitExceeded`, …) do not
/// spend attempts: S3 asks the client to go slower, not to give up, so the request is retried after a
/// backoff (the same jittered exponential delay, capped by `maxBackoff`) while the client's request
/// limit goes down, until the throttled backoffs of that request add up to ``maxThrottledBackoff``.
///
/// Which other failures are retried is decided by ``S3Error/isRetryable``, ``S3TransportError/isRetryable``
/// and the clock-skew rule; this type holds the numbers and the hooks tests replace.
public struct S3RetryPolicy: Sendable {
    /// Total attempts including the first (`max_retries` of the spec, which Go passes as `MaxAttempts`).
    /// Values below 1 mean 1.
    public var maxAttempts: Int
    /// Upper bound of one backoff delay, in seconds (`max_backoff`).
    public var maxBackoff: Double
    /// Seconds one request may spend backing off from throttling answers before it fails (with the
    /// last throttling error). 300 (5 minutes) by default.
    var maxThrottledBackoff: Double
    /// Learn the offset between the local clock and the server's from its `Date` header, and retry
    /// `RequestTimeTooSkewed` (and the other skew-related codes) signed with the corrected time
    /// (aws-sdk-go-v2; `AWS_DISABLE_CLOCK_SKEW_CORRECTION=true` turns it off there).
    var correctsClockSkew: Bool
    /// Waits between attempts; throws `CancellationError` when the task is cancelled. Tests inject a
    /// recorder so they don't wait.
    public var sleep: @Sendable (_ seconds: Double) async throws -> Void
    /// Uniform random number in [0, 1) for the jitter; injectable for deterministic tests.
    public var random: @Sendable () -> Double

    public init(
        maxAttempts: Int = 3,
        maxBackoff: Double = 20,
        maxThrottledBackoff: Double = S3RetryPolicy.defaultMaxThrottledBackoff,
        correctsClockSkew: Bool = true,
        sleep: @escaping @Sendable (_ seconds: Double) async throws -> Void = S3RetryPolicy.taskSleep,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = maxAttempts
        self.maxBackoff = maxBackoff
        self.maxThrottledBackoff = maxThrottledBackoff
        self.correctsClockSkew = correctsClockSkew
        self.sleep = sleep
        self.random = random
    }

    /// Five minutes of throttled backoff per request: long enough for S3 to scale a prefix up (it answers
    /// SlowDown while it does), short enough that a store refusing everything fails the sync.
    public static let defaultMaxThrottledBackoff: Double = 300

    /// aws-sdk-go-v2's defaults: 3 attempts, at most 20 s between them.
    public static let standard = S3RetryPolicy()

    /// One attempt only.
    public static let none = S3RetryPolicy(maxAttempts: 1)

    /// The delay before the retry that follows failed attempt number `attempt` (1 = the first request):
    /// full jitter, `random × 2^attempt` seconds, and exactly `maxBackoff` once `2^attempt` exceeds it
    /// (`retry.ExponentialJitterBackoff.BackoffDelay`).
    func delay(afterAttempt attempt: Int) -> Double {
        let cap = maxBackoff.isFinite ? max(0, maxBackoff) : 20
        let ceiling = attempt >= 62 ? Double.infinity : Double(1 << max(1, attempt))
        if ceiling > cap { return cap }
        return min(cap, max(0, random()) * ceiling)
    }

    /// `Task.sleep`, cancellable; negative or non-finite values sleep not at all.
    public static let taskSleep: @Sendable (Double) async throws -> Void = { seconds in
        guard seconds.isFinite, seconds > 0 else {
            try Task.checkCancellation()
            return
        }
        try await Task.sleep(nanoseconds: UInt64(min(seconds, 86_400) * 1e9))
    }
}
