/// The one buffer that holds an IPC payload; every array decoded from it points into it.
///
/// The payload is copied once, on entry, into memory aligned to 64 bytes that this object owns.
/// That single copy buys a pointer that stays valid for as long as any array of the stream is
/// alive (an escaped `Array.withUnsafeBytes` pointer would not be), so value accessors are plain
/// pointer loads with no per-value copy, retain or closure.
///
/// `@unchecked Sendable`: the memory is written once, in `init`, and only read afterwards.
@usableFromInline
final class ArrowBytes: @unchecked Sendable {
    @usableFromInline let base: UnsafeRawPointer
    @usableFromInline let count: Int

    init(copying source: UnsafeRawBufferPointer) {
        let storage = UnsafeMutableRawPointer.allocate(byteCount: max(source.count, 1), alignment: 64)
        if let from = source.baseAddress, source.count > 0 {
            storage.copyMemory(from: from, byteCount: source.count)
        }
        base = UnsafeRawPointer(storage)
        count = source.count
    }

    /// `count` bytes (64-byte aligned) that `initialize` fills in; for arrays built in memory.
    init(count: Int, initialize: (UnsafeMutableRawPointer) -> Void) {
        let storage = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: 64)
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: max(count, 1))
        initialize(storage)
        base = UnsafeRawPointer(storage)
        self.count = count
    }

    /// The bytes `[start, start + length)`; callers have range-checked them.
    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    deinit {
        UnsafeMutableRawPointer(mutating: base).deallocate()
    }
}
