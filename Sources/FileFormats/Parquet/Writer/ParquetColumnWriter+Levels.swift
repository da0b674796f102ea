import Arrow

/// Turning Arrow rows into Parquet levels and values (the Dremel "striping" of
/// parquet-format `README.md` "Nested Encoding"): for each row, walk the leaf's steps from the
/// top-level array down; a null or an empty list ends the walk with the definition level
/// reached so far, and every list element after the first starts at its list's repetition level.
extension ParquetColumnWriter {
    /// Arrays of one batch along the leaf's path: `arrays[k]` is the array step `k` reads.
    struct BoundPath {
        let arrays: [ArrowArray]
        let renderer: ValueStrWriter?
    }

    /// Encodes rows `rows` of `column` (the top-level array this leaf belongs to).
    mutating func write(_ column: ArrowArray, rows: Range<Int>) throws {
        let path = bind(column)
        let steps = leaf.steps
        if steps.count == 1 {
            // A top-level primitive column: no walk needed.
            let array = column
            let nullable = steps[0].nullable
            let checkNulls = array.nullCount > 0
            for row in rows {
                if checkNulls && array.isNull(row) {
                    guard nullable else { throw nullInRequired(row: row, step: 0) }
                    addLevels(definition: 0, repetition: 0)
                } else {
                    addLevels(definition: nullable ? 1 : 0, repetition: 0)
                    try addValue(array, row, path, row: row)
                }
                try endOfRow()
            }
            return
        }
        for row in rows {
            try walk(step: 0, index: row, definition: 0, repetition: 0, path: path, row: row)
            try endOfRow()
        }
    }

    private func bind(_ column: ArrowArray) -> BoundPath {
        var arrays = [column]
        for step in leaf.steps {
            switch step.kind {
            case .member(let k): arrays.append(arrays[arrays.count - 1].children[k])
            case .repeated: arrays.append(arrays[arrays.count - 1].children[0])
            case .leaf: break
            }
        }
        var renderer: ValueStrWriter?
        if case .rendered(let rendering) = leaf.value, let last = arrays.last {
            renderer = rendering.bind(last)
        }
        return BoundPath(arrays: arrays, renderer: renderer)
    }

    private mutating func walk(step k: Int, index i: Int, definition: Int, repetition: Int, path: BoundPath, row: Int) throws {
        let step = leaf.steps[k]
        let array = path.arrays[k]
        var definition = definition
        if array.nullCount > 0 && array.isNull(i) {
            guard step.nullable else { throw nullInRequired(row: row, step: k) }
            addLevels(definition: definition, repetition: repetition)
            return
        }
        if step.nullable { definition += 1 }
        switch step.kind {
        case .leaf:
            addLevels(definition: definition, repetition: repetition)
            try addValue(array, i, path, row: row)
        case .member:
            try walk(step: k + 1, index: i, definition: definition, repetition: repetition, path: path, row: row)
        case .repeated(let level):
            let range = array.listRange(at: i)
            if range.isEmpty {
                addLevels(definition: definition, repetition: repetition)
                return
            }
            var elementRepetition = repetition
            for j in range {
                try walk(step: k + 1, index: j, definition: definition + 1, repetition: elementRepetition,
                         path: path, row: row)
                elementRepetition = level
            }
        }
    }

    private func nullInRequired(row: Int, step: Int) -> ParquetEncodingError {
        let what: String
        switch leaf.steps[step].kind {
        case .member: what = step == 0 ? "the struct" : "a struct or map entry on its path"
        case .repeated: what = "the list or map"
        case .leaf: what = "the value"
        }
        return ParquetEncodingError(
            "column \"\(leaf.displayName)\" is declared non-nullable, but \(what) is null in row \(row) of the batch; "
            + "declare the field nullable or fill the value")
    }

    /// Adds element `i` of the leaf array (`row`: the batch row it belongs to, for messages).
    @inline(__always)
    private mutating func addValue(_ array: ArrowArray, _ i: Int, _ path: BoundPath, row: Int) throws {
        switch leaf.value {
        case .null:
            break  // a null column never reaches a value
        case .boolean:
            add(boolean: array.bool(at: i))
        case .int32(let source):
            switch source {
            case .int8: add(int32: Int32(array.int8(at: i)))
            case .int16: add(int32: Int32(array.int16(at: i)))
            case .int32: add(int32: array.int32(at: i))
            case .uint8: add(int32: Int32(array.uint8(at: i)))
            case .uint16: add(int32: Int32(array.uint16(at: i)))
            case .uint32: add(int32: Int32(bitPattern: array.uint32(at: i)))
            case .date64: add(int32: Int32(truncatingIfNeeded: array.int64(at: i) / 86_400_000))
            case .time32Seconds: add(int32: array.int32(at: i) &* 1000)
            }
        case .int64(let source):
            switch source {
            case .int64: add(int64: array.value(at: i, as: Int64.self))
            case .secondsToMillis: add(int64: array.int64(at: i) &* 1000)
            case .nanosToMicros: add(int64: array.int64(at: i) / 1000)
            }
        case .float:
            add(float: array.float32(at: i))
        case .double:
            add(double: array.float64(at: i))
        case .bytes:
            add(byteArray: array.bytes(at: i))
        case .fixedBytes:
            add(fixedBytes: array.bytes(at: i))
        case .decimal(let sourceWidth, let targetWidth):
            let littleEndian = array.bytes(at: i)
            valueScratch.removeAll(keepingCapacity: true)
            var k = min(targetWidth, sourceWidth, littleEndian.count)
            while k > 0 {
                k -= 1
                valueScratch.append(littleEndian[k])
            }
            let bytes = valueScratch  // shares the buffer, so `add` may mutate self meanwhile
            bytes.withUnsafeBytes { add(fixedBytes: $0) }
        case .rendered:
            guard let renderer = path.renderer else { return }
            valueScratch.removeAll(keepingCapacity: true)
            do {
                try renderer.append(i, to: &valueScratch)
            } catch let error as ValueRenderingError {
                throw ParquetEncodingError("column \"\(leaf.displayName)\", row \(row) of the batch: \(error.reason)")
            }
            let bytes = valueScratch
            bytes.withUnsafeBytes { add(byteArray: $0) }
        }
    }
}
