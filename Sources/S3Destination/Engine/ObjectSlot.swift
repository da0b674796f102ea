/// Which open object rows go to: their table and, when `path` has row variables (`{{.column}}`),
/// their partition values (escaped for the key, one per variable; empty otherwise).
struct ObjectSlot: Hashable, Comparable, CustomStringConvertible {
    let table: String
    let partition: [String]

    init(table: String, partition: [String] = []) {
        self.table = table
        self.partition = partition
    }

    static func < (a: ObjectSlot, b: ObjectSlot) -> Bool {
        a.table != b.table ? a.table < b.table : a.partition.lexicographicallyPrecedes(b.partition)
    }

    var description: String {
        partition.isEmpty ? table : "\(table) [\(partition.joined(separator: ", "))]"
    }
}

/// The open partitions of each table and when each was last written, so that a table at its
/// `max_open_partitions` limit closes its least recently written object before opening another
/// (Kafka Connect's S3 sink and Firehose bound open partitions the same way).
struct PartitionRecency {
    let limit: Int
    private var clock: UInt64 = 0
    private var lastWrite: [String: [[String]: UInt64]] = [:]

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Rows were just added to `slot`'s object.
    mutating func touch(_ slot: ObjectSlot) {
        clock += 1
        lastWrite[slot.table, default: [:]][slot.partition] = clock
    }

    /// `slot`'s object closed.
    mutating func remove(_ slot: ObjectSlot) {
        lastWrite[slot.table]?[slot.partition] = nil
        if lastWrite[slot.table]?.isEmpty == true { lastWrite[slot.table] = nil }
    }

    /// The object to close before one more of `table` opens: its least recently written, when the
    /// table already has `limit` open.
    func leastRecentlyWritten(beforeOpeningIn table: String) -> ObjectSlot? {
        guard let open = lastWrite[table], open.count >= limit,
              let oldest = open.min(by: { $0.value < $1.value }) else { return nil }
        return ObjectSlot(table: table, partition: oldest.key)
    }

    /// The least recently written open object of any table (memory pressure).
    func leastRecentlyWritten() -> ObjectSlot? {
        var oldest: (slot: ObjectSlot, time: UInt64)?
        for (table, open) in lastWrite {
            for (partition, time) in open where time < (oldest?.time ?? .max) {
                oldest = (ObjectSlot(table: table, partition: partition), time)
            }
        }
        return oldest?.slot
    }
}
