/// One node of a file's Parquet schema tree, with the levels at which it is present.
final class ParquetReadNode {
    let element: ParquetReadSchemaElement
    var children: [ParquetReadNode] = []
    /// Definition level reached when this node is present (non-null): its optional and
    /// repeated ancestors, itself included.
    let definitionLevel: Int
    /// Repetition level of this node: its repeated ancestors, itself included.
    let repetitionLevel: Int
    /// Index into `ParquetReadSchema.leaves` for primitive nodes.
    var leafIndex: Int?
    /// Dotted path from the top-level column, for messages.
    let displayName: String

    init(element: ParquetReadSchemaElement, definitionLevel: Int, repetitionLevel: Int, displayName: String) {
        self.element = element
        self.definitionLevel = definitionLevel
        self.repetitionLevel = repetitionLevel
        self.displayName = displayName
    }

    var isGroup: Bool { element.type == nil }
    var repetition: ParquetRepetition? { element.repetition.flatMap(ParquetRepetition.init(rawValue:)) }
    var isRepeated: Bool { repetition == .repeated }
    var isOptional: Bool { repetition == .optional }

    /// Leaf indices below (or at) this node, in file order.
    var leafIndices: [Int] {
        if let leafIndex { return [leafIndex] }
        return children.flatMap(\.leafIndices)
    }
}

/// A leaf column of the file: what its chunks hold.
struct ParquetReadLeaf {
    let path: [String]
    let physicalType: ParquetPhysicalType
    let typeLength: Int
    let maxDefinitionLevel: Int
    let maxRepetitionLevel: Int
    let element: ParquetReadSchemaElement
    let displayName: String
}

/// The schema tree of a Parquet file, rebuilt from the footer's depth-first element list and
/// checked (child counts, types, depth) since the footer is untrusted.
struct ParquetReadSchema {
    /// Top-level columns (children of the root).
    let columns: [ParquetReadNode]
    let leaves: [ParquetReadLeaf]

    private static let maxDepth = 200

    init(elements: [ParquetReadSchemaElement]) throws {
        guard let root = elements.first else { throw ParquetDecodingError("footer: the schema is empty") }
        var next = 1
        var leaves: [ParquetReadLeaf] = []
        var columns: [ParquetReadNode] = []
        let count = Int(root.numChildren ?? 0)
        guard count >= 0, count <= elements.count - 1 else {
            throw ParquetDecodingError("footer: the root claims \(count) children, there are \(elements.count - 1) elements")
        }
        for _ in 0..<count {
            columns.append(try Self.node(elements, &next, parentDefinition: 0, parentRepetition: 0, parentPath: [],
                                         parentName: nil, depth: 1, leaves: &leaves))
        }
        guard next == elements.count else {
            throw ParquetDecodingError("footer: \(elements.count - next) schema elements are not reachable from the root")
        }
        self.columns = columns
        self.leaves = leaves
    }

    private static func node(
        _ elements: [ParquetReadSchemaElement], _ next: inout Int, parentDefinition: Int, parentRepetition: Int,
        parentPath: [String], parentName: String?, depth: Int, leaves: inout [ParquetReadLeaf]
    ) throws -> ParquetReadNode {
        guard depth < maxDepth else { throw ParquetDecodingError("footer: the schema is nested too deeply") }
        guard next < elements.count else { throw ParquetDecodingError("footer: the schema ends inside a group") }
        let element = elements[next]
        next += 1
        let repetition = element.repetition.flatMap(ParquetRepetition.init(rawValue:)) ?? .required
        let definition = parentDefinition + (repetition == .required ? 0 : 1)
        let repetitionLevel = parentRepetition + (repetition == .repeated ? 1 : 0)
        let display = parentName.map { "\($0).\(element.name)" } ?? element.name
        let node = ParquetReadNode(element: element, definitionLevel: definition, repetitionLevel: repetitionLevel,
                                   displayName: display)
        let path = parentPath + [element.name]
        if let rawType = element.type {
            guard let physical = ParquetPhysicalType(rawValue: rawType) else {
                throw ParquetDecodingError("footer: column \"\(display)\" has unknown physical type \(rawType)")
            }
            let width = Int(element.typeLength ?? 0)
            if physical == .fixedLenByteArray {
                guard width > 0, width <= 1 << 20 else {
                    throw ParquetDecodingError("footer: column \"\(display)\" has invalid type_length \(width)")
                }
            }
            node.leafIndex = leaves.count
            leaves.append(ParquetReadLeaf(path: path, physicalType: physical, typeLength: width,
                                          maxDefinitionLevel: definition, maxRepetitionLevel: repetitionLevel,
                                          element: element, displayName: display))
        } else {
            let count = Int(element.numChildren ?? 0)
            guard count > 0, count <= elements.count - next else {
                throw ParquetDecodingError("footer: group \"\(display)\" claims \(count) children")
            }
            for _ in 0..<count {
                node.children.append(try Self.node(elements, &next, parentDefinition: definition, parentRepetition: repetitionLevel,
                                                   parentPath: path, parentName: display, depth: depth + 1, leaves: &leaves))
            }
        }
        return node
    }
}
