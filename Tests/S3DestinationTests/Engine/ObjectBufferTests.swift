import CZlib
import Testing

@testable import S3Destination

/// The buffer of an open object: parts of exactly part_size bytes in the order written, and a
/// memory charge that follows what the process holds — a small object by its heap block, a part
/// reserved whole by the pages written to it.
@Suite struct ObjectBufferTests {
    static func bytes(_ count: Int, seed: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: ($0 &* 131) ^ ($0 >> 8) &+ seed) }
    }

    @Test func aSmallObjectIsChargedItsSmallBlock() throws {
        let buffer = ObjectBuffer(partSize: 5 << 20)
        try Self.bytes(300, seed: 1).withUnsafeBytes { try buffer.write($0) }
        #expect(buffer.memoryBytes >= 300)
        #expect(buffer.memoryBytes <= 1024, "\(buffer.memoryBytes)")
    }

    @Test func aReservedPartIsChargedThePagesWrittenAndPartsComeOutWhole() throws {
        let partSize = 5 << 20
        let buffer = ObjectBuffer(partSize: partSize)
        let input = Self.bytes(12 << 20, seed: 7)
        let writer = ChunkedWrites(input, into: buffer)
        try writer.write(upTo: (1 << 20) + 1)  // the first MiB and one byte
        #expect(buffer.memoryBytes == (1 << 20) + 4096, "charged the pages written, not the 5 MiB reserved")
        #expect(try buffer.takePart() == nil)
        try writer.write(upTo: input.count)
        let first = try #require(try buffer.takePart())
        let second = try #require(try buffer.takePart())
        #expect(try buffer.takePart() == nil)
        #expect(first == Array(input[0..<partSize]))
        #expect(second == Array(input[partSize..<(2 * partSize)]))
        guard case .bytes(let rest) = buffer.takeRest() else {
            Issue.record("the rest of an object never spilled is in memory")
            return
        }
        #expect(rest == Array(input[(2 * partSize)...]))
        #expect(buffer.totalWritten == input.count)
        // zlib, an implementation apart from the one the buffer uses.
        let expectedCRC = input.withUnsafeBytes {
            UInt32(CZlib.crc32_z(0, $0.baseAddress!.assumingMemoryBound(to: Bytef.self), $0.count))
        }
        #expect(buffer.crc32 == expectedCRC)
        #expect(buffer.memoryBytes == 0)
    }
}

/// Writes `input` into an object buffer in chunks of 100 000 bytes (what an encoder hands over),
/// up to a given offset at a time.
final class ChunkedWrites {
    let input: [UInt8]
    let buffer: ObjectBuffer
    private(set) var offset = 0

    init(_ input: [UInt8], into buffer: ObjectBuffer) {
        self.input = input
        self.buffer = buffer
    }

    func write(upTo end: Int) throws {
        while offset < end {
            let next = min(end, offset + 100_000)
            try input[offset..<next].withUnsafeBytes { try buffer.write($0) }
            offset = next
        }
    }
}
