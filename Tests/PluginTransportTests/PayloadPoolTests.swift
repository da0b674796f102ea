import Foundation
@testable import StdioWire
import Testing

/// The memory stdio frames are read into: reused once released, never while held, and bounded.
@Suite struct PayloadPoolTests {
    @Test func releasedMemoryIsReusedForTheNextPayloadThatFits() {
        let pool = PayloadPool()
        var first: PooledPayload? = PooledPayload(count: 1_000_000, from: pool)
        let address = first?.bytes.baseAddress
        let held = PooledPayload(count: 900_000, from: pool)
        #expect(held.bytes.baseAddress != address, "a held payload's memory is not handed out")
        first = nil
        #expect(pool.kept.blocks == 1)
        let second = PooledPayload(count: 900_000, from: pool)
        #expect(second.bytes.baseAddress == address)
        #expect(second.bytes.count == 900_000)
        #expect(pool.kept.blocks == 0)
    }

    @Test func atMostFourBlocksAnd32MiBWaitAndTheLargestAreKept() {
        let pool = PayloadPool()
        var payloads: [PooledPayload] = (1...6).map { PooledPayload(count: $0 << 20, from: pool) }
        payloads.removeAll()
        #expect(pool.kept.blocks == PayloadPool.keptBlocks)
        #expect(pool.kept.bytes == (3 + 4 + 5 + 6) << 20)
        _ = PooledPayload(count: 20 << 20, from: pool)
        #expect(pool.kept.bytes == (3 + 4 + 5 + 6) << 20, "18 + 20 MiB would be over 32 MiB: the 20 MiB block is freed")
        _ = PooledPayload(count: PayloadPool.keptBytes + 1, from: pool)
        #expect(pool.kept.bytes == (3 + 4 + 5 + 6) << 20, "a block over the whole limit is never kept")
    }

    @Test("payloads taken and released on many threads keep their own bytes")
    func concurrentPayloads() async {
        let pool = PayloadPool()
        let failures = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var failures = 0
                    for round in 0..<200 {
                        let count = 70_000 + (task * 7_919 + round * 104_729) % 400_000
                        let payload = PooledPayload(count: count, from: pool)
                        let mark = UInt8(truncatingIfNeeded: task &* 31 &+ round)
                        payload.unpublishedBytes.initializeMemory(as: UInt8.self, repeating: mark)
                        await Task.yield()
                        if !payload.bytes.allSatisfy({ $0 == mark }) { failures += 1 }
                    }
                    return failures
                }
            }
            return await group.reduce(0, +)
        }
        #expect(failures == 0)
        #expect(pool.kept.blocks <= PayloadPool.keptBlocks)
    }
}
