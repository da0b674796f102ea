extension ArrowArrayBuilder {
    /// Appends element `index` of `array` (of the same type as this builder), children
    /// included: re-batching, concatenating or rebuilding a column value by value.
    /// Fixed-width values are copied bit for bit. Throws when the types differ or `index` is
    /// out of range; a nested value that fails part-way may leave child values appended.
    public func append(from array: ArrowArray, at index: Int) throws {
        guard array.type == field.type else {
            throw fail("cannot copy a value from an array of type \(array.type)")
        }
        guard index >= 0 && index < array.length else {
            throw fail("cannot copy element \(index) of an array of \(array.length)")
        }
        if array.isNull(index) {
            appendNull()
            return
        }
        switch storage {
        case .null:
            appendNull()
        case .bool:
            try append(array.bool(at: index))
        case .signed, .unsigned, .float16, .float32, .float64, .opaque:
            // Same type, so the same width: the bytes go across unchanged.
            appendRawFixedValue(array.bytes(at: index))
        case .variable:
            try append(bytes: array.bytes(at: index))
        case .list, .fixedSizeList:
            let child = array.children[0]
            for j in array.listRange(at: index) {
                try children[0].append(from: child, at: j)
            }
            try appendValid()
        case .struct:
            for (member, source) in zip(children, array.children) {
                try member.append(from: source, at: index)
            }
            try appendValid()
        }
    }
}
