import Arrow

/// Where encoded bytes go as they are produced. The upload engine implements this so that an
/// object's bytes can leave (PutObject body, multipart parts) while encoding continues.
public protocol ByteSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

extension ByteSink {
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }
}

/// A sink that keeps everything in memory: for tests and for objects known to be small.
public final class BufferSink: ByteSink {
    public private(set) var bytes: [UInt8] = []
    public init() {}
    public func write(_ chunk: UnsafeRawBufferPointer) throws {
        bytes.append(contentsOf: chunk)
    }
}

/// Encodes one object (one batch of one table) in a file format.
/// Call order: `begin` once, `write` for each record batch, `finish` once.
public protocol ObjectEncoder {
    /// Writes whatever precedes the rows (e.g. a Parquet magic); CSV writes its header lazily.
    mutating func begin(into sink: ByteSink) throws
    mutating func write(_ batch: RecordBatch, into sink: ByteSink) throws
    /// Writes whatever follows the rows (e.g. a Parquet footer) and flushes.
    mutating func finish(into sink: ByteSink) throws
    /// Memory the encoder holds for bytes that have not reached the sink yet (a Parquet row
    /// group being built, counted by buffer capacity), so the plugin's memory budget can count it.
    var bufferedBytes: Int { get }
    /// Hands what the encoder holds to the sink now (a Parquet row group ends early), so that a
    /// writer short of memory can free it without ending the object. Output stays a valid file;
    /// only its internal layout (row group boundaries) changes.
    mutating func flushBuffered(into sink: ByteSink) throws
}

extension ObjectEncoder {
    public var bufferedBytes: Int { 0 }
    public mutating func flushBuffered(into sink: ByteSink) throws {}
}
