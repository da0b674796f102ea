import Arrow

extension ArrowArray {
    /// Element `i` of an int8/16/32/64 array (`ValueKind.signed(bits:)`), widened: every
    /// renderer prints all widths alike.
    @inline(__always)
    func signedInteger(at i: Int, bits: Int) -> Int64 {
        switch bits {
        case 8: return Int64(int8(at: i))
        case 16: return Int64(int16(at: i))
        case 32: return Int64(int32(at: i))
        default: return int64(at: i)
        }
    }

    /// Element `i` of a uint8/16/32/64 array (`ValueKind.unsigned(bits:)`), widened.
    @inline(__always)
    func unsignedInteger(at i: Int, bits: Int) -> UInt64 {
        switch bits {
        case 8: return UInt64(uint8(at: i))
        case 16: return UInt64(uint16(at: i))
        case 32: return UInt64(uint32(at: i))
        default: return uint64(at: i)
        }
    }
}
