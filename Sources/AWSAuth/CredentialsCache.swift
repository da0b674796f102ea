import Foundation
import Logging
import NIOConcurrencyHelpers

/// Caches the credentials of `provider` and refreshes them ahead of expiry, one refresh at a time.
///
/// - Long-lived credentials (no expiration) are fetched once.
/// - Temporary ones are refreshed when less than `refreshWindow` (default 5 minutes) of their life is
///   left; if they live shorter than twice the window, at half their remaining life instead, so a short
///   lived token is not re-fetched on every call.
/// - Concurrent callers during a refresh all await the same fetch (single flight): N parallel uploads
///   cause one STS call, not N.
/// - A failed refresh while the cached credentials have not yet expired keeps them (with a warning);
///   a failure after expiry is thrown.
///
/// The fast path (valid cached credentials) is one lock and a clock read, cheap enough to call before
/// every request.
final class CredentialsCache: CredentialsProvider, Sendable {
    let provider: any CredentialsProvider
    let refreshWindow: TimeInterval
    private let logger: Logger?
    private let now: @Sendable () -> Date
    private let state = NIOLockedValueBox(State())

    private struct State {
        var cached: Credentials?
        /// When to start fetching new credentials; `nil` for credentials that never expire.
        var refreshAt: Date?
        var inFlight: Task<Credentials, any Error>?
    }

    init(
        _ provider: any CredentialsProvider, refreshWindow: TimeInterval = 300, logger: Logger? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.provider = provider
        self.refreshWindow = refreshWindow
        self.logger = logger
        self.now = now
    }

    var providerName: String { provider.providerName }

    func credentials() async throws -> Credentials {
        let current = now()
        let next: Next = state.withLockedValue { state in
            if let cached = state.cached, state.refreshAt.map({ current < $0 }) ?? true { return .cached(cached) }
            if let running = state.inFlight { return .wait(running) }
            let fetch = Task { try await self.refresh() }
            state.inFlight = fetch
            return .wait(fetch)
        }
        switch next {
        case .cached(let credentials): return credentials
        case .wait(let task): return try await task.value
        }
    }

    private enum Next {
        case cached(Credentials)
        case wait(Task<Credentials, any Error>)
    }

    /// Drops the cached credentials, so the next call fetches new ones (e.g. after the server rejected them).
    func invalidate() {
        state.withLockedValue { $0.cached = nil; $0.refreshAt = nil }
    }

    private func refresh() async throws -> Credentials {
        do {
            let fresh = try await provider.credentials()
            let current = now()
            state.withLockedValue { state in
                state.cached = fresh
                state.refreshAt = fresh.expiration.map { Self.refreshTime(expiration: $0, now: current, window: refreshWindow) }
                state.inFlight = nil
            }
            return fresh
        } catch {
            let current = now()
            let fallback: Credentials? = state.withLockedValue { state in
                state.inFlight = nil
                guard let cached = state.cached, let expiration = cached.expiration, current < expiration else {
                    return nil
                }
                // Try again soon, but keep serving what still works.
                state.refreshAt = min(expiration, current.addingTimeInterval(min(30, expiration.timeIntervalSince(current) / 2)))
                return cached
            }
            guard let fallback else { throw error }
            logger?.warning("could not refresh AWS credentials; using the current ones until they expire", metadata: [
                "provider": "\(provider.providerName)", "error": "\(error)",
            ])
            return fallback
        }
    }

    static func refreshTime(expiration: Date, now: Date, window: TimeInterval) -> Date {
        let early = expiration.addingTimeInterval(-window)
        if early > now { return early }
        return now.addingTimeInterval(max(0, expiration.timeIntervalSince(now)) / 2)
    }
}
