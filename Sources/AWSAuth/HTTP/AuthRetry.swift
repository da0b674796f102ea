import Foundation

/// Retries of credential-service calls, shaped after aws-sdk-go-v2's standard retryer: at most three
/// attempts, jittered exponential backoff, only for failures that can pass (throttling, 5xx, dropped
/// connections). Client errors (bad token, access denied) are final at once.
enum AuthRetry {
    static let maxAttempts = 3

    /// Runs `operation` until it succeeds, throws a non-retryable error, or `attempts` are used up.
    static func run<T: Sendable>(
        attempts: Int = maxAttempts,
        baseDelay: Double = 0.2,
        maxDelay: Double = 2,
        isRetryable: (any Error) -> Bool,
        _ operation: () async throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await operation()
            } catch {
                guard attempt < attempts, isRetryable(error), !(error is CancellationError) else { throw error }
                let ceiling = min(maxDelay, baseDelay * Double(1 << min(attempt, 10)))
                try await Task.sleep(nanoseconds: UInt64(Double.random(in: 0...ceiling) * 1e9))
                attempt += 1
            }
        }
    }

    /// HTTP statuses worth another attempt (aws-sdk-go-v2 `retry.DefaultRetryableHTTPStatusCodes`
    /// plus 429, which the container provider adds).
    static func isRetryable(status: Int) -> Bool {
        [429, 500, 502, 503, 504].contains(status)
    }
}
