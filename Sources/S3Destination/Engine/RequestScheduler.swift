/// The write engine's S3 requests: a FIFO of requests waiting for a slot, and the ones in flight,
/// each running in a task that reports back to the engine's owner as a `WriteEvent.stored`.
///
/// At most `maxInFlight` requests run at once across all objects and parts. A body that is still
/// in a spill file is read only when its request starts, and only while it fits in the memory
/// left (or when nothing else runs, so the stream always moves on). Requests of two objects with
/// the same key never overlap, and the later object's wait for the earlier one's: an empty
/// table's object and the first batch that overwrites it, or consecutive objects of a path
/// without `{{UUID}}`, land in the order they closed, as Go's sequential writes do.
/// Owned by one `WriteSession`.
final class RequestScheduler {
    struct Job {
        let id: Int
        let object: Int
        let call: PendingCall
    }

    private struct Running {
        let object: Int
        let key: String
        let kind: PendingCall.Kind
        let memory: Int
        /// The body sent (shared with the request, not copied): handed back when it is answered.
        let body: [UInt8]?
        let task: Task<Void, Never>
    }

    let maxInFlight: Int
    private let store: any ObjectStore
    private let events: AsyncStream<WriteEvent>.Continuation
    private var queue: [Job] = []
    private var running: [Int: Running] = [:]
    private var nextID = 0
    /// Memory of queued bodies that are in memory already.
    private(set) var queuedMemory = 0
    /// Memory of the bodies of requests in flight.
    private(set) var runningMemory = 0
    /// The most requests that were in flight at once.
    private(set) var mostInFlight = 0

    init(maxInFlight: Int, store: any ObjectStore, events: AsyncStream<WriteEvent>.Continuation) {
        self.maxInFlight = max(1, maxInFlight)
        self.store = store
        self.events = events
    }

    var isIdle: Bool { queue.isEmpty && running.isEmpty }
    var inFlight: Int { running.count }

    func enqueue(object: Int, _ call: PendingCall) {
        queue.append(Job(id: nextID, object: object, call: call))
        nextID += 1
        queuedMemory += call.body?.memoryBytes ?? 0
    }

    /// Starts queued requests while slots are free. `memoryLeft` is what the budget still allows
    /// for bodies read back from spill files. Returns the jobs whose body could not be read.
    func startReady(memoryLeft: Int) -> [(job: Job, error: any Error)] {
        var failed: [(job: Job, error: any Error)] = []
        var left = memoryLeft
        var index = 0
        /// Keys of objects ahead in the queue or in flight: a later object with the same key waits.
        var keyOwners = Dictionary(running.values.map { ($0.key, $0.object) }, uniquingKeysWith: { first, _ in first })
        while running.count < maxInFlight, index < queue.count {
            let job = queue[index]
            let key = job.call.key
            if let owner = keyOwners[key], owner != job.object {
                index += 1
                continue
            }
            keyOwners[key] = job.object
            let memory = job.call.body?.count ?? 0
            let loadsFromDisk = job.call.body.map { $0.memoryBytes == 0 && $0.count > 0 } ?? false
            if loadsFromDisk && memory > left && !running.isEmpty {
                index += 1  // waits for memory; requests without a body may still pass it
                continue
            }
            queue.remove(at: index)
            queuedMemory -= job.call.body?.memoryBytes ?? 0
            if loadsFromDisk { left -= memory }
            do {
                start(job, call: try job.call.loaded(), memory: memory)
            } catch {
                failed.append((job, error))
            }
        }
        return failed
    }

    private func start(_ job: Job, call: StoreCall, memory: Int) {
        let store = self.store, events = self.events, id = job.id
        let task = Task {
            let result: Result<StoreReply, any Error>
            do {
                result = .success(try await call.perform(on: store))
            } catch {
                result = .failure(error)
            }
            events.yield(.stored(job: id, result))
        }
        running[id] = Running(
            object: job.object, key: job.call.key, kind: job.call.kind, memory: memory, body: call.body, task: task)
        runningMemory += memory
        mostInFlight = max(mostInFlight, running.count)
    }

    /// A request answered: frees its slot and memory; returns the object it was for, its kind and
    /// the body it sent (which no one reads any more: a buffer for a later part).
    func finished(job: Int) -> (object: Int, kind: PendingCall.Kind, body: [UInt8]?)? {
        guard let done = running.removeValue(forKey: job) else { return nil }
        runningMemory -= done.memory
        return (done.object, done.kind, done.body)
    }

    /// The stream failed: drops every request that has not started and cancels those in flight,
    /// except AbortMultipartUpload calls, which clean up. Returns the dropped ones (object, kind),
    /// whose objects must learn that they will never be answered.
    func cancelAll() -> [(object: Int, kind: PendingCall.Kind)] {
        var dropped: [(object: Int, kind: PendingCall.Kind)] = []
        queue.removeAll { job in
            if case .abort = job.call { return false }
            queuedMemory -= job.call.body?.memoryBytes ?? 0
            dropped.append((job.object, job.call.kind))
            return true
        }
        for (_, request) in running where request.kind != .abort { request.task.cancel() }
        return dropped
    }
}
