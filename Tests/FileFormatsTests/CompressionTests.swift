@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// gzip framed as Go's `compress/gzip` writes it, zstd frames with checksums; both stream
/// (bytes reach the wrapped sink before `finish`), decompress with independent decoders
/// (Python's zlib/gzip, pyarrow's zstd), and fail cleanly.
@Suite struct CompressionTests {
    /// Deterministic test data: `count` bytes, text-like runs mixed with pseudo-random bytes.
    static func data(count: Int, seed: UInt64 = 42) -> [UInt8] {
        var state = seed
        var out: [UInt8] = []
        out.reserveCapacity(count)
        while out.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            if state >> 60 < 6 {
                out.append(contentsOf: "row \(state >> 40),value,\"x\"\n".utf8)
            } else {
                for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: state >> UInt64(shift))) }
            }
        }
        return Array(out.prefix(count))
    }

    /// Writes `data` in uneven pieces (1 byte … 100 KiB) and finishes.
    static func compress(_ data: [UInt8], into sink: any CompressionSink) throws {
        var offset = 0, step = 1
        while offset < data.count {
            let end = min(offset + step, data.count)
            try data[offset..<end].withUnsafeBytes { try sink.write($0) }
            offset = end
            step = step * 7 % 100_003 + 1
        }
        try sink.finish()
    }

    /// Runs `script` with the compressed file as argv[1] and the original as argv[2].
    static func python(_ script: String, compressed: [UInt8], original: [UInt8]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("compression-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(compressed).write(to: directory.appendingPathComponent("object"))
        try Data(original).write(to: directory.appendingPathComponent("original"))
        let (_, output) = try JSONLinesTestEnvironment.runPython(script, arguments: ["object", "original"], in: directory)
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: gzip

    /// Go: ID1 ID2, CM 8, FLG 0 (no name/comment/extra), MTIME 0, XFL (0; 4 at BestSpeed; 2
    /// at BestCompression), OS 255.
    @Test(arguments: [(Int32(6), UInt8(0)), (1, 4), (9, 2), (5, 0)])
    func gzipHeaderIsGos(level: Int32, extraFlags: UInt8) throws {
        let inner = CSVRecordingSink()
        try Self.compress(Array("hello".utf8), into: GzipSink(wrapping: inner, level: level))
        #expect(Array(inner.bytes.prefix(10)) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, extraFlags, 255])
    }

    @Test(.requires(.python)) func gzipIsOneMemberThatPythonDecompresses() throws {
        let original = Self.data(count: 3_000_000)
        let inner = CSVRecordingSink()
        try Self.compress(original, into: ObjectCompression.gzip.makeSink(wrapping: inner))
        #expect(inner.byteCount < original.count)
        let output = try Self.python("""
            import gzip, sys, zlib
            data, original = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
            d = zlib.decompressobj(wbits=31)          # exactly one gzip member, nothing after it
            assert d.decompress(data) == original and d.eof and d.unused_data == b"", "content"
            assert gzip.decompress(data) == original
            assert data[-8:] == zlib.crc32(original).to_bytes(4, "little") + len(original).to_bytes(4, "little")
            with gzip.open(sys.argv[1]) as f:
                f.read(); print(f.mtime)
            """, compressed: inner.bytes, original: original)
        #expect(output == "0", "gzip MTIME must be 0")
    }

    @Test(.requires(.python)) func gzipOfNothingIsAValidEmptyMember() throws {
        let inner = CSVRecordingSink()
        try GzipSink(wrapping: inner).finish()
        let output = try Self.python("""
            import gzip, sys
            print(len(gzip.decompress(open(sys.argv[1], "rb").read())))
            """, compressed: inner.bytes, original: [])
        #expect(output == "0")
    }

    // MARK: zstd

    /// Walks the zstd frame format (RFC 8878): returns, per frame, whether it carries a
    /// content checksum; fails unless the frames cover the bytes exactly.
    static func zstdFrames(_ b: [UInt8]) throws -> [Bool] {
        struct Malformed: Error {}
        var frames: [Bool] = []
        var p = 0
        func need(_ n: Int) throws { if p + n > b.count { throw Malformed() } }
        while p < b.count {
            try need(5)
            guard Array(b[p..<(p + 4)]) == [0x28, 0xb5, 0x2f, 0xfd] else { throw Malformed() }
            let descriptor = b[p + 4]
            let singleSegment = descriptor >> 5 & 1 == 1
            let checksum = descriptor >> 2 & 1 == 1
            p += 5 + (singleSegment ? 0 : 1) + [0, 1, 2, 4][Int(descriptor & 3)]
            let sizeFlag = Int(descriptor >> 6)
            p += sizeFlag == 0 ? (singleSegment ? 1 : 0) : [0, 2, 4, 8][sizeFlag]
            while true {
                try need(3)
                let header = Int(b[p]) | Int(b[p + 1]) << 8 | Int(b[p + 2]) << 16
                p += 3 + (header >> 1 & 3 == 1 ? 1 : header >> 3)
                if header & 1 == 1 { break }
            }
            p += checksum ? 4 : 0
            try need(0)
            frames.append(checksum)
        }
        return frames
    }

    @Test(.requires(.python)) func zstdIsOneCheckedFrameThatPyarrowDecompresses() throws {
        let original = Self.data(count: 3_000_000, seed: 7)
        let inner = CSVRecordingSink()
        try Self.compress(original, into: ObjectCompression.zstd.makeSink(wrapping: inner))
        #expect(try Self.zstdFrames(inner.bytes) == [true])
        #expect(inner.byteCount < original.count)
        let output = try Self.python("""
            import sys, pyarrow as pa
            data, original = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
            got = pa.CompressedInputStream(pa.BufferReader(data), "zstd").read()
            print(got == original)
            """, compressed: inner.bytes, original: original)
        #expect(output == "True")
    }

    @Test func zstdOfNothingIsAValidEmptyFrame() throws {
        let inner = CSVRecordingSink()
        try ZstdSink(wrapping: inner).finish()
        #expect(try Self.zstdFrames(inner.bytes) == [true])
    }

    // MARK: streaming and composition

    /// Bytes leave while the object is still being written; no chunk exceeds the buffer.
    @Test(arguments: [ObjectCompression.gzip, .zstd])
    func compressedBytesReachTheInnerSinkBeforeFinish(compression: ObjectCompression) throws {
        let original = Self.data(count: 8_000_000, seed: 3)
        let inner = CSVRecordingSink()
        let sink = try compression.makeSink(wrapping: inner)
        for start in stride(from: 0, to: original.count, by: 65_536) {
            try original[start..<min(start + 65_536, original.count)].withUnsafeBytes { try sink.write($0) }
        }
        let beforeFinish = inner.byteCount
        try sink.finish()
        #expect(beforeFinish > inner.byteCount / 2, "\(beforeFinish) of \(inner.byteCount) bytes left before finish")
        #expect(inner.chunks.allSatisfy { $0.count <= 64 * 1024 })
    }

    /// The documented composition: encoder → compression sink → upload sink; the
    /// decompressed object equals the uncompressed encoding.
    @Test(.requires(.python), arguments: [ObjectCompression.gzip, .zstd, .none])
    func csvObjectThroughCompression(compression: ObjectCompression) throws {
        let stream = try CSVInputs.stream("big")
        let plain = try CSVEncoding.encode(stream).bytes
        let upload = CSVRecordingSink()
        let compressed = try compression.makeSink(wrapping: upload)
        var encoder = try CSVEncoder(delimiter: UInt8(ascii: ","), header: true)
        try encoder.begin(into: compressed)
        for batch in stream.batches { try encoder.write(batch, into: compressed) }
        try encoder.finish(into: compressed)
        try compressed.finish()
        let codec = compression == .gzip ? "gzip" : compression == .zstd ? "zstd" : "none"
        let output = try Self.python("""
            import gzip, sys, pyarrow as pa
            data, original = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
            codec = "\(codec)"
            got = gzip.decompress(data) if codec == "gzip" else (
                pa.CompressedInputStream(pa.BufferReader(data), "zstd").read() if codec == "zstd" else data)
            print(got == original)
            """, compressed: upload.bytes, original: plain)
        #expect(output == "True")
        #expect(compression == .none ? upload.bytes == plain : upload.byteCount < plain.count)
    }

    @Test func extensionsForFormatPlaceholder() {
        #expect(ObjectCompression.none.fileExtension == "")
        #expect(ObjectCompression.gzip.fileExtension == ".gz")
        #expect(ObjectCompression.zstd.fileExtension == ".zst")
    }

    // MARK: failures

    @Test(arguments: [ObjectCompression.gzip, .zstd, .none])
    func writingAfterFinishIsAnError(compression: ObjectCompression) throws {
        let sink = try compression.makeSink(wrapping: CSVRecordingSink())
        try sink.write(Array("x".utf8))
        try sink.finish()
        let error = try #require(throws: CompressionError.self) { try sink.write(Array("y".utf8)) }
        #expect(error.description.contains("finish"))
    }

    @Test func invalidLevelsAreRejected() {
        #expect(throws: CompressionError.self) { try GzipSink(wrapping: CSVRecordingSink(), level: 0) }
        #expect(throws: CompressionError.self) { try GzipSink(wrapping: CSVRecordingSink(), level: 10) }
        #expect(throws: CompressionError.self) { try ZstdSink(wrapping: CSVRecordingSink(), level: 0) }
        #expect(throws: CompressionError.self) { try ZstdSink(wrapping: CSVRecordingSink(), level: 23) }
    }

    /// An upload failure surfaces from the write that hit it, and the sink refuses to go on
    /// (a half-sent object cannot be completed).
    @Test(arguments: [ObjectCompression.gzip, .zstd])
    func aFailingInnerSinkFailsTheStream(compression: ObjectCompression) throws {
        struct UploadFailed: Error {}
        let inner = CSVRecordingSink()
        inner.failWith = UploadFailed()
        let sink = try compression.makeSink(wrapping: inner)
        let data = Self.data(count: 2_000_000, seed: 9)
        #expect(throws: UploadFailed.self) {
            try data.withUnsafeBytes { try sink.write($0) }
            try sink.finish()
        }
        let error = try #require(throws: CompressionError.self) { try sink.write(Array("more".utf8)) }
        #expect(error.description.contains("earlier write failed"))
    }
}
