import CSnappy
import CZlib
import CZstd

/// Compresses page bodies with a column-chunk codec. Holds the codec contexts (a zlib stream, a
/// zstd context) so they are created once per encoder rather than once per page.
final class ParquetPageCompressor {
    let codec: ParquetWriterOptions.Compression
    private var zstdContext: OpaquePointer?
    private var zlibStream: UnsafeMutablePointer<z_stream>?

    init(codec: ParquetWriterOptions.Compression) throws {
        self.codec = codec
        switch codec {
        case .zstd:
            guard let context = ZSTD_createCCtx() else {
                throw ParquetEncodingError("cannot create a zstd compression context (out of memory?)")
            }
            zstdContext = context
        case .gzip:
            // The z_stream must not move once initialised (zlib keeps a pointer back to it).
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            // windowBits 15 + 16: a gzip wrapper (RFC 1952), which is what Parquet's GZIP codec means.
            let status = deflateInit2_(stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                                       Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else {
                stream.deinitialize(count: 1)
                stream.deallocate()
                throw ParquetEncodingError("cannot initialise zlib for gzip page compression (status \(status))")
            }
            zlibStream = stream
        case .none, .snappy:
            break
        }
    }

    deinit {
        if let zstdContext { ZSTD_freeCCtx(zstdContext) }
        if let zlibStream {
            deflateEnd(zlibStream)
            zlibStream.deinitialize(count: 1)
            zlibStream.deallocate()
        }
    }

    var thriftCodec: ParquetCompressionCodec {
        switch codec {
        case .none: return .uncompressed
        case .snappy: return .snappy
        case .gzip: return .gzip
        case .zstd: return .zstd
        }
    }

    /// Replaces the contents of `output` with `input` compressed. Not called for `.none`.
    func compress(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) throws {
        switch codec {
        case .none:
            output.removeAll(keepingCapacity: true)
            output.append(contentsOf: input)
        case .snappy:
            var length = snappy_max_compressed_length(input.count)
            try fill(&output, capacity: length) { buffer in
                let status = snappy_compress(input.baseAddress?.assumingMemoryBound(to: CChar.self), input.count,
                                             buffer.baseAddress?.assumingMemoryBound(to: CChar.self), &length)
                guard status == SNAPPY_OK else {
                    throw ParquetEncodingError("snappy compression of a \(input.count)-byte page failed (status \(status.rawValue))")
                }
                return length
            }
        case .zstd:
            let bound = ZSTD_compressBound(input.count)
            guard ZSTD_isError(bound) == 0 else {
                throw ParquetEncodingError("a \(input.count)-byte page is too large for zstd")
            }
            try fill(&output, capacity: bound) { buffer in
                let written = ZSTD_compressCCtx(zstdContext, buffer.baseAddress, bound, input.baseAddress, input.count, 3)
                guard ZSTD_isError(written) == 0 else {
                    throw ParquetEncodingError("zstd compression failed: \(String(cString: ZSTD_getErrorName(written)))")
                }
                return written
            }
        case .gzip:
            guard let stream = zlibStream else { throw ParquetEncodingError("gzip compressor is not initialised") }
            guard deflateReset(stream) == Z_OK else { throw ParquetEncodingError("cannot reset the gzip compressor") }
            guard input.count <= Int(UInt32.max) else {
                throw ParquetEncodingError("a \(input.count)-byte page is too large for gzip")
            }
            let bound = Int(deflateBound(stream, uLong(input.count)))
            try fill(&output, capacity: bound) { buffer in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
                stream.pointee.avail_in = uInt(input.count)
                stream.pointee.next_out = buffer.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(bound)
                let status = deflate(stream, Z_FINISH)
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
                guard status == Z_STREAM_END else {
                    throw ParquetEncodingError("gzip compression of a \(input.count)-byte page failed (status \(status))")
                }
                return bound - Int(stream.pointee.avail_out)
            }
        }
    }

    /// Sizes `output` to `capacity`, lets `body` write into it and trims to what it wrote.
    private func fill(_ output: inout [UInt8], capacity: Int,
                      _ body: (UnsafeMutableRawBufferPointer) throws -> Int) throws {
        if output.count < capacity {
            output.append(contentsOf: repeatElement(0, count: capacity - output.count))
        }
        let written = try output.withUnsafeMutableBytes { try body($0) }
        output.removeLast(output.count - written)
    }
}
