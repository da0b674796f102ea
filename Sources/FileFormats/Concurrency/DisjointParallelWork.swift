import Dispatch
import Synchronization

/// Runs a synchronous body over the elements of an array on several threads at once, each
/// element by exactly one thread, each thread with its own context (the buffers it may reuse).
///
/// The encoders use it to spread one batch's work over the cores while staying synchronous to
/// their caller (the write session, which owns the encoder, waits for the call to return, so
/// the single-owner design of the engine is unchanged). Threads come from Dispatch's pool
/// (`concurrentPerform`; the calling thread takes part), not from the Swift concurrency pool,
/// so blocking on them never starves async tasks of a cooperative thread.
enum DisjointParallelWork {
    /// Calls `body(&elements[i], &contexts[t])` for every `i` in `order`, started in that order,
    /// on `contexts.count` threads (thread `t` always with `contexts[t]`). With one context it
    /// is a plain loop on the calling thread. When bodies throw, the error of the earliest
    /// position in `order` among them is rethrown after all threads have stopped; a thread
    /// stops claiming work after its first error.
    static func forEach<Element, Context>(
        _ elements: inout [Element], order: [Int], contexts: inout [Context],
        _ body: (inout Element, inout Context) throws -> Void
    ) throws {
        precondition(!contexts.isEmpty, "DisjointParallelWork needs at least one context")
        precondition(order.allSatisfy { elements.indices.contains($0) } && Set(order).count == order.count,
                     "DisjointParallelWork: order must list distinct indices of elements")
        if contexts.count == 1 || order.count < 2 {
            for index in order { try body(&elements[index], &contexts[0]) }
            return
        }
        var failures: [Failure?] = Array(repeating: nil, count: contexts.count)
        try withoutActuallyEscaping(body) { body in
            elements.withUnsafeMutableBufferPointer { elementBuffer in
                contexts.withUnsafeMutableBufferPointer { contextBuffer in
                    failures.withUnsafeMutableBufferPointer { failureBuffer in
                        order.withUnsafeBufferPointer { orderBuffer in
                            let work = SharedWork(elements: elementBuffer, contexts: contextBuffer,
                                                  failures: failureBuffer, order: orderBuffer, body: body)
                            let next = Atomic<Int>(0)
                            DispatchQueue.concurrentPerform(iterations: work.contexts.count) { thread in
                                work.run(thread: thread, next: next)
                            }
                        }
                    }
                }
            }
            if let first = failures.compactMap({ $0 }).min(by: { $0.position < $1.position }) { throw first.error }
        }
    }

    private struct Failure {
        let position: Int
        let error: any Error
    }

    /// What the threads share. `@unchecked Sendable` is sound because of how it is used:
    /// - `elements[order[p]]` is touched only by the thread that claimed position `p`, and the
    ///   atomic counter hands out every position exactly once (`order` has no duplicates,
    ///   checked above), so no element is accessed by two threads;
    /// - `contexts[t]` and `failures[t]` are touched only by thread `t` (`concurrentPerform`
    ///   runs each iteration index once);
    /// - `order` is only read; `body` is only called, and what it captures is read-only or
    ///   reached through its `inout` arguments;
    /// - the buffers outlive the threads: `concurrentPerform` returns only after every
    ///   iteration has finished, inside the `withUnsafe…` scopes that keep them valid, and that
    ///   return orders the threads' writes before the caller's reads.
    /// `DisjointParallelWorkTests` runs it with contexts that count their uses and checks that
    /// every element was visited once and every context stayed with one thread.
    private struct SharedWork<Element, Context>: @unchecked Sendable {
        let elements: UnsafeMutableBufferPointer<Element>
        let contexts: UnsafeMutableBufferPointer<Context>
        let failures: UnsafeMutableBufferPointer<Failure?>
        let order: UnsafeBufferPointer<Int>
        let body: (inout Element, inout Context) throws -> Void

        func run(thread: Int, next: borrowing Atomic<Int>) {
            while true {
                let position = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard position < order.count else { return }
                do {
                    try body(&elements[order[position]], &contexts[thread])
                } catch {
                    failures[thread] = Failure(position: position, error: error)
                    return
                }
            }
        }
    }
}
