import NIOConcurrencyHelpers

/// The one limit on S3 requests in flight of an ``S3Client``: every object and every part of a sync
/// waits here for a slot before its request goes out, so memory in transfer and connections stay
/// bounded however many tables stream at once.
///
/// The limit adapts to throttling (AIMD, as TCP congestion avoidance, Vector's adaptive request
/// concurrency and the AWS SDKs' adaptive retry mode): a throttling answer (503 SlowDown, 429, …)
/// halves it, down to 1; each window of successes (as many as the limit) raises it by one, back up
/// to the configured maximum. Only one halving answers a burst: a
/// throttled request that was sent before the last halving does not halve again (it saw the old,
/// higher limit), so a store that refuses everything at once lowers the limit once per round trip,
/// not once per request.
///
/// Waiters are served first come, first served; a waiting task that is cancelled leaves the queue
/// at once.
final class RequestLimiter: Sendable {
    /// A granted slot; give it back with ``release(_:outcome:)``.
    struct Permit: Sendable {
        /// The number of halvings before this request was sent.
        fileprivate let epoch: Int
    }

    enum Outcome: Sendable {
        /// An answer that was not throttling (2xx, or an error that says nothing about load).
        case success
        /// The store asked us to slow down.
        case throttled
        /// No answer or an error unrelated to load: the limit stays as it is.
        case neutral
    }

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Permit, any Error>
    }

    private struct State {
        var limit: Int
        /// Successes since the limit last changed.
        var successes = 0
        var inFlight = 0
        var maxInFlight = 0
        var epoch = 0
        var waiters: [Waiter] = []
        var nextWaiterID: UInt64 = 0

        var hasRoom: Bool { inFlight < limit }

        mutating func grant() -> Permit {
            inFlight += 1
            maxInFlight = max(maxInFlight, inFlight)
            return Permit(epoch: epoch)
        }
    }

    /// The configured limit: the most requests ever in flight at once.
    let maximum: Int
    private let state: NIOLockedValueBox<State>

    init(maximum: Int) {
        self.maximum = max(1, maximum)
        state = NIOLockedValueBox(State(limit: max(1, maximum)))
    }

    /// Waits for a slot. - Throws: `CancellationError` when the task is cancelled while waiting.
    func acquire() async throws -> Permit {
        if let permit = state.withLockedValue({ $0.waiters.isEmpty && $0.hasRoom ? $0.grant() : nil }) {
            return permit
        }
        let id = state.withLockedValue { state -> UInt64 in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Permit, any Error>) in
                let immediate: Result<Permit, any Error>? = state.withLockedValue { state in
                    // Checked under the lock: a cancellation that came before this point found no
                    // waiter to remove, and one that comes after finds this one.
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if state.waiters.isEmpty && state.hasRoom { return .success(state.grant()) }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let removed = state.withLockedValue { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            removed?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Gives a slot back and adapts the limit to how the request fared.
    func release(_ permit: Permit, outcome: Outcome) {
        let granted = state.withLockedValue { state -> [(CheckedContinuation<Permit, any Error>, Permit)] in
            state.inFlight -= 1
            switch outcome {
            case .success:
                state.successes += 1
                if state.successes >= state.limit && state.limit < maximum {
                    state.limit += 1
                    state.successes = 0
                }
            case .throttled where permit.epoch == state.epoch:
                state.limit = max(1, state.limit / 2)
                state.successes = 0
                state.epoch += 1
            case .throttled, .neutral:
                break
            }
            var granted: [(CheckedContinuation<Permit, any Error>, Permit)] = []
            while !state.waiters.isEmpty && state.hasRoom {
                granted.append((state.waiters.removeFirst().continuation, state.grant()))
            }
            return granted
        }
        for (continuation, permit) in granted { continuation.resume(returning: permit) }
    }

    /// The highest number of requests that were in flight at once.
    var maxInFlight: Int { state.withLockedValue { $0.maxInFlight } }
    /// Requests in flight now.
    var inFlight: Int { state.withLockedValue { $0.inFlight } }
    /// The limit now (the maximum, or less after throttling).
    var currentLimit: Int { state.withLockedValue { $0.limit } }
}
