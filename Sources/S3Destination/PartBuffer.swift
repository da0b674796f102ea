import CZlib
import FileFormats

/// The encoded bytes of an open object that have not left yet. The encoder writes here; the
/// upload engine takes whole parts off the front as soon as there are `partSize` bytes.
/// Small objects only ever allocate what they use.
final class PartBuffer: ByteSink {
    private(set) var bytes: [UInt8] = []
    /// Every byte ever written, including those already taken off as parts.
    private(set) var totalWritten = 0
    /// CRC32 of every byte written so far: the whole object's checksum, for the sync manifest.
    private(set) var crc32: UInt32 = 0
    var count: Int { bytes.count }

    func write(_ chunk: UnsafeRawBufferPointer) throws {
        bytes.append(contentsOf: chunk)
        totalWritten += chunk.count
        if let base = chunk.baseAddress, !chunk.isEmpty {
            crc32 = UInt32(CZlib.crc32(uLong(crc32), base.assumingMemoryBound(to: Bytef.self), uInt(chunk.count)))
        }
    }

    /// Removes and returns the first `size` bytes.
    func takeFront(_ size: Int) -> [UInt8] {
        let part = Array(bytes[..<size])
        bytes.removeFirst(size)
        return part
    }

    /// Removes and returns everything.
    func takeAll() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }
}
