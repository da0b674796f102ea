import Foundation

/// gRPC's message framing, reused on stdin/stdout: 1 byte compressed flag (always 0 here),
/// 4 bytes big-endian length, then that many bytes.
enum StdioFraming {
    static let headerSize = 5
    static let maxFrameBytes = GRPCPluginServer.maxMessageBytes + 1024  // a message plus its envelope

    static func frame(_ payload: [UInt8]) -> [UInt8] {
        let n = UInt32(payload.count)
        var out: [UInt8] = [0, UInt8(n >> 24), UInt8((n >> 16) & 0xff), UInt8((n >> 8) & 0xff), UInt8(n & 0xff)]
        out.append(contentsOf: payload)
        return out
    }

    /// Reads one frame; nil at a clean end of input (EOF before a header).
    static func readFrame(from input: FileHandle) throws -> [UInt8]? {
        guard let header = try readExactly(headerSize, from: input, allowCleanEOF: true) else { return nil }
        guard header[0] == 0 else {
            throw StdioError("frame has compressed flag \(header[0]); the stdio transport takes uncompressed frames (flag 0)")
        }
        let length = Int(header[1]) << 24 | Int(header[2]) << 16 | Int(header[3]) << 8 | Int(header[4])
        guard length <= maxFrameBytes else {
            throw StdioError("frame of \(length) bytes exceeds the \(maxFrameBytes)-byte limit")
        }
        return try readExactly(length, from: input, allowCleanEOF: false) ?? []
    }

    private static func readExactly(_ count: Int, from input: FileHandle, allowCleanEOF: Bool) throws -> [UInt8]? {
        var buffer = [UInt8]()
        buffer.reserveCapacity(count)
        while buffer.count < count {
            guard let chunk = try input.read(upToCount: count - buffer.count), !chunk.isEmpty else {
                if buffer.isEmpty && allowCleanEOF { return nil }
                throw StdioError("input ended inside a frame (\(buffer.count) of \(count) bytes read)")
            }
            buffer.append(contentsOf: chunk)
        }
        return buffer
    }
}

struct StdioError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
