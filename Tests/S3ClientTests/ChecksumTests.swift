import Foundation
import TestSupport
import Testing
@testable import S3Client

/// CRC32 values against known vectors (the CRC-32/ISO-HDLC check value of "123456789", 0xCBF43926, as aws-sdk-go-v2
/// `service/internal/checksum` computes it with Go's `hash/crc32` IEEE table) and Python's zlib.
@Suite struct ChecksumTests {
    @Test("CRC32 check values and S3's base64 form")
    func vectors() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.base64(Array("Hello, S3!\n".utf8)) == "Ul+QCw==")
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.base64([UInt8]()) == "AAAAAA==")
        #expect(CRC32.base64(checksum: 0x0102_03FF) == "AQID/w==")
    }

    @Test("CRC32 extended piece by piece (odd lengths, around the vector widths) equals the whole's")
    func updateInPieces() {
        let bytes = (0..<300_001).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }
        let whole = CRC32.checksum(bytes)
        for piece in [1, 3, 15, 16, 17, 63, 64, 65, 255, 4097, 65_537] {
            var crc: UInt32 = 0
            var offset = 0
            bytes.withUnsafeBytes { raw in
                while offset < raw.count {
                    let end = min(raw.count, offset + piece)
                    crc = CRC32.update(crc, with: UnsafeRawBufferPointer(rebasing: raw[offset..<end]))
                    offset = end
                }
            }
            #expect(crc == whole, "pieces of \(piece) bytes")
        }
    }

    @Test("CRC32 of a 5 MiB part matches Python's zlib.crc32", .requires(.python))
    func largeMatchesZlib() throws {
        var part = [UInt8](repeating: 0, count: 5 << 20)
        for i in part.indices { part[i] = UInt8(truncatingIfNeeded: (i &* 2_654_435_761) >> 11) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("crc-\(UUID().uuidString).bin")
        try Data(part).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try TestEnvironment.python())
        process.arguments = ["-c", "import sys, zlib; print(zlib.crc32(open(sys.argv[1], 'rb').read()))", file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let expected = try #require(UInt32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(CRC32.checksum(part) == expected)
    }

    @Test("PutObject carries the CRC32 unless the caller set a checksum header of its own")
    func putObjectHeaders() async throws {
        let server = try ScriptedHTTPServer { _, _ in .ok() }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        let body = Array("Hello, S3!\n".utf8)
        _ = try await client.putObject(bucket: "bkt", key: "k", body: body)
        _ = try await client.putObject(bucket: "bkt", key: "k", body: body, headers: ["x-amz-checksum-crc32": "AAAAAA=="])
        #expect(server.requests.count == 2)
        #expect(server.requests[0].header("x-amz-checksum-crc32") == "Ul+QCw==")
        #expect(server.requests[0].header("x-amz-sdk-checksum-algorithm") == "CRC32")
        #expect(server.requests[1].headers.filter { $0.name.lowercased() == "x-amz-checksum-crc32" }.map(\.value) == ["AAAAAA=="])
    }
}
