import CZlib
import FileFormats

/// The encoded bytes of an open object that have not left yet. The encoder writes here; the
/// upload engine takes whole parts off the front as soon as there is one.
///
/// Memory is what the budget counts, not a multiple of it: bytes are kept as parts of exactly
/// `partSize` bytes (a full part leaves as is, without a copy) plus the part being filled, whose
/// capacity grows by half at a time and never past one part. (A growing Swift array doubles its
/// capacity, so 200 open objects held up to twice the bytes the budget had charged.)
final class PartBuffer: ByteSink {
    let partSize: Int
    /// Full parts, oldest first, each exactly `partSize` bytes.
    private var full: [[UInt8]] = []
    /// The part being filled: fewer than `partSize` bytes.
    private var current: [UInt8] = []
    /// Every byte ever written, including those already taken off as parts.
    private(set) var totalWritten = 0
    /// CRC32 of every byte written so far: the whole object's checksum, for the sync manifest.
    private(set) var crc32: UInt32 = 0
    var count: Int { full.count * partSize + current.count }

    init(partSize: Int) {
        self.partSize = max(1, partSize)
    }

    func write(_ chunk: UnsafeRawBufferPointer) throws {
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
        totalWritten += chunk.count
        crc32 = UInt32(CZlib.crc32(uLong(crc32), base.assumingMemoryBound(to: Bytef.self), uInt(chunk.count)))
        var offset = 0
        while offset < chunk.count {
            let take = min(partSize - current.count, chunk.count - offset)
            reserve(current.count + take)
            current.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[offset ..< offset + take]))
            offset += take
            if current.count == partSize {
                full.append(current)
                current = []
            }
        }
    }

    /// Grows `current` by half its capacity (amortised appends), but never beyond one part.
    private func reserve(_ needed: Int) {
        guard needed > current.capacity else { return }
        current.reserveCapacity(min(partSize, max(needed, current.capacity + current.capacity / 2)))
    }

    /// Removes and returns the oldest full part (callers check `count >= partSize` first).
    func takeFront(_ size: Int) -> [UInt8] {
        precondition(size == partSize && !full.isEmpty, "takeFront needs one whole part of \(partSize) bytes")
        return full.removeFirst()
    }

    /// Removes and returns everything.
    func takeAll() -> [UInt8] {
        defer { full = []; current = [] }
        if full.isEmpty { return current }
        return full.flatMap { $0 } + current
    }
}
