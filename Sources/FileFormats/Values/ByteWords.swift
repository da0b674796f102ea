/// Eight bytes tested at once ("SWAR"), for the scans that look for a few special bytes in text
/// that mostly has none: JSON string escaping and CSV quoting. A scan loads a word, asks whether
/// any byte of it is special, skips the word when none is, and otherwise goes straight to the
/// first special byte, handled one byte at a time as before.
///
/// The tests below come from "Bit Twiddling Hacks" (Sean Eron Anderson, "Determine if a word
/// has a byte less than n"): each leaves the high bit set in a byte that matches. A borrow can
/// also flag a byte *above* a matching one, never below it, so "none matches" is exact and the
/// lowest flagged byte is always a real match — the only two answers the scans use.
enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The word of 8 bytes at `offset` (which must leave 8 bytes), first byte lowest.
    @inline(__always)
    static func load(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    static func repeating(_ byte: UInt8) -> UInt64 {
        UInt64(byte) &* ones
    }

    /// High bit of each byte equal to the byte `repeated` stands for (see `repeating`).
    @inline(__always)
    static func equal(_ word: UInt64, _ repeated: UInt64) -> UInt64 {
        let x = word ^ repeated
        return (x &- ones) & ~x & highBits
    }

    /// High bit of each byte below `n` (n ≤ 0x80).
    @inline(__always)
    static func below(_ word: UInt64, _ n: UInt8) -> UInt64 {
        (word &- repeating(n)) & ~word & highBits
    }

    /// High bit of each byte ≥ 0x80.
    @inline(__always)
    static func nonASCII(_ word: UInt64) -> UInt64 {
        word & highBits
    }

    /// How many bytes precede the first flagged one (8 when none is flagged).
    @inline(__always)
    static func bytesBeforeFirst(_ flags: UInt64) -> Int {
        flags.trailingZeroBitCount >> 3
    }
}
