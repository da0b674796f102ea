import NIOConcurrencyHelpers

/// One received message (a stdio frame's payload, a gRPC Write request) in memory from a
/// `PayloadPool`; the memory goes back to the pool when the last reference goes.
///
/// An Insert's Arrow record is decoded where it lies in this memory (`ArrowBytes(borrowing:)`),
/// so the arrays of the batch keep the payload alive until the batch is encoded, and the memory is
/// then reused for a later message instead of being unmapped and faulted in again (bench/PROFILE.md).
///
/// `@unchecked Sendable`: `bytes` is written only while the payload is made (by its initialiser,
/// or by the stdio frame reader before `next()` returns it); from then on it is only read, from
/// any thread, until `deinit` hands the memory back through the pool's lock.
public final class PooledPayload: @unchecked Sendable {
    /// The payload: the first `count` bytes of the pooled block.
    public let bytes: UnsafeRawBufferPointer
    private let block: PayloadPool.Block
    private let pool: PayloadPool

    init(count: Int, from pool: PayloadPool) {
        self.pool = pool
        block = pool.take(count)
        bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(block.memory)[..<count])
    }

    /// A copy of `source` in pooled memory.
    public convenience init(copying source: UnsafeRawBufferPointer, from pool: PayloadPool) {
        self.init(count: source.count, from: pool)
        if source.count > 0 { unpublishedBytes.copyMemory(from: source) }
    }

    /// Where the payload is written; only before it is published.
    var unpublishedBytes: UnsafeMutableRawBufferPointer { UnsafeMutableRawBufferPointer(mutating: bytes) }

    deinit { pool.giveBack(block) }
}

/// Memory for received messages, kept for reuse after their payloads are released.
///
/// A payload larger than glibc's mmap threshold (128 KiB, set by `AllocatorTuning`) would
/// otherwise be new address space per frame that the kernel zeroes and faults in page by page:
/// for 1 M rows of the bench's wide table that was a third of the plugin's page faults. At most
/// `keptBlocks` blocks and `keptBytes` bytes wait here (the CLI's Inserts are one record batch
/// each, a few MiB at most), so the idle memory stays small beside `memory_budget_bytes`.
public final class PayloadPool: Sendable {
    static let keptBlocks = 4
    static let keptBytes = 32 << 20
    /// Block sizes are rounded up to this, so payloads of slightly different sizes share blocks.
    static let granule = 64 << 10

    /// Memory of one payload. `@unchecked Sendable`: a block has one owner at a time, the payload
    /// that holds it or the pool's free list, and moves between them under the lock.
    struct Block: @unchecked Sendable {
        let memory: UnsafeMutableRawBufferPointer
    }

    private let free = NIOLockedValueBox<[Block]>([])

    public init() {}

    /// The smallest free block that holds `count` bytes, or a new one.
    func take(_ count: Int) -> Block {
        let reused: Block? = free.withLockedValue { blocks in
            var best: Int?
            for (i, block) in blocks.enumerated() where block.memory.count >= count {
                if best.map({ block.memory.count < blocks[$0].memory.count }) ?? true { best = i }
            }
            return best.map { blocks.remove(at: $0) }
        }
        if let reused { return reused }
        let size = max(Self.granule, (count + Self.granule - 1) / Self.granule * Self.granule)
        return Block(memory: .allocate(byteCount: size, alignment: 64))
    }

    /// Keeps `block` for a later payload, or frees it: when `keptBlocks` wait already, the
    /// smallest of them makes way for a larger one; a block that would take the waiting bytes over
    /// `keptBytes` is freed.
    func giveBack(_ block: Block) {
        let dropped: Block? = free.withLockedValue { blocks in
            var kept = blocks.reduce(0) { $0 + $1.memory.count }
            if blocks.count >= Self.keptBlocks {
                guard let smallest = blocks.indices.min(by: { blocks[$0].memory.count < blocks[$1].memory.count }),
                      blocks[smallest].memory.count < block.memory.count,
                      kept - blocks[smallest].memory.count + block.memory.count <= Self.keptBytes
                else { return block }
                kept -= blocks[smallest].memory.count
                let out = blocks[smallest]
                blocks[smallest] = block
                return out
            }
            guard kept + block.memory.count <= Self.keptBytes else { return block }
            blocks.append(block)
            return nil
        }
        dropped?.memory.deallocate()
    }

    /// Blocks waiting for reuse, and their bytes (tests).
    var kept: (blocks: Int, bytes: Int) {
        free.withLockedValue { ($0.count, $0.reduce(0) { $0 + $1.memory.count }) }
    }

    deinit {
        free.withLockedValue { blocks in blocks.forEach { $0.memory.deallocate() } }
    }
}
