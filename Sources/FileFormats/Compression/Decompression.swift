import CSnappy
import CZlib
import CZstd

/// Whole-buffer decompression for reading objects back (the `Read` RPC) and Parquet pages.
///
/// Every function bounds its output by `limit` so a small hostile input (a "zip bomb") fails
/// with a clear error instead of exhausting memory.
public enum Decompression {
    /// Largest output accepted unless a caller asks otherwise: 4 GiB, far above any object
    /// this plugin reads back in one piece.
    public static let defaultLimit = 4 << 30

    /// gzip: every member of a concatenated stream, like Go's `gzip.Reader` (multistream mode).
    /// Bytes after a member that are not another gzip member are an error, as in Go.
    public static func gzip(_ input: UnsafeRawBufferPointer, limit: Int = defaultLimit) throws -> [UInt8] {
        guard let base = input.baseAddress, input.count > 0 else {
            throw CompressionError(codec: "gzip", reason: "the input is empty, not a gzip stream")
        }
        var stream = z_stream()
        // 15 + 16: a 32 KiB window and gzip (not zlib) framing.
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw CompressionError(codec: "gzip", reason: "zlib could not start an inflate stream")
        }
        defer { inflateEnd(&stream) }

        var output: [UInt8] = []
        output.reserveCapacity(min(limit, max(input.count * 4, 64)))
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        var consumed = 0
        var member = 1
        while consumed < input.count {
            if member > 1 {
                guard inflateReset(&stream) == Z_OK else {
                    throw CompressionError(codec: "gzip", reason: "zlib could not reset between members")
                }
            }
            var ended = false
            while !ended {
                let available = min(input.count - consumed, Int(UInt32.max >> 1))
                stream.next_in = UnsafeMutablePointer(mutating: base.advanced(by: consumed).assumingMemoryBound(to: UInt8.self))
                stream.avail_in = UInt32(available)
                let status: Int32 = chunk.withUnsafeMutableBytes { out in
                    stream.next_out = out.baseAddress!.assumingMemoryBound(to: UInt8.self)
                    stream.avail_out = UInt32(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                consumed += available - Int(stream.avail_in)
                guard output.count + produced <= limit else {
                    throw CompressionError(codec: "gzip", reason: "the decompressed data exceeds \(limit) bytes", exceedsLimit: true)
                }
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_STREAM_END:
                    ended = true
                case Z_OK:
                    if produced == 0 && stream.avail_in == 0 && consumed >= input.count {
                        throw CompressionError(codec: "gzip", reason: "member \(member) is truncated (unexpected end of data)")
                    }
                case Z_BUF_ERROR:
                    if consumed >= input.count {
                        throw CompressionError(codec: "gzip", reason: "member \(member) is truncated (unexpected end of data)")
                    }
                default:
                    throw CompressionError(codec: "gzip", reason: "member \(member) is corrupt at input byte \(consumed) (zlib status \(status))")
                }
            }
            member += 1
        }
        return output
    }

    /// zstd: every frame of the input, whether or not frames record their content size.
    public static func zstd(_ input: UnsafeRawBufferPointer, limit: Int = defaultLimit) throws -> [UInt8] {
        guard let base = input.baseAddress, input.count > 0 else {
            throw CompressionError(codec: "zstd", reason: "the input is empty, not a zstd stream")
        }
        guard let stream = ZSTD_createDStream() else {
            throw CompressionError(codec: "zstd", reason: "could not allocate a decompression context")
        }
        defer { ZSTD_freeDStream(stream) }
        ZSTD_initDStream(stream)

        var output: [UInt8] = []
        output.reserveCapacity(min(limit, max(input.count * 4, 64)))
        var chunk = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
        var inBuffer = ZSTD_inBuffer(src: base, size: input.count, pos: 0)
        // 0 once the last frame read is complete; a hint > 0 means more input is needed.
        var pending = 0
        while inBuffer.pos < inBuffer.size || pending != 0 {
            let before = inBuffer.pos
            let (hint, produced): (Int, Int) = chunk.withUnsafeMutableBytes { out in
                var outBuffer = ZSTD_outBuffer(dst: out.baseAddress, size: out.count, pos: 0)
                let hint = ZSTD_decompressStream(stream, &outBuffer, &inBuffer)
                return (hint, outBuffer.pos)
            }
            if ZSTD_isError(hint) != 0 {
                let name = String(cString: ZSTD_getErrorName(hint))
                throw CompressionError(codec: "zstd", reason: "corrupt data near input byte \(before): \(name)")
            }
            guard output.count + produced <= limit else {
                throw CompressionError(codec: "zstd", reason: "the decompressed data exceeds \(limit) bytes", exceedsLimit: true)
            }
            output.append(contentsOf: chunk[0..<produced])
            pending = hint
            if pending != 0 && inBuffer.pos == inBuffer.size && produced < chunk.count {
                // The decoder wants more input but there is none: the last frame is cut short.
                throw CompressionError(codec: "zstd", reason: "the last frame is truncated (unexpected end of data)")
            }
        }
        return output
    }

    /// Snappy raw block (Parquet's SNAPPY codec), whose decompressed size the caller knows from
    /// the page header; the block's own size prefix must agree.
    static func snappy(_ input: UnsafeRawBufferPointer, uncompressedSize: Int, limit: Int = defaultLimit) throws -> [UInt8] {
        guard uncompressedSize >= 0, uncompressedSize <= limit else {
            throw CompressionError(codec: "snappy", reason: "declared size \(uncompressedSize) is outside 0…\(limit)")
        }
        guard let base = input.baseAddress, input.count > 0 else {
            throw CompressionError(codec: "snappy", reason: "the input is empty, not a snappy block")
        }
        let source = base.assumingMemoryBound(to: CChar.self)
        var length = 0
        guard snappy_uncompressed_length(source, input.count, &length) == SNAPPY_OK else {
            throw CompressionError(codec: "snappy", reason: "the block header is corrupt")
        }
        guard length == uncompressedSize else {
            throw CompressionError(codec: "snappy", reason: "the block holds \(length) bytes, the page header says \(uncompressedSize)")
        }
        var output = [UInt8](repeating: 0, count: length)
        if length == 0 { return output }
        let status = output.withUnsafeMutableBytes { out -> snappy_status in
            var outLength = out.count
            let status = snappy_uncompress(source, input.count, out.baseAddress!.assumingMemoryBound(to: CChar.self), &outLength)
            return outLength == length ? status : SNAPPY_INVALID_INPUT
        }
        guard status == SNAPPY_OK else {
            throw CompressionError(codec: "snappy", reason: "the block is corrupt")
        }
        return output
    }
}
