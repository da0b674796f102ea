#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The dictionary of one column chunk: distinct values in first-seen order, kept directly in
/// their PLAIN encoding (which is the dictionary page body), with an open-addressing hash
/// index over them so that looking a value up allocates nothing.
///
/// Fixed-width values (ints, floats, FIXED_LEN_BYTE_ARRAY) sit back to back, entry `k` at
/// `k * width`; BYTE_ARRAY values are `<u32 length><bytes>` and their offsets and hashes are
/// kept on the side. A value type so the per-value path runs without the dynamic exclusivity
/// checks class properties would cost.
struct ParquetDictionary {
    /// The dictionary page body.
    private(set) var plain: [UInt8] = []
    private(set) var count: Int32 = 0
    /// Bytes per value, or nil for length-prefixed BYTE_ARRAY values.
    private let fixedWidth: Int?
    /// BYTE_ARRAY only: where each entry's bytes start, their length and hash.
    private var starts: [Int] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt64] = []
    /// BYTE_ARRAY only: per entry, the number of the last page it was used on (see
    /// `isFirstUseOnPage`), and the current page's number.
    private var lastPage: [UInt32] = []
    private var page: UInt32 = 1
    /// Entry index + 1 per slot; 0 = empty. Capacity is a power of two, at most half full.
    private var slots: [Int32]
    private var mask: Int

    /// The index is allocated on the first value, so idle columns hold no memory.
    init(fixedWidth: Int?) {
        self.fixedWidth = fixedWidth
        slots = []
        mask = 0
    }

    /// Bytes of the page body plus the index: what the row group byte bound measures.
    var memoryFootprint: Int {
        plain.count + slots.count * 4 + starts.count * 8 + lengths.count * 4 + hashes.count * 8 + lastPage.count * 4
    }

    /// Memory the dictionary occupies: its arrays by capacity, which grow by doubling and can be
    /// twice what they hold. This is what the plugin's memory budget charges.
    var heldBytes: Int {
        plain.capacity + slots.capacity * 4 + starts.capacity * 8 + lengths.capacity * 4 + hashes.capacity * 8
            + lastPage.capacity * 4
    }

    /// The index of `value`, adding it if new.
    @inline(__always)
    mutating func index(of value: UnsafeRawBufferPointer) -> Int32 {
        if slots.isEmpty {
            slots = Array(repeating: 0, count: 256)
            mask = 255
        }
        let hash = Self.hash(value)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if matches(Int(entry - 1), value, hash) { return entry - 1 }
            slot = (slot &+ 1) & mask
        }
        let index = count
        append(value, hash: hash)
        slots[slot] = index + 1
        if Int(count) * 2 > slots.count { grow() }
        return index
    }

    @inline(__always)
    private func matches(_ entry: Int, _ value: UnsafeRawBufferPointer, _ hash: UInt64) -> Bool {
        let start: Int
        if let width = fixedWidth {
            guard value.count == width else { return false }
            start = entry &* width
        } else {
            guard hashes[entry] == hash, Int(lengths[entry]) == value.count else { return false }
            start = starts[entry]
        }
        guard value.count > 0 else { return true }
        return plain.withUnsafeBytes { stored in
            guard let base = stored.baseAddress, let bytes = value.baseAddress else { return false }
            return memcmp(base + start, bytes, value.count) == 0
        }
    }

    private mutating func append(_ value: UnsafeRawBufferPointer, hash: UInt64) {
        if fixedWidth == nil {
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: value.count).littleEndian) { plain.append(contentsOf: $0) }
            starts.append(plain.count)
            lengths.append(Int32(truncatingIfNeeded: value.count))
            hashes.append(hash)
            lastPage.append(0)
        }
        plain.append(contentsOf: value)
        count += 1
    }

    /// BYTE_ARRAY: whether entry `index` (from `index(of:)`) is used for the first time on the
    /// current page; it counts as used from now on. The page's statistics need only those values.
    @inline(__always)
    mutating func isFirstUseOnPage(_ index: Int32) -> Bool {
        let entry = Int(index)
        if lastPage[entry] == page { return false }
        lastPage[entry] = page
        return true
    }

    /// The writer closed a page: no entry has been used on the next one yet.
    mutating func startPage() {
        page &+= 1
        if page == 0 {
            // After 2^32 pages no stamp may look current: forget them all.
            lastPage.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            page = 1
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        let entries = plain  // shares the storage; lets the loop below write `slots`
        entries.withUnsafeBytes { stored in
            for entry in 0..<Int(count) {
                let hash: UInt64
                if let width = fixedWidth {
                    hash = Self.hash(UnsafeRawBufferPointer(rebasing: stored[(entry * width)..<((entry + 1) * width)]))
                } else {
                    hash = hashes[entry]
                }
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] != 0 { slot = (slot &+ 1) & mask }
                slots[slot] = Int32(entry + 1)
            }
        }
    }

    /// A fast non-cryptographic hash (multiply-xorshift over 8-byte words); dictionary input is
    /// the data being written, so flooding is not a concern beyond slowing one object down.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h: UInt64 = UInt64(truncatingIfNeeded: bytes.count) &* multiplier
        var i = 0
        let count = bytes.count
        while i + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* multiplier
            h ^= h >> 29
            i += 8
        }
        if i < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < count {
                tail |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* multiplier
            h ^= h >> 29
        }
        h = (h ^ (h >> 32)) &* multiplier
        return h ^ (h >> 31)
    }
}
