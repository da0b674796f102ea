/// A tolerant reader for the small XML documents AWS services return (S3's `<Error>`,
/// `<InitiateMultipartUploadResult>`, `<ListMultipartUploadsResult>`, STS's query-API answers): it
/// collects the text of every leaf element with the path of local names leading to it. Namespace
/// prefixes are dropped, attributes ignored, the five predefined entities, numeric references and
/// CDATA decoded, comments and processing instructions skipped. Text is kept exactly (S3 keys may
/// start or end with spaces). It never traps on malformed input: whatever was read up to the problem
/// is returned.
public struct XMLLeafReader: Sendable {
    public struct Leaf: Sendable, Equatable {
        /// Local names from the root to the element, e.g. `["Error", "Code"]`.
        public let path: [String]
        /// For each element of `path`, its ordinal in document order: tells repeated elements apart
        /// (the `<Upload>`s of a listing).
        let elementIDs: [Int]
        public let text: String
        public var name: String { path.last ?? "" }
    }

    public let leaves: [Leaf]
    /// Local name of the document element (`Error`, …), if any element was seen.
    public let rootName: String?

    public init<Bytes: Collection>(_ document: Bytes) where Bytes.Element == UInt8 {
        var parser = Parser(bytes: Array(document))
        parser.run()
        leaves = parser.leaves
        rootName = parser.rootName
    }

    /// The leaf children of every element called `name`, one dictionary (child name → text) per
    /// element, in document order; e.g. `records("Upload")` of a ListMultipartUploads answer.
    public func records(_ name: String) -> [[String: String]] {
        var order: [Int] = []
        var byElement: [Int: [String: String]] = [:]
        for leaf in leaves where leaf.path.count >= 2 && leaf.path[leaf.path.count - 2] == name {
            let id = leaf.elementIDs[leaf.path.count - 2]
            if byElement[id] == nil {
                order.append(id)
                byElement[id] = [:]
            }
            if byElement[id]?[leaf.name] == nil { byElement[id]?[leaf.name] = leaf.text }
        }
        return order.compactMap { byElement[$0] }
    }

    /// Text of the first leaf called `name` whose parent is `parent` (any parent when `nil`).
    public func text(_ name: String, under parent: String? = nil) -> String? {
        leaves.first { leaf in
            guard leaf.name == name else { return false }
            guard let parent else { return true }
            return leaf.path.count >= 2 && leaf.path[leaf.path.count - 2] == parent
        }?.text
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0
        var stack: [(name: String, id: Int, hasChildren: Bool)] = []
        var elementsOpened = 0
        var text: [UInt8] = []
        var leaves: [Leaf] = []
        var rootName: String?

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run() {
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "<") {
                    if !markup() { return }
                } else {
                    decodeCharacter()
                }
            }
        }

        /// Handles one `<…>` construct; false when the document ends inside it.
        mutating func markup() -> Bool {
            if starts(with: "<![CDATA[") {
                guard let end = find("]]>", from: i + 9) else { return false }
                text += bytes[(i + 9)..<end]
                i = end + 3
                return true
            }
            if starts(with: "<!--") {
                guard let end = find("-->", from: i + 4) else { return false }
                i = end + 3
                return true
            }
            if starts(with: "<?") || starts(with: "<!") {
                guard let end = find(">", from: i + 2) else { return false }
                i = end + 1
                return true
            }
            guard let end = tagEnd(from: i + 1) else { return false }
            let closing = bytes[i + 1] == UInt8(ascii: "/")
            let selfClosing = !closing && end > i + 1 && bytes[end - 1] == UInt8(ascii: "/")
            let nameStart = closing ? i + 2 : i + 1
            var nameEnd = nameStart
            while nameEnd < end, !isSpace(bytes[nameEnd]), bytes[nameEnd] != UInt8(ascii: "/") { nameEnd += 1 }
            var name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
            if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
            i = end + 1
            if closing {
                close()
            } else {
                open(name)
                if selfClosing { close() }
            }
            return true
        }

        mutating func open(_ name: String) {
            if rootName == nil { rootName = name }
            if !stack.isEmpty { stack[stack.count - 1].hasChildren = true }
            stack.append((name, elementsOpened, false))
            elementsOpened += 1
            text.removeAll(keepingCapacity: true)
        }

        mutating func close() {
            guard let top = stack.popLast() else { return }
            if !top.hasChildren {
                leaves.append(Leaf(
                    path: stack.map(\.name) + [top.name], elementIDs: stack.map(\.id) + [top.id],
                    text: String(decoding: text, as: UTF8.self)))
            }
            text.removeAll(keepingCapacity: true)
        }

        /// Index of the `>` closing a tag, skipping quoted attribute values.
        func tagEnd(from start: Int) -> Int? {
            var j = start
            var quote: UInt8?
            while j < bytes.count {
                let b = bytes[j]
                if let q = quote {
                    if b == q { quote = nil }
                } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    quote = b
                } else if b == UInt8(ascii: ">") {
                    return j
                }
                j += 1
            }
            return nil
        }

        mutating func decodeCharacter() {
            guard bytes[i] == UInt8(ascii: "&"), let semi = find(";", from: i + 1), semi - i <= 10 else {
                text.append(bytes[i])
                i += 1
                return
            }
            let entity = String(decoding: bytes[(i + 1)..<semi], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch entity {
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "amp": scalar = "&"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst(1)).flatMap(Unicode.Scalar.init)
                }
            }
            guard let scalar else {
                text.append(bytes[i])
                i += 1
                return
            }
            text += Array(String(Character(scalar)).utf8)
            i = semi + 1
        }

        func starts(with literal: String) -> Bool {
            let lit = Array(literal.utf8)
            guard i + lit.count <= bytes.count else { return false }
            return bytes[i..<(i + lit.count)].elementsEqual(lit)
        }

        func find(_ literal: String, from start: Int) -> Int? {
            let lit = Array(literal.utf8)
            guard !lit.isEmpty, start >= 0 else { return nil }
            var j = start
            while j + lit.count <= bytes.count {
                if bytes[j] == lit[0], bytes[j..<(j + lit.count)].elementsEqual(lit) { return j }
                j += 1
            }
            return nil
        }

        func isSpace(_ b: UInt8) -> Bool {
            b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
        }
    }
}
