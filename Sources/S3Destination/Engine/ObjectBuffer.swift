import FileFormats
import S3Client

/// The encoded bytes of an open object that have not left yet. The encoder writes here; the
/// engine takes whole parts off the front as soon as there is one, and the rest when it closes.
///
/// In memory, bytes are kept as parts of exactly `partSize` bytes (a full part leaves as is,
/// without a copy) plus the part being filled. That part's buffer grows by half at a time while it
/// is small (an object of a few rows stays a small heap block), then, past `smallCapacity`, is
/// reserved whole (up to `reservationLimit`, by half beyond it, never past one part), so a part is
/// not copied into ever larger buffers as it fills: each regrowth copied it and faulted in fresh
/// pages, a fifth of the CPU of writing JSON Lines (bench/PROFILE.md). The reservation costs address
/// space, not memory: it is above glibc's mmap threshold (`AllocatorTuning`), so the kernel backs a
/// page only when it is first written, and the budget is charged the pages written. With a
/// `PartBufferPool`, the reservation is a finished request body's buffer when one is kept, whose
/// pages are mapped already (charged from the start). Under memory pressure the engine `spill`s
/// the buffer: from then on its bytes live in a `SpillFile` and take no memory until they leave.
final class ObjectBuffer: ByteSink {
    let partSize: Int
    /// Full parts, oldest first, each exactly `partSize` bytes (in memory only).
    private var full: [[UInt8]] = []
    /// The part being filled: fewer than `partSize` bytes (in memory only).
    private var current: [UInt8] = []
    /// Bytes of `current` mapped before it was written (a buffer from the pool), by page.
    private var currentResident = 0
    private let pool: PartBufferPool?
    /// Where the bytes are once spilled (then `full` and `current` stay empty).
    private var spill: SpillFile?
    /// Every byte ever written, including those already taken off as parts.
    private(set) var totalWritten = 0
    /// CRC32 of every byte written so far: the whole object's checksum, for the sync manifest.
    private(set) var crc32: UInt32 = 0

    /// Below this a buffer is a heap block charged by its capacity (under glibc's 128 KiB mmap threshold).
    static let smallCapacity = 64 << 10
    /// The most a part's buffer reserves at once (a `part_size` of 5 GiB is reserved in steps).
    static let reservationLimit = 64 << 20
    static let pageSize = 4096

    /// Memory held: the full parts, and the part being filled — a small one by its capacity, a
    /// reserved one by the pages its bytes were written to.
    var memoryBytes: Int {
        let filling = current.capacity <= Self.smallCapacity
            ? current.capacity
            : max(currentResident, Self.pagesSpanning(current.count))
        return full.count * partSize + filling
    }
    var isSpilled: Bool { spill != nil }

    /// `bytes` rounded up to whole pages: what a buffer mapped page by page holds for them.
    static func pagesSpanning(_ bytes: Int) -> Int {
        (bytes + pageSize - 1) / pageSize * pageSize
    }

    init(partSize: Int, pool: PartBufferPool? = nil) {
        self.partSize = max(1, partSize)
        self.pool = pool
    }

    func write(_ chunk: UnsafeRawBufferPointer) throws {
        guard !chunk.isEmpty else { return }
        totalWritten += chunk.count
        crc32 = CRC32.update(crc32, with: chunk)
        if let spill {
            try spill.append(chunk)
            return
        }
        var offset = 0
        while offset < chunk.count {
            let take = min(partSize - current.count, chunk.count - offset)
            reserve(current.count + take)
            current.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[offset ..< offset + take]))
            offset += take
            if current.count == partSize {
                full.append(current)
                startNextPart()
            }
        }
    }

    /// Grows `current` by half its capacity (amortised appends) while small, then reserves the
    /// whole part at once (up to `reservationLimit`), in a pooled buffer when there is one; never
    /// beyond one part.
    private func reserve(_ needed: Int) {
        guard needed > current.capacity else { return }
        let grown = max(needed, current.capacity + current.capacity / 2)
        let outgrowsSmall = grown > Self.smallCapacity && current.capacity <= Self.smallCapacity
        let capacity = min(partSize, outgrowsSmall ? max(grown, Self.reservationLimit) : grown)
        if outgrowsSmall, let resident = pool?.refill(&current, capacity: capacity) {
            currentResident = resident
            return
        }
        current.reserveCapacity(capacity)
    }

    /// The part being filled starts over, empty and unreserved.
    private func startNextPart() {
        current = []
        currentResident = 0
    }

    /// The oldest whole part, or nil while fewer than `partSize` bytes are waiting.
    func takePart() throws -> [UInt8]? {
        if let spill {
            guard spill.count >= partSize else { return nil }
            let part = try spill.read(offset: 0, length: partSize)
            try spill.dropFront(partSize)
            return part
        }
        return full.isEmpty ? nil : full.removeFirst()
    }

    /// Everything not taken yet, as the last body of the object (a spilled rest stays on disk).
    func takeRest() -> PartBody {
        if let spill {
            self.spill = nil
            return .spilled(spill)
        }
        defer { full = []; startNextPart() }
        if full.isEmpty { return .bytes(current) }
        return .bytes(full.flatMap { $0 } + current)
    }

    /// Moves the bytes held in memory to a spill file; later writes go there too.
    func moveToDisk() throws {
        guard spill == nil else { return }
        let file = try SpillFile()
        for part in full { try part.withUnsafeBytes { try file.append($0) } }
        try current.withUnsafeBytes { try file.append($0) }
        full = []
        startNextPart()
        spill = file
    }
}
