import CZlib
import FileFormats

/// The encoded bytes of an open object that have not left yet. The encoder writes here; the
/// engine takes whole parts off the front as soon as there is one, and the rest when it closes.
///
/// In memory, bytes are kept as parts of exactly `partSize` bytes (a full part leaves as is,
/// without a copy) plus the part being filled, whose capacity grows by half at a time and never
/// past one part (a growing Swift array doubles its capacity: 200 open objects held up to twice the
/// bytes the budget charged). Under memory pressure the engine `spill`s the buffer: from then on
/// its bytes live in a `SpillFile` and take no memory until they leave.
final class ObjectBuffer: ByteSink {
    let partSize: Int
    /// Full parts, oldest first, each exactly `partSize` bytes (in memory only).
    private var full: [[UInt8]] = []
    /// The part being filled: fewer than `partSize` bytes (in memory only).
    private var current: [UInt8] = []
    /// Where the bytes are once spilled (then `full` and `current` stay empty).
    private var spill: SpillFile?
    /// Every byte ever written, including those already taken off as parts.
    private(set) var totalWritten = 0
    /// CRC32 of every byte written so far: the whole object's checksum, for the sync manifest.
    private(set) var crc32: UInt32 = 0

    /// Memory held (the part being filled by its capacity).
    var memoryBytes: Int { full.count * partSize + current.capacity }
    var isSpilled: Bool { spill != nil }

    init(partSize: Int) {
        self.partSize = max(1, partSize)
    }

    func write(_ chunk: UnsafeRawBufferPointer) throws {
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
        totalWritten += chunk.count
        crc32 = UInt32(CZlib.crc32(uLong(crc32), base.assumingMemoryBound(to: Bytef.self), uInt(chunk.count)))
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
                current = []
            }
        }
    }

    /// Grows `current` by half its capacity (amortised appends), but never beyond one part.
    private func reserve(_ needed: Int) {
        guard needed > current.capacity else { return }
        current.reserveCapacity(min(partSize, max(needed, current.capacity + current.capacity / 2)))
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
        defer { full = []; current = [] }
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
        current = []
        spill = file
    }
}
