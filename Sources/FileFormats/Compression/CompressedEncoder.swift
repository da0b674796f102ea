/// An `ObjectEncoder` whose output goes through a compression sink: the object's sink gets the
/// compressed bytes, streamed as the inner encoder produces them. Order at the end: the inner
/// encoder's footer first, then the compressor's trailer.
import Arrow

public struct CompressedEncoder: ObjectEncoder {
    private var inner: any ObjectEncoder
    private let compression: ObjectCompression
    private var sink: (any CompressionSink)?

    public init(_ inner: any ObjectEncoder, compression: ObjectCompression) {
        self.inner = inner
        self.compression = compression
    }

    public var bufferedBytes: Int { inner.bufferedBytes }

    public mutating func begin(into sink: ByteSink) throws {
        let compressed = try compression.makeSink(wrapping: sink)
        self.sink = compressed
        try inner.begin(into: compressed)
    }

    public mutating func write(_ batch: RecordBatch, into sink: ByteSink) throws {
        try inner.write(batch, into: try compressedSink())
    }

    public mutating func flushBuffered(into sink: ByteSink) throws {
        try inner.flushBuffered(into: try compressedSink())
    }

    public mutating func finish(into sink: ByteSink) throws {
        let compressed = try compressedSink()
        try inner.finish(into: compressed)
        try compressed.finish()
    }

    private func compressedSink() throws -> any CompressionSink {
        guard let sink else { throw CompressionError(codec: "\(compression)", reason: "write before begin") }
        return sink
    }
}
