import Arrow

/// How one requested Arrow column (or nested child) is rebuilt from the file's schema node:
/// the node's shape, the definition level at which it is present, and the leaves below it.
final class ParquetColumnPlan {
    enum Shape {
        case leaf(index: Int, conversion: ParquetLeafConversion)
        /// Members in the order of the Arrow struct's children.
        case structure([ParquetColumnPlan])
        /// A list's repeated group repeats at `repetitionLevel`; an element exists once the
        /// definition level reaches `elementLevel` (below it the list is empty).
        case list(element: ParquetColumnPlan, repetitionLevel: Int, elementLevel: Int)
        case map(key: ParquetColumnPlan, value: ParquetColumnPlan, repetitionLevel: Int, elementLevel: Int)
    }

    let shape: Shape
    /// The node is non-null once the definition level reaches this.
    let definitionLevel: Int
    let optional: Bool
    /// File leaf indices below this node; `leaves[0]` decides nullness and repetition.
    let leaves: [Int]
    let displayName: String

    private init(shape: Shape, node: ParquetReadNode, leaves: [Int]) {
        self.shape = shape
        self.definitionLevel = node.definitionLevel
        self.optional = node.isOptional
        self.leaves = leaves
        self.displayName = node.displayName
    }

    /// Matches `field` to `node`, or explains (naming the column) why the file cannot supply it.
    static func make(field: Field, node: ParquetReadNode, schema: ParquetReadSchema) throws -> ParquetColumnPlan {
        func incompatible(_ why: String) -> ParquetDecodingError {
            ParquetDecodingError("column \"\(node.displayName)\": \(why), which cannot be read as \(field.type)")
        }
        switch ValueKind(field) {
        case .list, .fixedSizeList:
            guard let elementField = field.children.first else {
                throw ParquetDecodingError("column \"\(node.displayName)\": the schema's list has no element field")
            }
            let (repeated, elementNode) = try repeatedGroup(node, what: "list", incompatible: incompatible)
            let element = try make(field: elementField, node: elementNode, schema: schema)
            return ParquetColumnPlan(
                shape: .list(element: element, repetitionLevel: repeated.repetitionLevel, elementLevel: repeated.definitionLevel),
                node: node, leaves: node.leafIndices)
        case .map:
            guard let entries = field.children.first, entries.children.count == 2 else {
                throw ParquetDecodingError("column \"\(node.displayName)\": the schema's map has no key and value fields")
            }
            let (repeated, _) = try repeatedGroup(node, what: "map", incompatible: incompatible)
            guard repeated.children.count == 2 else { throw incompatible("the file's map entries do not have a key and a value") }
            let key = try make(field: entries.children[0], node: repeated.children[0], schema: schema)
            let value = try make(field: entries.children[1], node: repeated.children[1], schema: schema)
            return ParquetColumnPlan(
                shape: .map(key: key, value: value, repetitionLevel: repeated.repetitionLevel, elementLevel: repeated.definitionLevel),
                node: node, leaves: node.leafIndices)
        case .structure:
            guard node.isGroup, !node.isRepeated else { throw incompatible("the file stores a \(node.isGroup ? "repeated group" : "primitive")") }
            // By name; positionally when the names differ but the shape matches (Go reads
            // struct members by position).
            var members: [ParquetColumnPlan] = []
            let byName = field.children.map { child in node.children.first { $0.element.name == child.name } }
            let positional = byName.contains { $0 == nil }
            if positional && node.children.count != field.children.count {
                throw incompatible("the file's struct has members \(node.children.map(\.element.name))")
            }
            for (k, child) in field.children.enumerated() {
                let childNode = positional ? node.children[k] : byName[k]!
                members.append(try make(field: child, node: childNode, schema: schema))
            }
            return ParquetColumnPlan(shape: .structure(members), node: node, leaves: node.leafIndices)
        default:
            guard let index = node.leafIndex, !node.isRepeated else {
                throw incompatible("the file stores a \(node.isGroup ? "group" : "repeated column")")
            }
            let conversion = try ParquetLeafConversion.resolve(field, leaf: schema.leaves[index])
            return ParquetColumnPlan(shape: .leaf(index: index, conversion: conversion), node: node, leaves: [index])
        }
    }

    /// The repeated group of a LIST / MAP annotated group and the node each repetition holds:
    /// the standard 3-level form (`list` / `key_value` group) or the legacy 2-level one where
    /// the repeated node is the element itself.
    private static func repeatedGroup(
        _ node: ParquetReadNode, what: String, incompatible: (String) -> ParquetDecodingError
    ) throws -> (repeated: ParquetReadNode, element: ParquetReadNode) {
        guard node.isGroup, !node.isRepeated, node.children.count == 1, let repeated = node.children.first,
              repeated.isRepeated else {
            throw incompatible("the file does not store a \(what) here")
        }
        if repeated.isGroup, repeated.children.count == 1, repeated.element.name != "array",
           repeated.element.name != "\(node.element.name)_tuple" {
            return (repeated, repeated.children[0])
        }
        return (repeated, repeated)
    }
}
