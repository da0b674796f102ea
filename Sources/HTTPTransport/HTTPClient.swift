/// Sends HTTP/1.1 requests through libcurl on one event-loop thread (see ``EventLoopThread``), with
/// pooled keep-alive connections. Callers await the answer; no thread blocks per request, and
/// cancelling the calling task aborts its transfer.
///
/// S3Client and the credential providers of AWSAuth share ``shared``: one loop thread and one
/// connection cache for the process.
public final class HTTPClient: Sendable {
    public static let shared = HTTPClient()

    private let mailbox: EventLoopMailbox?

    public init() {
        mailbox = EventLoopMailbox()
        if let mailbox { EventLoopThread.start(mailbox: mailbox) }
    }

    deinit {
        // No `send` is running (each holds a reference): the loop finishes at once and frees libcurl's state.
        mailbox?.close()
    }

    /// Sends `request` and returns the response, whatever its status.
    /// - Throws: ``HTTPTransportError`` when no complete response came; `CancellationError` when the
    ///   calling task was cancelled (the transfer is aborted and its connection closed).
    public func send(_ request: HTTPRequest, options: HTTPTransferOptions) async throws -> HTTPResponse {
        try Task.checkCancellation()
        guard let mailbox else {
            throw HTTPTransportError(curlCode: 2, message: "could not initialise libcurl", connected: false)
        }
        let cancellation = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                let submission = Submission(
                    request: request, options: options, cancellation: cancellation, continuation: continuation)
                if !mailbox.submit(submission) {
                    continuation.resume(throwing: HTTPTransportError(
                        curlCode: 2, message: "the HTTP client is shutting down", connected: false))
                }
            }
        } onCancel: {
            cancellation.set()
            mailbox.wake()
        }
    }
}
