import CCurl
import Foundation

/// The event loop: one thread that runs every transfer of an ``HTTPClient`` through libcurl's multi
/// interface. New requests arrive through the ``EventLoopMailbox``; finished ones resume their
/// caller's continuation. No thread blocks per request, and connections are pooled in the multi
/// handle's connection cache, shared by all requests.
///
/// Not Sendable: it is created on the loop thread and never leaves it (see ``start(mailbox:)``).
final class EventLoopThread {
    private struct Active {
        let state: TransferState
        let submission: Submission
    }

    /// Idle connections the multi handle keeps for reuse (CURLMOPT_MAXCONNECTS). Requests in flight are
    /// bounded by the callers (S3Client's request limit); this bounds what stays open between them.
    static let maxIdleConnections = 64
    /// Reset easy handles kept for the next requests (their setup is cheap, their allocation less so).
    private static let maxIdleHandles = 64

    private let mailbox: EventLoopMailbox
    private let multi: UnsafeMutableRawPointer
    private var active: [UnsafeMutableRawPointer: Active] = [:]
    private var idleHandles: [UnsafeMutableRawPointer] = []

    private init(mailbox: EventLoopMailbox) {
        self.mailbox = mailbox
        self.multi = mailbox.multi.raw
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, Self.maxIdleConnections)
    }

    /// Starts the loop thread; it runs until the mailbox is closed and its transfers are done.
    static func start(mailbox: EventLoopMailbox) {
        let thread = Thread {
            EventLoopThread(mailbox: mailbox).run()
        }
        thread.name = "http-event-loop"
        thread.start()
    }

    private func run() {
        while true {
            let (submissions, closed) = mailbox.take()
            for submission in submissions { start(submission) }
            abortCancelled()
            if closed && active.isEmpty { break }
            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)
            collectFinished()
            // Sleeps until a socket is ready, libcurl's next timeout (connect, stall), a wakeup from the
            // mailbox, or 1 s at most.
            _ = curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        mailbox.markReleased()
        for handle in idleHandles { curl_easy_cleanup(handle) }
        curl_multi_cleanup(multi)
    }

    private func start(_ submission: Submission) {
        if submission.cancellation.isSet {
            submission.continuation.resume(throwing: CancellationError())
            return
        }
        guard let handle = idleHandles.popLast() ?? curl_easy_init() else {
            submission.continuation.resume(throwing: HTTPTransportError(
                curlCode: Int(CURLE_FAILED_INIT.rawValue), message: "could not create a libcurl handle", connected: false))
            return
        }
        let state = TransferState(body: submission.request.body, maxResponseBytes: submission.options.maxResponseBytes)
        EasyHandleSetup.configure(handle, request: submission.request, options: submission.options, state: state)
        let added = curl_multi_add_handle(multi, handle)
        guard added == CURLM_OK else {
            recycle(handle)
            submission.continuation.resume(throwing: HTTPTransportError(
                curlCode: Int(CURLE_FAILED_INIT.rawValue),
                message: "libcurl refused the transfer: \(String(cString: curl_multi_strerror(added)))", connected: false))
            return
        }
        active[handle] = Active(state: state, submission: submission)
    }

    /// Removes the transfers whose callers were cancelled; their connections are closed by libcurl.
    private func abortCancelled() {
        for (handle, transfer) in active where transfer.submission.cancellation.isSet {
            active[handle] = nil
            _ = curl_multi_remove_handle(multi, handle)
            recycle(handle)
            transfer.submission.continuation.resume(throwing: CancellationError())
        }
    }

    private func collectFinished() {
        var handle: UnsafeMutableRawPointer?
        var code = CURLE_OK
        while ccurl_multi_next_done(multi, &handle, &code) != 0 {
            guard let handle, let transfer = active.removeValue(forKey: handle) else { continue }
            let result = Self.outcome(handle, code: code, transfer.state)
            _ = curl_multi_remove_handle(multi, handle)
            recycle(handle)
            transfer.submission.continuation.resume(with: result)
        }
    }

    private static func outcome(
        _ handle: UnsafeMutableRawPointer, code: CURLcode, _ state: TransferState
    ) -> Result<HTTPResponse, any Error> {
        guard code == CURLE_OK else {
            if state.responseTooLarge {
                return .failure(HTTPTransportError(
                    curlCode: Int(code.rawValue), message: "response body larger than \(state.maxResponseBytes) bytes",
                    connected: true, responseTooLarge: true))
            }
            var connectTime: curl_off_t = 0
            _ = ccurl_getinfo_off(handle, CURLINFO_CONNECT_TIME_T, &connectTime)
            let detail = state.errorMessage
            return .failure(HTTPTransportError(
                curlCode: Int(code.rawValue), message: detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail,
                connected: connectTime > 0))
        }
        var status = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(statusCode: status, headers: state.responseHeaders, body: state.responseBody))
    }

    /// Resets a handle that left the multi handle (no callback or buffer pointer of the finished transfer
    /// survives `curl_easy_reset`) and keeps it for the next request.
    private func recycle(_ handle: UnsafeMutableRawPointer) {
        curl_easy_reset(handle)
        if idleHandles.count < Self.maxIdleHandles {
            idleHandles.append(handle)
        } else {
            curl_easy_cleanup(handle)
        }
    }
}
