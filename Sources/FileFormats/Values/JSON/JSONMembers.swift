/// Member lookup for objects: names in field order, matched by exact bytes. Rows written by
/// our encoder (and Go's) list keys in sorted order, so the next expected key is tried first.
final class JSONMembers {
    private let names: [[UInt8]]
    private let sortedOrder: [Int]
    private var cursor = 0
    private var seen: [Bool]

    init(names: [String]) {
        // The first field of a repeated name wins, like arrow-go's FieldIndices(key)[0].
        self.names = names.map { Array($0.utf8) }
        var firstIndex: [String: Int] = [:]
        for (index, name) in names.enumerated() where firstIndex[name] == nil { firstIndex[name] = index }
        sortedOrder = firstIndex.values.sorted { Array(names[$0].utf8).lexicographicallyPrecedes(Array(names[$1].utf8)) }
        seen = [Bool](repeating: false, count: names.count)
    }

    func startObject() {
        cursor = 0
        for k in seen.indices { seen[k] = false }
    }

    func index(of key: UnsafeRawBufferPointer) -> Int? {
        if cursor < sortedOrder.count, names[sortedOrder[cursor]].elementsEqual(key) {
            let index = sortedOrder[cursor]
            cursor += 1
            return index
        }
        for (position, index) in sortedOrder.enumerated() where names[index].elementsEqual(key) {
            cursor = position + 1
            return index
        }
        return nil
    }

    /// Marks a member seen; false when it already was.
    func markSeen(_ index: Int) -> Bool {
        if seen[index] { return false }
        seen[index] = true
        return true
    }

    func wasSeen(_ index: Int) -> Bool { seen[index] }

    /// Reads one `{...}` object (the scanner at its `{`): `member` reads the value of each known
    /// key, unknown keys are skipped, a key given twice is an error; afterwards `wasSeen` tells
    /// which members were missing. Shared by rows (JSON Lines) and struct values.
    func readObject(_ s: inout JSONScanner, member: (Int, inout JSONScanner) throws -> Void) throws {
        try s.expect(UInt8(ascii: "{"))
        startObject()
        var first = true
        while try s.nextMember(closing: UInt8(ascii: "}"), first: first) {
            first = false
            let key = try s.readString()
            let index = index(of: key)
            if let index, !markSeen(index) {
                throw ValueError("key \(ObjectDecodingError.excerpt(key)) is given twice")
            }
            try s.expect(UInt8(ascii: ":"))
            if let index {
                try member(index, &s)
            } else {
                try s.skipValue()
            }
        }
    }
}
