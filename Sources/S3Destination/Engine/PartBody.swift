/// The bytes of one request body: in memory, or still in the spill file of the object it ends
/// (read only when its request starts, so closed objects waiting for a request slot hold no memory).
enum PartBody {
    case bytes([UInt8])
    case spilled(SpillFile)

    var count: Int {
        switch self {
        case .bytes(let bytes): return bytes.count
        case .spilled(let file): return file.count
        }
    }

    /// Bytes this body holds in memory now.
    var memoryBytes: Int {
        if case .bytes(let bytes) = self { return bytes.count }
        return 0
    }

    func load() throws -> [UInt8] {
        switch self {
        case .bytes(let bytes): return bytes
        case .spilled(let file): return try file.read(offset: 0, length: file.count)
        }
    }
}
