import Arrow

/// Where one leaf column of the current row group is being read.
final class ParquetLeafCursor {
    let column: ParquetDecodedColumn
    let maxDefinitionLevel: Int32
    /// [next level entry, next value]; behind a pointer so the per-value updates skip the
    /// dynamic exclusivity checks that class properties would cost.
    private let positions: UnsafeMutablePointer<Int>

    init(column: ParquetDecodedColumn, maxDefinitionLevel: Int) {
        self.column = column
        self.maxDefinitionLevel = Int32(maxDefinitionLevel)
        positions = .allocate(capacity: 2)
        positions.initialize(repeating: 0, count: 2)
    }

    deinit {
        positions.deallocate()
    }

    var level: Int {
        @inline(__always) get { positions[0] }
        @inline(__always) set { positions[0] = newValue }
    }

    var value: Int {
        @inline(__always) get { positions[1] }
        @inline(__always) set { positions[1] = newValue }
    }
}

/// Rebuilds nested values from definition and repetition levels (the Dremel record assembly),
/// appending each row of a row group to the Arrow builders: a node is null when the definition
/// level stops below it, a list is empty when it stops at the list, and a list continues while
/// the next entry repeats at the list's repetition level.
struct ParquetRecordAssembler {
    /// Indexed by file leaf; nil for leaves no requested column uses.
    let cursors: [ParquetLeafCursor?]

    private func cursor(_ leaf: Int) throws -> ParquetLeafCursor {
        guard let cursor = cursors[leaf] else { throw ParquetDecodingError("internal error: leaf \(leaf) was not decoded") }
        return cursor
    }

    /// Definition level of `leaf`'s current entry.
    @inline(__always)
    private func definition(_ cursor: ParquetLeafCursor) throws -> Int {
        guard cursor.level < cursor.column.levelCount else {
            throw ParquetDecodingError("the column's levels end before the row group's rows do")
        }
        return cursor.column.definitionLevels.isEmpty ? Int(cursor.maxDefinitionLevel) : Int(cursor.column.definitionLevels[cursor.level])
    }

    /// Repetition level of `leaf`'s current entry, or nil at the end of the chunk.
    @inline(__always)
    private func repetition(_ cursor: ParquetLeafCursor) -> Int? {
        guard cursor.level < cursor.column.levelCount else { return nil }
        return cursor.column.repetitionLevels.isEmpty ? 0 : Int(cursor.column.repetitionLevels[cursor.level])
    }

    /// Appends one value of `plan` (the next at every leaf below it) to `builder`.
    func read(_ plan: ParquetColumnPlan, into builder: ArrowArrayBuilder) throws {
        let first = try cursor(plan.leaves[0])
        let level = try definition(first)
        if level < plan.definitionLevel {
            guard plan.optional else {
                throw ParquetDecodingError("\"\(plan.displayName)\" is required but definition level \(level) marks it missing")
            }
            builder.appendNull()
            try skipEntry(plan)
            return
        }
        switch plan.shape {
        case .leaf(_, let conversion):
            guard first.value < first.column.values.count else {
                throw ParquetDecodingError("\"\(plan.displayName)\" has fewer values than its levels announce")
            }
            try conversion.append(first.column.values, at: first.value, to: builder)
            first.value += 1
            first.level += 1
        case .structure(let members):
            for (k, member) in members.enumerated() {
                try read(member, into: builder.children[k])
            }
            try builder.appendValid()
        case .list(let element, let repetitionLevel, let elementLevel):
            if level < elementLevel {
                try skipEntry(plan)
            } else {
                let child = builder.children[0]
                repeat {
                    try read(element, into: child)
                } while repetition(first) == repetitionLevel
            }
            try builder.appendValid()
        case .map(let key, let value, let repetitionLevel, let elementLevel):
            if level < elementLevel {
                try skipEntry(plan)
            } else {
                let entries = builder.children[0]
                repeat {
                    try read(key, into: entries.children[0])
                    try read(value, into: entries.children[1])
                    try entries.appendValid()
                } while repetition(first) == repetitionLevel
            }
            try builder.appendValid()
        }
    }

    /// A null or empty node has exactly one entry at each leaf below it.
    private func skipEntry(_ plan: ParquetColumnPlan) throws {
        for leaf in plan.leaves {
            let cursor = try cursor(leaf)
            guard cursor.level < cursor.column.levelCount else {
                throw ParquetDecodingError("the levels of \"\(plan.displayName)\" end early")
            }
            cursor.level += 1
        }
    }

    /// Checks that a row starts here (repetition level 0) for `plan`'s first leaf.
    func expectRowStart(_ plan: ParquetColumnPlan) throws {
        let first = try cursor(plan.leaves[0])
        guard let level = repetition(first) else {
            throw ParquetDecodingError("the column's levels end before the row group's rows do")
        }
        guard level == 0 else { throw ParquetDecodingError("a row starts with repetition level \(level), not 0") }
    }

    /// Checks every decoded leaf was read to its end.
    func expectFullyRead(names: (Int) -> String) throws {
        for (leaf, cursor) in cursors.enumerated() {
            guard let cursor else { continue }
            guard cursor.level == cursor.column.levelCount, cursor.value == cursor.column.values.count else {
                throw ParquetDecodingError("column \"\(names(leaf))\" holds more levels or values than the row group's rows")
            }
        }
    }
}
