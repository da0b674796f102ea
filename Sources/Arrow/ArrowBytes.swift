/// The one buffer that holds an IPC payload; every array decoded from it points into it.
///
/// Either a copy this object owns (64-byte aligned), or memory another object owns and keeps
/// unchanged for as long as it lives (`init(borrowing:owner:)`: a stdio frame read into a pooled
/// buffer is decoded where it was read). Either way the pointer stays valid for as long as any
/// array of the stream is alive (an escaped `Array.withUnsafeBytes` pointer would not be), so
/// value accessors are plain pointer loads with no per-value copy, retain or closure. Accessors
/// load multi-byte values with `loadUnaligned`, so borrowed bytes need no alignment.
///
/// `@unchecked Sendable`: the memory is written once, before this object exists or in `init`, and
/// only read afterwards; a borrowed buffer's owner promises the same for its lifetime.
public final class ArrowBytes: @unchecked Sendable {
    @usableFromInline let base: UnsafeRawPointer
    @usableFromInline let count: Int
    /// Keeps borrowed memory alive; nil when this object owns (and frees) `base`.
    private let owner: (AnyObject & Sendable)?

    /// A copy of `source`, owned.
    public init(copying source: UnsafeRawBufferPointer) {
        let storage = UnsafeMutableRawPointer.allocate(byteCount: max(source.count, 1), alignment: 64)
        if let from = source.baseAddress, source.count > 0 {
            storage.copyMemory(from: from, byteCount: source.count)
        }
        base = UnsafeRawPointer(storage)
        count = source.count
        owner = nil
    }

    /// `bytes` themselves, not copied: `owner` must keep them valid and unchanged while it lives
    /// (this object, and every array decoded from it, holds `owner`).
    public init(borrowing bytes: UnsafeRawBufferPointer, owner: AnyObject & Sendable) {
        if let start = bytes.baseAddress, bytes.count > 0 {
            base = start
            count = bytes.count
            self.owner = owner
        } else {
            base = UnsafeRawPointer(UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 64))
            count = 0
            self.owner = nil
        }
    }

    /// `count` bytes (64-byte aligned) that `initialize` fills in; for arrays built in memory.
    init(count: Int, initialize: (UnsafeMutableRawPointer) -> Void) {
        let storage = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: 64)
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: max(count, 1))
        initialize(storage)
        base = UnsafeRawPointer(storage)
        self.count = count
        owner = nil
    }

    /// The bytes `[start, start + length)`; callers have range-checked them.
    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    deinit {
        if owner == nil { UnsafeMutableRawPointer(mutating: base).deallocate() }
    }
}
