import Foundation
@testable import StdioWire
import Testing

/// Frame and envelope decoding of the stdio transport: a whole frame that cannot be served is
/// rejected (the stream stays in step); only a broken header or a cut frame ends the stream.
@Suite struct StdioFramingTests {
    static func envelope(_ method: String, endOfStream: Bool = false) throws -> [UInt8] {
        var envelope = Cqdests3_Stdio_V1_Envelope()
        envelope.method = method
        envelope.endOfStream = endOfStream
        return StdioFraming.frame(try envelope.serializedBytes())
    }

    static func reader(_ bytes: [UInt8], limit: Int = 1 << 20) -> StdioFrameReader<StdioBytes> {
        StdioFrameReader(StdioBytes(bytes), maxFrameBytes: limit)
    }

    static func method(_ incoming: StdioIncoming?) -> String? {
        if case .envelope(let envelope) = incoming { return envelope.method }
        return nil
    }

    static func rejection(_ incoming: StdioIncoming?) -> StdioRejection? {
        if case .rejected(let rejection) = incoming { return rejection }
        return nil
    }

    @Test func framesAreGRPCsMessageFraming() {
        #expect(StdioFraming.frame([7, 8, 9]) == [0, 0, 0, 0, 3, 7, 8, 9])
        #expect(StdioFraming.frame([UInt8](repeating: 1, count: 300)).prefix(5) == [0, 0, 0, 1, 44])
    }

    @Test func readsEnvelopesBackAndStopsCleanlyAtEOF() throws {
        var reader = Self.reader(try Self.envelope("/a") + StdioFraming.frame([]))
        #expect(Self.method(try reader.next()) == "/a")
        #expect(Self.method(try reader.next()) == "")  // an empty payload is an all-default envelope
        #expect(try reader.next() == nil)
    }

    @Test("undecodable payloads (bad wire type, truncated field, invalid UTF-8 in method) are rejected, the next frame still read",
          arguments: [
              [UInt8]([0x0f]),  // field 1 with wire type 7
              [0x0a, 0x05, 0x2f, 0x61],  // method: 5 bytes announced, 2 present
              [0x0a, 0x02, 0xc3, 0x28],  // method: invalid UTF-8
          ])
    func undecodableEnvelope(payload: [UInt8]) throws {
        var reader = Self.reader(StdioFraming.frame(payload) + (try Self.envelope("/next")))
        let rejection = try #require(Self.rejection(try reader.next()))
        #expect(rejection.statusCode == StdioRejection.invalidArgument)
        #expect(rejection.message.contains("is not a cqdests3.stdio.v1.Envelope"))
        #expect(Self.method(try reader.next()) == "/next")
    }

    @Test func oversizedAndCompressedFramesAreReadPastAndRejected() throws {
        let big = StdioFraming.frame([UInt8](repeating: 0x41, count: 2000))
        var compressed = StdioFraming.frame([1, 2, 3])
        compressed[0] = 1
        var reader = Self.reader(big + compressed + (try Self.envelope("/next")), limit: 1000)
        let tooBig = try #require(Self.rejection(try reader.next()))
        #expect(tooBig.statusCode == StdioRejection.resourceExhausted)
        #expect(tooBig.message == "grpc: received message larger than max (2000 vs. 1000)")
        let flagged = try #require(Self.rejection(try reader.next()))
        #expect(flagged.statusCode == StdioRejection.invalidArgument)
        #expect(flagged.message.contains("compressed frame"))
        #expect(Self.method(try reader.next()) == "/next")
        #expect(try reader.next() == nil)
    }

    /// A source that hands out at most `chunk` bytes per read, as a pipe does.
    struct TrickleBytes: StdioByteSource {
        var inner: StdioBytes
        let chunk: Int
        mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
            inner.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(chunk, buffer.count)]))
        }
    }

    @Test("payloads of changing sizes through the pooled buffers: each decodes to its own bytes, also when read a few bytes at a time",
          arguments: [1, 7, 1 << 20])
    func pooledPayloadBuffers(chunk: Int) throws {
        // Large, small, larger, empty, small: a stale tail of an earlier, longer payload must not leak in.
        let sizes = [300_000, 3, 1_000_000, 0, 17]
        var envelopes: [Cqdests3_Stdio_V1_Envelope] = []
        for (k, size) in sizes.enumerated() {
            var envelope = Cqdests3_Stdio_V1_Envelope()
            envelope.method = "/m\(k)"
            envelope.message = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ k) })
            envelopes.append(envelope)
        }
        let stream = try envelopes.flatMap { StdioFraming.frame(try $0.serializedBytes()) }
        var reader = StdioFrameReader(TrickleBytes(inner: StdioBytes(stream), chunk: chunk), maxFrameBytes: 1 << 21)
        for expected in envelopes {
            guard case .envelope(let read) = try reader.next() else {
                Issue.record("frame \(expected.method) was not read as an envelope")
                return
            }
            #expect(read == expected, "\(expected.method): \(read.message.count) bytes")
        }
        #expect(try reader.next() == nil)
    }

    @Test func aBrokenHeaderOrACutFrameEndsTheStream() throws {
        var cut = Self.reader([0, 0, 0, 0, 9, 1])
        #expect { try cut.next() } throws: { "\($0)".contains("input ended inside a frame (1 of 9 bytes read)") }
        var garbage = Self.reader([0x47, 0x45, 0x54, 0x20, 0x2f])  // "GET /": not a frame header
        #expect { try garbage.next() } throws: { "\($0)".contains("compressed flag 71") }
        var cutHeader = Self.reader([0, 0])
        #expect(throws: StdioBrokenStream.self) { try cutHeader.next() }
    }
}

extension StdioIncoming: Equatable {
    public static func == (a: StdioIncoming, b: StdioIncoming) -> Bool {
        switch (a, b) {
        case (.envelope(let x), .envelope(let y)): return x == y
        case (.rejected(let x), .rejected(let y)): return x == y
        case (.writeInsert(let p, let r), .writeInsert(let q, let s)): return p.bytes[r].elementsEqual(q.bytes[s])
        default: return false
        }
    }
}
