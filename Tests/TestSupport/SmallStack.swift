import Foundation

/// Runs `body` on a thread with a small stack (default 256 KiB, a quarter of what Swift's
/// worker threads get), so that a test fails by crashing if `body` recurses as deep as its
/// input nests. Rethrows what `body` throws.
public func onSmallStack<T>(bytes: Int = 256 << 10, _ body: @escaping @Sendable () throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.result = Result { try body() }
        done.signal()
    }
    thread.stackSize = bytes
    thread.start()
    done.wait()
    return try box.result!.get()
}

/// `@unchecked Sendable`: written once by the small-stack thread before it signals the
/// semaphore, read only after `wait()` returns, so the accesses never overlap.
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}
