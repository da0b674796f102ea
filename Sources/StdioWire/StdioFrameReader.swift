import Foundation
import SwiftProtobuf

/// What one frame of the stdio transport turned out to be.
public enum StdioIncoming: Sendable {
    /// A well-framed, decodable envelope.
    case envelope(Cqdests3_Stdio_V1_Envelope)
    /// A Write envelope holding one Insert, recognised without decoding it (`WriteInsertScan`):
    /// `record`, the Arrow IPC stream, is that range of `payload`, not copied out.
    case writeInsert(PooledPayload, record: Range<Int>)
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
    /// Reads up to `buffer.count` bytes into `buffer` and returns how many; 0 only at the end of
    /// input. Filling the caller's buffer (not returning a new array) lets a payload of megabytes
    /// be read straight into the buffer it is decoded from, with no copy in between.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Bytes in memory.
public struct StdioBytes: StdioByteSource {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[position..<position + count])) }
        position += count
        return count
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
    private let payloads = PayloadPool()

    public init(_ source: Source, maxFrameBytes: Int) {
        self.source = source
        self.maxFrameBytes = maxFrameBytes
    }

    /// The next frame; nil at a clean end of input (before a header).
    public mutating func next() throws -> StdioIncoming? {
        var header = [UInt8](repeating: 0, count: Self.headerSize)
        let headerRead = try header.withUnsafeMutableBytes { try fill($0) }
        if headerRead == 0 { return nil }
        guard headerRead == Self.headerSize else { throw Self.endedInside(read: headerRead, of: Self.headerSize) }
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
        let payload = PooledPayload(count: length, from: payloads)
        let read = try fill(payload.unpublishedBytes)
        guard read == length else { throw Self.endedInside(read: read, of: length) }
        if let record = WriteInsertScan.recordRange(inEnvelope: payload.bytes) {
            return .writeInsert(payload, record: record)
        }
        return withExtendedLifetime(payload) { withUnownedData(payload.bytes, Self.decode) }
    }

    /// The envelope in one frame's payload, or why it is not one.
    public static func decode(_ payload: Data) -> StdioIncoming {
        do {
            return .envelope(try Cqdests3_Stdio_V1_Envelope(serializedBytes: payload))
        } catch {
            return .rejected(StdioRejection(
                statusCode: StdioRejection.invalidArgument,
                message: "frame of \(payload.count) bytes is not a cqdests3.stdio.v1.Envelope: \(error)"))
        }
    }

    /// Reads into all of `buffer` unless the input ends first; returns the bytes read.
    private mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let read = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            guard read > 0 else { break }
            filled += read
        }
        return filled
    }

    private static func endedInside(read: Int, of count: Int) -> StdioBrokenStream {
        StdioBrokenStream("input ended inside a frame (\(read) of \(count) bytes read)")
    }

    /// Reads past a payload that will not be decoded, without holding it.
    private mutating func skip(_ count: Int) throws {
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: min(count, 1 << 16), alignment: 1)
        defer { scratch.deallocate() }
        var left = count
        while left > 0 {
            let read = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: scratch[..<min(left, scratch.count)]))
            guard read > 0 else { throw Self.endedInside(read: count - left, of: count) }
            left -= read
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
