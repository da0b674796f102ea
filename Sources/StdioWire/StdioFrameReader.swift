import SwiftProtobuf

/// What one frame of the stdio transport turned out to be.
public enum StdioIncoming: Sendable {
    /// A well-framed, decodable envelope.
    case envelope(Cqdests3_Stdio_V1_Envelope)
    /// A frame that was read whole (so the stream is still in step) but cannot be served: the
    /// transport answers it with an error envelope and goes on with the next frame.
    case rejected(StdioRejection)
}

/// Why a whole frame was refused, as a gRPC status (what `grpc-go` answers for the same input).
public struct StdioRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// gRPC `INVALID_ARGUMENT`: the payload is not an envelope.
    public static let invalidArgument: Int32 = 3
    /// gRPC `RESOURCE_EXHAUSTED`: grpc-go's answer to a message over the receive limit.
    public static let resourceExhausted: Int32 = 8

    public let statusCode: Int32
    public let message: String
    public var description: String { message }
}

/// The frame header itself is unusable: the stream cannot be resynchronised, so it ends.
struct StdioBrokenStream: Error, Sendable, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Where frames come from: stdin in the plugin, a byte array in tests and the fuzzer.
public protocol StdioByteSource {
    /// Up to `count` bytes; empty only at the end of input.
    mutating func read(upTo count: Int) throws -> [UInt8]
}

/// Bytes in memory.
public struct StdioBytes: StdioByteSource {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public mutating func read(upTo count: Int) -> [UInt8] {
        let end = min(bytes.count, position + count)
        defer { position = end }
        return Array(bytes[position..<end])
    }
}

/// Splits a byte stream into gRPC-style frames (1 byte compressed flag, 4 bytes big-endian
/// length, payload) and decodes each payload as an envelope.
///
/// Only a header that cannot be a frame header (flag other than 0 or 1) or input ending inside a
/// frame ends the stream. A frame whose length is known but that cannot be served — compressed
/// (flag 1), over the size limit, or a payload that is not an envelope — is read past and
/// reported as `.rejected`, so the client gets an error status instead of a dead pipe.
public struct StdioFrameReader<Source: StdioByteSource> {
    static var headerSize: Int { 5 }

    private var source: Source
    public let maxFrameBytes: Int

    public init(_ source: Source, maxFrameBytes: Int) {
        self.source = source
        self.maxFrameBytes = maxFrameBytes
    }

    /// The next frame; nil at a clean end of input (before a header).
    public mutating func next() throws -> StdioIncoming? {
        guard let header = try readExactly(Self.headerSize, allowCleanEOF: true) else { return nil }
        let length = Int(header[1]) << 24 | Int(header[2]) << 16 | Int(header[3]) << 8 | Int(header[4])
        switch header[0] {
        case 0:
            break
        case 1:
            try skip(length)
            return .rejected(StdioRejection(
                statusCode: StdioRejection.invalidArgument,
                message: "compressed frame (flag 1) of \(length) bytes: the stdio transport takes uncompressed frames (flag 0)"))
        default:
            throw StdioBrokenStream(
                "frame header has compressed flag \(header[0]) (a frame starts with 0), so the input is out of step; "
                    + "the stdio transport cannot resynchronise and stops")
        }
        guard length <= maxFrameBytes else {
            try skip(length)
            // grpc-go's wording for the same limit (rpc_util.go recvAndDecompress).
            return .rejected(StdioRejection(
                statusCode: StdioRejection.resourceExhausted,
                message: "grpc: received message larger than max (\(length) vs. \(maxFrameBytes))"))
        }
        let payload = try readExactly(length, allowCleanEOF: false) ?? []
        return Self.decode(payload)
    }

    /// The envelope in one frame's payload, or why it is not one.
    public static func decode(_ payload: [UInt8]) -> StdioIncoming {
        do {
            return .envelope(try Cqdests3_Stdio_V1_Envelope(serializedBytes: payload))
        } catch {
            return .rejected(StdioRejection(
                statusCode: StdioRejection.invalidArgument,
                message: "frame of \(payload.count) bytes is not a cqdests3.stdio.v1.Envelope: \(error)"))
        }
    }

    private mutating func readExactly(_ count: Int, allowCleanEOF: Bool) throws -> [UInt8]? {
        var buffer = [UInt8]()
        buffer.reserveCapacity(count)
        while buffer.count < count {
            let chunk = try source.read(upTo: count - buffer.count)
            guard !chunk.isEmpty else {
                if buffer.isEmpty && allowCleanEOF { return nil }
                throw StdioBrokenStream("input ended inside a frame (\(buffer.count) of \(count) bytes read)")
            }
            buffer.append(contentsOf: chunk)
        }
        return buffer
    }

    /// Reads past a payload that will not be decoded, without holding it.
    private mutating func skip(_ count: Int) throws {
        var left = count
        while left > 0 {
            let chunk = try source.read(upTo: min(left, 1 << 20))
            guard !chunk.isEmpty else {
                throw StdioBrokenStream("input ended inside a frame (\(count - left) of \(count) bytes read)")
            }
            left -= chunk.count
        }
    }
}

/// Writing frames.
public enum StdioFraming {
    public static func frame(_ payload: [UInt8]) -> [UInt8] {
        let n = UInt32(payload.count)
        var out: [UInt8] = [0, UInt8(n >> 24), UInt8((n >> 16) & 0xff), UInt8((n >> 8) & 0xff), UInt8(n & 0xff)]
        out.append(contentsOf: payload)
        return out
    }
}
