/// A named column (or nested child) of a schema.
public struct Field: Sendable {
    public let name: String
    public let nullable: Bool
    public let type: ArrowType
    /// Children of nested types: the element of a list, the members of a struct, the `entries`
    /// struct of a map. Empty for other types.
    public let children: [Field]
    /// Field metadata as a dictionary; for duplicate keys the last one wins.
    public let metadata: [String: String]
    /// Field metadata in wire order, duplicates kept.
    let orderedMetadata: [(key: String, value: String)]

    public init(
        name: String, type: ArrowType, nullable: Bool = true, children: [Field] = [],
        metadata: [(key: String, value: String)] = []
    ) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.children = children
        self.orderedMetadata = metadata
        self.metadata = Dictionary(metadata.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// Extension types travel as metadata on their storage field (`ARROW:extension:name`);
    /// CloudQuery uses `uuid`, `json`, `inet` and `mac`.
    public var extensionName: String? { metadata["ARROW:extension:name"] }

    /// `ARROW:extension:metadata`, e.g. `uuid-serialized`.
    var extensionMetadata: String? { metadata["ARROW:extension:metadata"] }
}

/// The fields and schema-level metadata of a stream.
public struct Schema: Sendable {
    public let fields: [Field]
    /// Schema metadata as a dictionary; for duplicate keys the last one wins.
    public let metadata: [String: String]
    /// Schema metadata in wire order, duplicates kept.
    let orderedMetadata: [(key: String, value: String)]

    public init(fields: [Field], metadata: [(key: String, value: String)] = []) {
        self.fields = fields
        self.orderedMetadata = metadata
        self.metadata = Dictionary(metadata.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// `cq:table_name`: the CloudQuery table this schema (and its batches) belong to.
    public var tableName: String? { metadata[Self.tableNameKey] }
    static let tableNameKey = "cq:table_name"

    /// The index of the first field called `name`.
    public func fieldIndex(named name: String) -> Int? {
        fields.firstIndex { $0.name == name }
    }
}
