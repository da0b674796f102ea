/// The one memory budget of a Write stream: bytes held by open objects' buffers plus parts and
/// objects being uploaded. The write path adds what it buffers and waits for releases when the
/// budget is spent, which stops it reading the stream (backpressure to the CLI).
actor MemoryBudget {
    let capacity: Int
    private(set) var used = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Charges `bytes` (negative when the write path itself gave memory back).
    func add(_ bytes: Int) {
        if bytes < 0 { release(-bytes) } else { used += bytes }
    }

    func release(_ bytes: Int) {
        used -= bytes
        let woken = waiters
        waiters = []
        woken.forEach { $0.resume() }
    }

    enum Pressure { case none, waited, nothingInFlight }

    /// Checks the budget in one step (no wake-up can slip in between): within budget → `.none`;
    /// spent with uploads in flight → waits for one of them to release, then `.waited`;
    /// spent by open objects alone (`openBytes`) → `.nothingInFlight`: only closing one helps.
    func relieve(openBytes: Int) async -> Pressure {
        guard used >= capacity else { return .none }
        guard used > openBytes else { return .nothingInFlight }
        await withCheckedContinuation { waiters.append($0) }
        return .waited
    }
}
