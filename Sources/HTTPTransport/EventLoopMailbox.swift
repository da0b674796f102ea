import CCurl
import NIOConcurrencyHelpers
import Synchronization

/// A request handed to the event loop, with what the loop needs to answer it.
struct Submission: Sendable {
    let request: HTTPRequest
    let options: HTTPTransferOptions
    let cancellation: CancellationFlag
    let continuation: CheckedContinuation<HTTPResponse, any Error>
}

/// Set by the task that gave up on a request; the loop checks it whenever it wakes.
final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    var isSet: Bool { flag.load(ordering: .acquiring) }
    func set() { flag.store(true, ordering: .releasing) }
}

/// A libcurl multi handle (`CURLM *`).
///
/// Why `@unchecked Sendable` is safe: the handle is created by ``EventLoopMailbox/init()`` before the
/// loop thread starts, and from then on every libcurl call on it (`curl_multi_add_handle`,
/// `curl_multi_perform`, `curl_multi_poll`, `curl_multi_cleanup`, …) is made by the loop thread alone
/// (``EventLoopThread``). The one exception is `curl_multi_wakeup`, which libcurl documents as safe to
/// call from any thread (curl_multi_wakeup(3)); ``EventLoopMailbox/wake()`` calls it only while
/// holding the mailbox lock and only while `released` is false, and the loop thread sets `released`
/// under the same lock before it calls `curl_multi_cleanup`, so no wakeup can touch a freed handle.
/// `HTTPClientPythonTests` drives the handle from many tasks at once (submissions, cancellations) under
/// the thread sanitizer.
struct MultiHandle: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
}

/// The part of the event loop that other threads reach: the queue of new requests, the closing flag
/// and the wakeup. One lock guards all of it.
final class EventLoopMailbox: Sendable {
    private struct Inbox {
        var submissions: [Submission] = []
        /// No new requests are accepted; the loop exits once its transfers are done.
        var closed = false
        /// The loop freed the multi handle: wakeups must not touch it.
        var released = false
    }

    private let inbox = NIOLockedValueBox(Inbox())
    let multi: MultiHandle

    init?() {
        guard CurlGlobal.initialized, let raw = curl_multi_init() else { return nil }
        multi = MultiHandle(raw: raw)
    }

    /// Queues `submission` and wakes the loop; false once the loop is closing.
    func submit(_ submission: Submission) -> Bool {
        inbox.withLockedValue { inbox in
            guard !inbox.closed else { return false }
            inbox.submissions.append(submission)
            _ = curl_multi_wakeup(multi.raw)
            return true
        }
    }

    /// Interrupts the loop's `curl_multi_poll` (a cancellation to look at, new work).
    func wake() {
        inbox.withLockedValue { inbox in
            if !inbox.released { _ = curl_multi_wakeup(multi.raw) }
        }
    }

    /// Stops accepting requests; the loop finishes what it has and exits.
    func close() {
        inbox.withLockedValue { inbox in
            inbox.closed = true
            if !inbox.released { _ = curl_multi_wakeup(multi.raw) }
        }
    }

    /// For the loop thread: the requests queued since the last call, and whether the loop is closing.
    func take() -> (submissions: [Submission], closed: Bool) {
        inbox.withLockedValue { inbox in
            defer { inbox.submissions.removeAll() }
            return (inbox.submissions, inbox.closed)
        }
    }

    /// For the loop thread, right before `curl_multi_cleanup`.
    func markReleased() {
        inbox.withLockedValue { $0.released = true }
    }
}

/// `curl_global_init` must run once before any other libcurl call and is not thread-safe itself:
/// a lazily initialised global gives exactly-once semantics.
enum CurlGlobal {
    static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
}
