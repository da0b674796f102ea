#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

@testable import S3Destination

/// Finished request bodies kept as later parts' buffers: the bytes of every part stay exact, a
/// body another holder still reads is never written, and the memory kept is bounded and charged
/// by the pages that are really mapped.
@Suite struct PartBufferPoolTests {
    static let page = ObjectBuffer.pageSize

    static func address(of bytes: [UInt8]) -> UInt {
        bytes.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }

    /// Whole pages of `bytes`' storage from `offset` to its capacity that are mapped (mincore).
    static func mappedPages(of bytes: [UInt8], from offset: Int) -> (mapped: Int, pages: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            let base = UInt(bitPattern: buffer.baseAddress)
            let start = (base + UInt(offset) + UInt(page) - 1) / UInt(page) * UInt(page)
            let end = (base + UInt(bytes.capacity)) / UInt(page) * UInt(page)
            let pages = Int(end - start) / page
            var flags = [UInt8](repeating: 0, count: pages)
            let status = mincore(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), &flags)
            precondition(status == 0, "mincore failed: \(errno)")
            return (flags.filter { $0 & 1 != 0 }.count, pages)
        }
    }

    static func written(_ count: Int, capacity: Int, seed: UInt8) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(capacity)
        for i in 0..<capacity { bytes.append(UInt8(truncatingIfNeeded: i &* 7) ^ seed) }  // every page mapped
        bytes.removeLast(capacity - count)
        return bytes
    }

    @Test func aFinishedPartsBufferCarriesTheNextPartWithItsBytesExact() throws {
        let partSize = 2 << 20
        let pool = PartBufferPool(keptBytes: 64 << 20)
        let buffer = ObjectBuffer(partSize: partSize, pool: pool)
        let input = ObjectBufferTests.bytes(5 << 20, seed: 3)
        let writer = ChunkedWrites(input, into: buffer)
        try writer.write(upTo: partSize)
        var first = try buffer.takePart()
        let firstAddress = Self.address(of: try #require(first))
        pool.giveBack(try #require(first))  // its upload finished
        first = nil
        #expect(pool.count == 1)
        #expect(pool.residentBytes == partSize)

        try writer.write(upTo: partSize + 300_000)
        #expect(pool.count == 0 && pool.reused == 1)
        #expect(buffer.memoryBytes == partSize, "charged the pages the reused buffer has mapped, not the ones written")
        try writer.write(upTo: input.count)
        let second = try #require(try buffer.takePart())
        #expect(Self.address(of: second) == firstAddress, "the second part was written into the first's buffer")
        #expect(second == Array(input[partSize..<(2 * partSize)]))
        guard case .bytes(let rest) = buffer.takeRest() else {
            Issue.record("the rest of an object never spilled is in memory")
            return
        }
        #expect(rest == Array(input[(2 * partSize)...]))
        #expect(buffer.memoryBytes == 0)
    }

    @Test func aBodyStillReadElsewhereIsNeverWritten() throws {
        let pool = PartBufferPool(keptBytes: 64 << 20)
        let body = Self.written(1 << 20, capacity: 2 << 20, seed: 0x5a)
        let sender = body  // the request that sent it still holds it
        pool.giveBack(body)
        var reused: [UInt8] = [0xee]
        #expect(pool.refill(&reused, capacity: 1 << 20) == 1 << 20)
        reused.append(contentsOf: [UInt8](repeating: 0xee, count: 1 << 20))
        #expect(sender == Self.written(1 << 20, capacity: 2 << 20, seed: 0x5a), "the sender's bytes are unchanged")
        #expect(reused.count == (1 << 20) + 1 && reused.allSatisfy { $0 == 0xee })
    }

    @Test func pagesPastTheLastBodyAreUnmappedAndNotCharged() {
        let pool = PartBufferPool(keptBytes: 64 << 20)
        let count = (1 << 20) + 1
        let body = Self.written(count, capacity: 4 << 20, seed: 1)
        #expect(Self.mappedPages(of: body, from: count).mapped > 0, "written pages past the count are mapped before")
        pool.giveBack(body)
        #expect(pool.residentBytes == (1 << 20) + Self.page)
        let after = Self.mappedPages(of: body, from: count)
        #expect(after.pages > 700 && after.mapped == 0, "\(after.mapped) of \(after.pages) pages still mapped")
        #expect(body.count == count && body.last == UInt8(truncatingIfNeeded: (count - 1) &* 7) ^ 1, "the body is intact")
    }

    @Test func whatIsKeptIsBounded() {
        let pool = PartBufferPool(keptBytes: 10 << 20)
        pool.giveBack(Self.written(100_000, capacity: 200_000, seed: 0))
        #expect(pool.count == 0, "a heap-sized block is left to glibc")
        pool.giveBack(Self.written(1 << 20, capacity: ObjectBuffer.reservationLimit + 4096, seed: 0))
        #expect(pool.count == 0, "a buffer beyond the reservation limit is not a part buffer")
        for _ in 0..<3 { pool.giveBack(Self.written(3 << 20, capacity: 3 << 20, seed: 0)) }
        #expect(pool.count == 3 && pool.residentBytes == 9 << 20)
        pool.giveBack(Self.written(2 << 20, capacity: 2 << 20, seed: 0))
        #expect(pool.count == 3, "over keptBytes")
        pool.giveBack(Self.written(1 << 20, capacity: 1 << 20, seed: 0))
        #expect(pool.count == 4 && pool.residentBytes == 10 << 20)
        let roomy = PartBufferPool(keptBytes: 1 << 40)
        for _ in 0..<(PartBufferPool.keptBuffers + 2) { roomy.giveBack(Self.written(1 << 20, capacity: 1 << 20, seed: 0)) }
        #expect(roomy.count == PartBufferPool.keptBuffers)
        var small: [UInt8] = [1, 2, 3]
        #expect(pool.refill(&small, capacity: 4 << 20) == nil, "none large enough")
        #expect(small == [1, 2, 3] && pool.count == 4)
        #expect(pool.empty() == 10 << 20)
        #expect(pool.count == 0 && pool.residentBytes == 0)
        roomy.close()
        #expect(roomy.count == 0 && roomy.residentBytes == 0, "closing frees what is kept")
        roomy.giveBack(Self.written(1 << 20, capacity: 1 << 20, seed: 0))
        #expect(roomy.count == 0, "and keeps nothing once the stream has ended")
    }
}
