/// UTF-8 validation for string values handed to `ArrowArrayBuilder`.
enum UTF8Validation {
    /// The position of the first byte that is not part of valid UTF-8, or nil when all are.
    /// ASCII (the common case for CloudQuery data) is skipped eight bytes at a time.
    static func firstInvalidByte(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var position = 0
        let count = bytes.count
        while position + 8 <= count,
              bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            position += 8
        }
        while position < count && bytes[position] < 0x80 { position += 1 }
        if position == count { return nil }
        var iterator = bytes[position...].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): position += scalar.count
            case .emptyInput: return nil
            case .error: return position
            }
        }
    }
}
