/// A `ByteSink` that compresses what it is given and hands the compressed bytes to the sink it
/// wraps as they are produced (in chunks of a bounded internal buffer), so an upload can send
/// parts while the encoder is still running.
///
/// Composition for one object:
///
///     let compressed = try ObjectCompression.gzip.makeSink(wrapping: uploadSink)
///     var encoder = try CSVEncoder(delimiter: UInt8(ascii: ","), header: true)
///     try encoder.begin(into: compressed)
///     for batch in batches { try encoder.write(batch, into: compressed) }
///     try encoder.finish(into: compressed)   // the format's footer, still compressed
///     try compressed.finish()                // the compressor's trailer reaches uploadSink
///
/// One sink serves one object: gzip produces exactly one member, zstd one frame.
public protocol CompressionSink: ByteSink {
    /// Ends the compressed stream and writes what remains (e.g. the gzip trailer) into the
    /// wrapped sink. Call it once, after the encoder's `finish`; writing afterwards is an error.
    func finish() throws
}

/// Compression of a CSV or JSON object (the spec's `compression`). The Go plugin knows `""`
/// and `gzip`; `zstd` is this plugin's addition.
public enum ObjectCompression: Sendable, Equatable, CaseIterable {
    case none
    case gzip
    case zstd

    /// What `{{FORMAT}}` appends after the format name: `.gz`, `.zst`, or nothing.
    public var fileExtension: String {
        switch self {
        case .none: return ""
        case .gzip: return ".gz"
        case .zstd: return ".zst"
        }
    }

    /// A fresh sink for one object, with the default level (gzip 6 as Go's
    /// `gzip.DefaultCompression`, zstd 3).
    public func makeSink(wrapping inner: ByteSink) throws -> any CompressionSink {
        switch self {
        case .none: return UncompressedSink(wrapping: inner)
        case .gzip: return try GzipSink(wrapping: inner)
        case .zstd: return try ZstdSink(wrapping: inner)
        }
    }
}

/// `compression: none`: passes every write straight through, so callers can treat all
/// objects alike.
public final class UncompressedSink: CompressionSink {
    private let inner: ByteSink
    private var finished = false

    public init(wrapping inner: ByteSink) {
        self.inner = inner
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !finished else { throw CompressionError(codec: "none", reason: "write after finish") }
        try inner.write(bytes)
    }

    public func finish() throws {
        finished = true
    }
}

/// A compressor failed (or was used after it finished or failed).
public struct CompressionError: Error, CustomStringConvertible, Sendable, Equatable {
    public let codec: String
    public let reason: String
    /// The decompressed data went over the caller's byte limit (the rest is not read).
    public let exceedsLimit: Bool

    public init(codec: String, reason: String, exceedsLimit: Bool = false) {
        self.codec = codec
        self.reason = reason
        self.exceedsLimit = exceedsLimit
    }

    public var description: String { "\(codec) compression failed: \(reason)" }
}

/// Where a compressor's output collects until it is handed on: a fixed buffer, so memory stays
/// bounded however large the object.
final class CompressedOutputBuffer {
    let capacity: Int
    let base: UnsafeMutablePointer<UInt8>
    var used = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var free: Int { capacity - used }
    var freeStart: UnsafeMutablePointer<UInt8> { base + used }

    func append(_ bytes: [UInt8], emittingTo inner: ByteSink) throws {
        for byte in bytes {
            if used == capacity { try emit(to: inner) }
            base[used] = byte
            used += 1
        }
    }

    /// Hands the collected bytes to `inner`.
    func emit(to inner: ByteSink) throws {
        guard used > 0 else { return }
        let count = used
        used = 0
        try inner.write(UnsafeRawBufferPointer(start: base, count: count))
    }
}
