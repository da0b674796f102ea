@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// Whole-buffer gzip and zstd: several members / frames, bounds, and bad input.
@Suite struct ParquetReaderDecompressionTests {
    private static let text = Array((0..<50_000).map { "line \($0) of some text\n" }.joined().utf8)

    private func compress(_ parts: [[UInt8]], _ make: (ByteSink) throws -> CompressionSink) throws -> [UInt8] {
        var out: [UInt8] = []
        for part in parts {
            let buffer = BufferSink()
            let sink = try make(buffer)
            try part.withUnsafeBytes { try sink.write($0) }
            try sink.finish()
            out += buffer.bytes
        }
        return out
    }

    private func gunzip(_ bytes: [UInt8], limit: Int = Decompression.defaultLimit) throws -> [UInt8] {
        try bytes.withUnsafeBytes { try Decompression.gzip($0, limit: limit) }
    }

    private func unzstd(_ bytes: [UInt8], limit: Int = Decompression.defaultLimit) throws -> [UInt8] {
        try bytes.withUnsafeBytes { try Decompression.zstd($0, limit: limit) }
    }

    @Test("gzip: one member, several concatenated members (as Go's gzip.Reader), an empty member")
    func gzipMembers() throws {
        let a = Array(Self.text[0..<300_000]), b = Array(Self.text[300_000...])
        #expect(try gunzip(compress([Self.text]) { try GzipSink(wrapping: $0) }) == Self.text)
        #expect(try gunzip(compress([a, b]) { try GzipSink(wrapping: $0) }) == Self.text)
        #expect(try gunzip(compress([a, [], b]) { try GzipSink(wrapping: $0, level: 1) }) == Self.text)
    }

    @Test("gzip: written by Python's gzip module, several members", .requires(.python))
    func gzipFromPython() throws {
        let directory = try ParquetTestEnvironment.temporaryDirectory("decompression")
        try ParquetTestEnvironment.runPython("""
            import gzip, sys
            open(sys.argv[1] + "/x.gz", "wb").write(gzip.compress(b"hello ") + gzip.compress(b"world" * 1000, mtime=5))
            """, arguments: [directory.path], in: directory)
        let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent("x.gz")))
        #expect(try gunzip(bytes) == Array(("hello " + String(repeating: "world", count: 1000)).utf8))
    }

    @Test("zstd: one frame, several frames without a content size")
    func zstdFrames() throws {
        let a = Array(Self.text[0..<123_457]), b = Array(Self.text[123_457...])
        #expect(try unzstd(compress([Self.text]) { try ZstdSink(wrapping: $0) }) == Self.text)
        #expect(try unzstd(compress([a, b, []]) { try ZstdSink(wrapping: $0, level: 1) }) == Self.text)
    }

    @Test("garbage, truncated and empty input fail with the codec's name")
    func badInput() throws {
        let gz = try compress([Self.text]) { try GzipSink(wrapping: $0) }
        let zs = try compress([Self.text]) { try ZstdSink(wrapping: $0) }
        let garbage = Array("this is not compressed at all".utf8)
        for bytes in [garbage, [], Array(gz[0..<gz.count / 2]), Array(gz[0..<gz.count - 3]), gz + [1, 2, 3]] {
            #expect(throws: CompressionError.self) { _ = try gunzip(bytes) }
        }
        for bytes in [garbage, [], Array(zs[0..<zs.count / 2]), zs + [9, 9, 9, 9, 9]] {
            #expect(throws: CompressionError.self) { _ = try unzstd(bytes) }
        }
    }

    @Test("output beyond the limit is refused (a decompression bomb)")
    func limit() throws {
        let zeros = [UInt8](repeating: 0, count: 10_000_000)
        let gz = try compress([zeros]) { try GzipSink(wrapping: $0) }
        let zs = try compress([zeros]) { try ZstdSink(wrapping: $0) }
        #expect(gz.count < 100_000 && zs.count < 100_000)
        do {
            _ = try gunzip(gz, limit: 1_000_000)
            Issue.record("gzip limit not enforced")
        } catch let error as CompressionError {
            #expect("\(error)".contains("exceeds") && error.exceedsLimit)
        }
        #expect { _ = try unzstd(zs, limit: 1_000_000) } throws: { ($0 as? CompressionError)?.exceedsLimit == true }
        // Corrupt data is a CompressionError too, but not an exceeded limit.
        #expect { _ = try unzstd(Array(zs[0..<zs.count / 2])) } throws: { ($0 as? CompressionError)?.exceedsLimit == false }
        #expect(try gunzip(gz, limit: 10_000_000).count == 10_000_000)
        #expect(try unzstd(zs, limit: 10_000_000).count == 10_000_000)
    }
}
