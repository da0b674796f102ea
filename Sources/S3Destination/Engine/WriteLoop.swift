/// Runs one Write stream: one task reads the stream's messages (only when asked for the next one),
/// another ticks `batch_timeout`, request tasks report their answers, and this loop hands every
/// one of those events, in turn, to the `WriteSession` that owns the state.
///
/// The next message is asked for only after the previous one was handled and memory is under the
/// budget again: that is the backpressure that reaches the CLI. Returns once every object of the
/// stream is in S3; otherwise throws, naming each object that failed, after every multipart
/// upload it started was aborted.
enum WriteLoop {
    static func run<Messages: AsyncSequence & Sendable>(
        _ messages: Messages, timeout: Duration?, makeSession: (AsyncStream<WriteEvent>.Continuation) -> WriteSession
    ) async throws -> WriteSession where Messages.Element == WriteMessage {
        let (events, eventSink) = AsyncStream<WriteEvent>.makeStream()
        let (requests, requestSink) = AsyncStream<Void>.makeStream()
        let session = makeSession(eventSink)
        let reader = Task {
            var iterator = messages.makeAsyncIterator()
            for await _ in requests {
                do {
                    guard let message = try await iterator.next() else {
                        eventSink.yield(.messagesEnded)
                        return
                    }
                    eventSink.yield(.message(message))
                } catch {
                    eventSink.yield(.messagesFailed(error))
                    return
                }
            }
        }
        let ticker = timeout.map { timeout in
            Task {
                // Often enough that a batch closes within ~1/10 of its timeout (at most 1 s late).
                let period = min(timeout / 10, .seconds(1))
                while (try? await Task.sleep(for: period)) != nil {
                    eventSink.yield(.tick)
                }
            }
        }
        defer {
            reader.cancel()
            ticker?.cancel()
            requestSink.finish()
            eventSink.finish()
        }

        var reading = true
        requestSink.yield()
        var awaitingMessage = true
        for await event in events {
            do {
                switch event {
                case .message(let message):
                    awaitingMessage = false
                    if reading { try session.handle(message) }  // not after a failure stopped the stream
                case .messagesEnded:
                    awaitingMessage = false
                    if reading { try session.endOfStream() }
                    reading = false
                case .messagesFailed(let error):
                    awaitingMessage = false
                    reading = false
                    session.fail(error)
                case .tick:
                    try session.tick()
                case .stored(let job, let result):
                    session.stored(job: job, result)
                }
                if session.hasFailed && reading {
                    reading = false
                    session.stop()
                }
                session.startRequests()
                if reading && !awaitingMessage, try session.relievePressure() {
                    awaitingMessage = true
                    requestSink.yield()
                }
            } catch {
                reading = false
                session.fail(error)
                session.startRequests()
            }
            if !reading && session.isIdle { break }
        }
        try session.outcome()
        return session
    }
}
