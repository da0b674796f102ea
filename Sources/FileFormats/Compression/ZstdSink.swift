import CZstd

/// zstd for one object (this plugin's addition; the Go plugin has only gzip): one frame with a
/// content checksum, no pledged size (the size is not known while streaming), readable by
/// `zstd -d`, pyarrow, Python `zstandard`, and every other standard decoder.
///
/// Streaming: input is compressed as it arrives and the output leaves in chunks of
/// `chunkSize` bytes; only the last chunk waits for `finish`.
final class ZstdSink: CompressionSink {
    private let inner: ByteSink
    private let context: OpaquePointer
    private let output: CompressedOutputBuffer
    private var state = State.open

    private enum State { case open, finished, failed }

    /// - Parameters:
    ///   - level: 1 (fastest) … 19 (smallest); 3 is zstd's default.
    ///   - chunkSize: bytes collected before they are handed to `inner`.
    init(wrapping inner: ByteSink, level: Int32 = 3, chunkSize: Int = 64 * 1024) throws {
        guard (1...19).contains(level) else {
            throw CompressionError(codec: "zstd", reason: "level \(level) is outside 1…19")
        }
        guard let context = ZSTD_createCCtx() else {
            throw CompressionError(codec: "zstd", reason: "libzstd could not allocate a compression context")
        }
        for (parameter, value) in [(ZSTD_c_compressionLevel, level), (ZSTD_c_checksumFlag, 1)] {
            let result = ZSTD_CCtx_setParameter(context, parameter, value)
            if ZSTD_isError(result) != 0 {
                ZSTD_freeCCtx(context)
                throw CompressionError(codec: "zstd", reason: Self.message(result))
            }
        }
        self.inner = inner
        self.context = context
        self.output = CompressedOutputBuffer(capacity: chunkSize)
    }

    deinit {
        ZSTD_freeCCtx(context)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        try checkOpen()
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        var input = ZSTD_inBuffer(src: base, size: bytes.count, pos: 0)
        do {
            while input.pos < input.size {
                _ = try compressStep(&input, ZSTD_e_continue)
            }
        } catch {
            state = .failed
            throw error
        }
    }

    func finish() throws {
        try checkOpen()
        var input = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
        do {
            // ZSTD_e_end returns how many bytes are still to be flushed; 0 once the frame is done.
            while try compressStep(&input, ZSTD_e_end) != 0 {}
            try output.emit(to: inner)
            state = .finished
        } catch {
            state = .failed
            throw error
        }
    }

    /// One `ZSTD_compressStream2` call into the free part of the output buffer; a full buffer
    /// is handed on first.
    private func compressStep(_ input: inout ZSTD_inBuffer, _ directive: ZSTD_EndDirective) throws -> Int {
        if output.free == 0 { try output.emit(to: inner) }
        var out = ZSTD_outBuffer(dst: output.freeStart, size: output.free, pos: 0)
        let result = ZSTD_compressStream2(context, &out, &input, directive)
        output.used += out.pos
        if ZSTD_isError(result) != 0 {
            throw CompressionError(codec: "zstd", reason: Self.message(result))
        }
        return result
    }

    private static func message(_ code: Int) -> String {
        guard let name = ZSTD_getErrorName(code) else { return "libzstd error \(code)" }
        return String(cString: name)
    }

    private func checkOpen() throws {
        switch state {
        case .open: return
        case .finished: throw CompressionError(codec: "zstd", reason: "the stream was already finished")
        case .failed: throw CompressionError(codec: "zstd", reason: "an earlier write failed; the object cannot be completed")
        }
    }
}
