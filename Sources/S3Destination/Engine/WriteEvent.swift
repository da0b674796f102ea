/// What reaches the write engine's owner, one at a time: the next message of the stream, its end,
/// a tick of the `batch_timeout` timer, or the answer to an S3 request. Nothing else touches the
/// engine's state, so a timer firing while a part is in flight is simply the next event.
enum WriteEvent: Sendable {
    case message(WriteMessage)
    case messagesEnded
    case messagesFailed(any Error)
    case tick
    case stored(job: Int, Result<StoreReply, any Error>)
}
