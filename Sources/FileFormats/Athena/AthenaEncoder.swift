import Arrow

/// `athena: true` for any format: sanitises the json column keys of each batch
/// (`AthenaJSONSanitizer`) before the wrapped encoder writes it. The Go plugin applies the
/// rewrite to every format alike, before the format writer runs.
///
///     var encoder: any ObjectEncoder = try CSVEncoder(delimiter: UInt8(ascii: ","), header: true)
///     if spec.athena { encoder = AthenaEncoder(wrapping: encoder) }
public struct AthenaEncoder: ObjectEncoder {
    private(set) var inner: any ObjectEncoder

    public init(wrapping inner: any ObjectEncoder) {
        self.inner = inner
    }

    public var bufferedBytes: Int { inner.bufferedBytes }

    public mutating func begin(into sink: ByteSink) throws {
        try inner.begin(into: sink)
    }

    public mutating func write(_ batch: RecordBatch, into sink: ByteSink) throws {
        try inner.write(AthenaJSONSanitizer.sanitize(batch), into: sink)
    }

    public mutating func flushBuffered(into sink: ByteSink) throws {
        try inner.flushBuffered(into: sink)
    }

    public mutating func finish(into sink: ByteSink) throws {
        try inner.finish(into: sink)
    }
}
