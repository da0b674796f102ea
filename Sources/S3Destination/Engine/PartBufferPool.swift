#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Request bodies whose upload has finished, kept as the buffers of later parts.
///
/// An `ObjectBuffer` reserves a part's buffer whole, above glibc's mmap threshold
/// (`AllocatorTuning`), so every new part buffer is fresh address space that the kernel maps and
/// zeroes page by page as the encoder writes it: for 1 M rows of CSV, 91 % of the plugin's page
/// faults were in `ObjectBuffer.write` (bench/PROFILE.md, fourth round). A finished body's pages
/// are mapped already; a part written into it takes no fault.
///
/// What it keeps is bounded (`keptBuffers`, `keptBytes`) and charged: `residentBytes` is part of
/// the session's memory used, and under pressure the session empties the pool before it spills
/// an object. A buffer's pages beyond the bytes of its last body are given back to the kernel when
/// it comes in, so its charge is exactly the pages still mapped. A body may still be referenced by
/// the request that sent it for a moment; nothing here writes to a buffer in place unless it is
/// the only reference (Swift's copy-on-write), so that only costs the reuse, never bytes.
///
/// Owned by one `WriteSession`, like the object buffers it lends to.
final class PartBufferPool {
    /// At most this many buffers wait.
    static let keptBuffers = 4
    /// Smaller buffers are heap blocks that glibc reuses by itself.
    static let smallestKept = 1 << 20

    private struct Kept {
        var buffer: [UInt8]
        let resident: Int
    }

    /// At most this many bytes wait (the session passes an eighth of its budget).
    let keptBytes: Int
    private var kept: [Kept] = []
    /// Pages of the kept buffers that are mapped: what the pool holds.
    private(set) var residentBytes = 0
    /// Buffers lent out again so far.
    private(set) var reused = 0
    /// Set by `close`: no part is written any more, so nothing is kept.
    private var closed = false

    init(keptBytes: Int) {
        self.keptBytes = keptBytes
    }

    var count: Int { kept.count }

    /// Keeps `body` (whose request has finished) for a later part if it is a part-sized buffer and
    /// there is room; otherwise it is freed with the caller's reference.
    func giveBack(_ body: [UInt8]) {
        guard !closed, body.capacity >= Self.smallestKept, body.capacity <= ObjectBuffer.reservationLimit,
              kept.count < Self.keptBuffers else { return }
        let resident = Self.releasePages(after: body)
        guard residentBytes + resident <= keptBytes else { return }
        kept.append(Kept(buffer: body, resident: resident))
        residentBytes += resident
    }

    /// Moves `buffer`'s bytes into a kept buffer of at least `capacity` bytes, which takes its
    /// place; returns the bytes of it that were mapped, or nil (and `buffer` unchanged) if none fits.
    /// The kept buffer is moved, never copied, so it is written in place when no one else holds it.
    func refill(_ buffer: inout [UInt8], capacity: Int) -> Int? {
        guard let index = kept.firstIndex(where: { $0.buffer.capacity >= capacity }) else { return nil }
        var taken = kept.remove(at: index)
        residentBytes -= taken.resident
        reused += 1
        taken.buffer.removeAll(keepingCapacity: true)
        taken.buffer.append(contentsOf: buffer)
        swap(&buffer, &taken.buffer)
        return taken.resident
    }

    /// No part is written after this (the stream ended or failed): frees what is kept and keeps
    /// nothing more.
    func close() {
        closed = true
        empty()
    }

    /// Frees every kept buffer; returns the bytes they held.
    @discardableResult
    func empty() -> Int {
        let freed = residentBytes
        kept = []
        residentBytes = 0
        return freed
    }

    /// Unmaps the whole pages of `body`'s capacity past its bytes (a buffer that held a larger part
    /// before keeps them mapped otherwise) and returns the bytes still mapped, by page. Only bytes
    /// past `count` are dropped, which no holder of the body reads.
    private static func releasePages(after body: [UInt8]) -> Int {
        let page = ObjectBuffer.pageSize
        body.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            let address = UInt(bitPattern: base)
            let start = (address + UInt(body.count) + UInt(page) - 1) / UInt(page) * UInt(page)
            let end = (address + UInt(body.capacity)) / UInt(page) * UInt(page)
            guard end > start, let from = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(from, Int(end - start), MADV_DONTNEED)
        }
        return ObjectBuffer.pagesSpanning(body.count)
    }
}
