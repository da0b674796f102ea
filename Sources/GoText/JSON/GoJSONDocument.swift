/// A JSON text as Go's `encoding/json` reads it (`GoJSONParser`: Go's grammar, nesting limit and
/// error texts), held flat: nodes in arrays, containers pointing at their children by index. No
/// part of it is recursive, so a document nested 10 000 levels deep costs heap, never thread
/// stack, to build, walk or free.
///
/// Users: `GoJSONValue.parse` (the spec, AWSAuth) turns it into a tree; the Athena key sanitiser
/// walks it directly.
public struct GoJSONDocument: Sendable {
    public enum Node: Sendable, Equatable {
        case null
        case bool(Bool)
        /// The literal text in `bytes`, already checked against the JSON number grammar.
        case number(Range<Int>)
        /// The decoded UTF-8 text in `bytes` (escapes resolved, bad bytes replaced as Go does).
        case string(Range<Int>)
        /// Element node indices in `children`.
        case array(Range<Int>)
        /// Alternating key (a `.string` node) and value node indices in `children`.
        case object(Range<Int>)
    }

    /// Every node; a container comes after all of its children.
    public private(set) var nodes: [Node] = []
    public private(set) var children: [Int] = []
    /// Decoded strings and number literals, back to back.
    public private(set) var bytes: [UInt8] = []
    /// The top-level value's node.
    public internal(set) var root = 0

    /// Parses one JSON text; throws Go's syntax error message.
    public init(parsing text: UnsafeRawBufferPointer) throws(GoJSONError) {
        var parser = GoJSONParser(bytes: text)
        try parser.parse(into: &self)
    }

    public func text(_ range: Range<Int>) -> ArraySlice<UInt8> { bytes[range] }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    mutating func add(_ node: Node) -> Int {
        nodes.append(node)
        return nodes.count - 1
    }

    mutating func addString(_ decoded: [UInt8]) -> Int {
        let start = bytes.count
        bytes.append(contentsOf: decoded)
        return add(.string(start..<bytes.count))
    }

    mutating func addNumber(_ literal: UnsafeRawBufferPointer) -> Int {
        let start = bytes.count
        bytes.append(contentsOf: literal)
        return add(.number(start..<bytes.count))
    }

    mutating func close(isObject: Bool, children members: ArraySlice<Int>) -> Int {
        let start = children.count
        children.append(contentsOf: members)
        let range = start..<children.count
        return add(isObject ? .object(range) : .array(range))
    }
}

extension GoJSONDocument {
    /// Go's `json.Unmarshal` into `any` makes every number a float64 (`strconv.ParseFloat`) and
    /// fails on one beyond its range, even where a repeated key later replaces it.
    public func checkNumbersFitFloat64() throws(GoJSONError) {
        for case .number(let range) in nodes {
            let literal = string(range)
            guard GoFloatFormatting.parseFloat64(literal) != nil else {
                throw GoJSONError(message: "json: cannot unmarshal number \(literal) into Go value of type float64")
            }
        }
    }

    /// The float64 of a number node's literal (checked by `checkNumbersFitFloat64`).
    public func float64(_ range: Range<Int>) -> Double {
        GoFloatFormatting.parseFloat64(string(range)) ?? .nan
    }
}
