import NIOConcurrencyHelpers

/// Counts how many of something are in progress at once (requests a test server holds, tasks inside a
/// limiter) and the most there ever were; safe to share between threads and tasks.
public final class InFlightCounter: Sendable {
    private let state = NIOLockedValueBox<(now: Int, peak: Int, entered: Int)>((0, 0, 0))

    public init() {}

    public func enter() {
        state.withLockedValue { state in
            state.now += 1
            state.entered += 1
            state.peak = max(state.peak, state.now)
        }
    }

    public func leave() {
        state.withLockedValue { $0.now -= 1 }
    }

    /// The most in progress at once so far.
    public var peak: Int { state.withLockedValue { $0.peak } }
    /// How many entered in all.
    public var entered: Int { state.withLockedValue { $0.entered } }
    /// In progress now.
    public var now: Int { state.withLockedValue { $0.now } }
}
