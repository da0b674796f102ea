import CZlib

/// gzip for one object, framed exactly like Go's `compress/gzip` Writer with default settings
/// (what the Go plugin uses): one member, a 10-byte header with no name, comment or extra
/// field, MTIME 0, XFL 0 (2 at level 9, 4 at level 1, as Go sets it), OS 255 ("unknown");
/// then raw deflate (zlib, so the compressed bytes differ from Go's, the content does not);
/// then CRC-32 and the size modulo 2³², little-endian.
///
/// Streaming: input is deflated as it arrives and the output leaves in chunks of
/// `chunkSize` bytes; only the last chunk waits for `finish`.
final class GzipSink: CompressionSink {
    private let inner: ByteSink
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: CompressedOutputBuffer
    private var crc: UInt = 0
    private var size: UInt32 = 0
    private var state = State.open

    private enum State { case open, finished, failed }

    /// - Parameters:
    ///   - level: 1 (fastest) … 9 (smallest); 6 is Go's default.
    ///   - chunkSize: bytes collected before they are handed to `inner`.
    init(wrapping inner: ByteSink, level: Int32 = 6, chunkSize: Int = 64 * 1024) throws {
        guard (1...9).contains(level) else {
            throw CompressionError(codec: "gzip", reason: "level \(level) is outside 1…9")
        }
        self.inner = inner
        self.output = CompressedOutputBuffer(capacity: chunkSize)
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // Negative window bits: raw deflate; the gzip framing is written here to match Go's.
        let status = deflateInit2_(
            stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw CompressionError(codec: "gzip", reason: "zlib could not start a deflate stream (status \(status))")
        }
        let extraFlags: UInt8 = level == 9 ? 2 : level == 1 ? 4 : 0
        try output.append([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, extraFlags, 255], emittingTo: inner)
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        try checkOpen()
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        do {
            var offset = 0
            while offset < bytes.count {
                // zlib counts in 32-bit units; feed at most 1 GiB at a time.
                let count = min(bytes.count - offset, 1 << 30)
                let chunk = base.advanced(by: offset).assumingMemoryBound(to: UInt8.self)
                crc = crc32(crc, chunk, UInt32(count))
                size = size &+ UInt32(truncatingIfNeeded: count)
                stream.pointee.next_in = UnsafeMutablePointer(mutating: chunk)
                stream.pointee.avail_in = UInt32(count)
                while stream.pointee.avail_in > 0 {
                    try deflateStep(Z_NO_FLUSH)
                }
                offset += count
            }
            stream.pointee.next_in = nil
        } catch {
            state = .failed
            throw error
        }
    }

    func finish() throws {
        try checkOpen()
        do {
            while try deflateStep(Z_FINISH) != Z_STREAM_END {}
            var trailer: [UInt8] = []
            trailer.reserveCapacity(8)
            for shift in stride(from: 0, to: 32, by: 8) { trailer.append(UInt8(truncatingIfNeeded: UInt32(crc) >> UInt32(shift))) }
            for shift in stride(from: 0, to: 32, by: 8) { trailer.append(UInt8(truncatingIfNeeded: size >> UInt32(shift))) }
            try output.append(trailer, emittingTo: inner)
            try output.emit(to: inner)
            state = .finished
        } catch {
            state = .failed
            throw error
        }
    }

    /// One `deflate` call into the free part of the output buffer; a full buffer is handed on.
    @discardableResult
    private func deflateStep(_ flush: Int32) throws -> Int32 {
        if output.free == 0 { try output.emit(to: inner) }
        stream.pointee.next_out = output.freeStart
        stream.pointee.avail_out = UInt32(output.free)
        let before = output.free
        let status = deflate(stream, flush)
        output.used += before - Int(stream.pointee.avail_out)
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
            throw CompressionError(codec: "gzip", reason: "zlib deflate failed (status \(status))")
        }
        return status
    }

    private func checkOpen() throws {
        switch state {
        case .open: return
        case .finished: throw CompressionError(codec: "gzip", reason: "the stream was already finished")
        case .failed: throw CompressionError(codec: "gzip", reason: "an earlier write failed; the object cannot be completed")
        }
    }
}
