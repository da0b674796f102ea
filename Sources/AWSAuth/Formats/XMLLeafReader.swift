/// A tolerant reader for the small XML documents of STS's query API: it collects the text of every
/// leaf element together with the local names leading to it. Namespace prefixes and attributes are
/// dropped, the five predefined entities, numeric references and CDATA are decoded, comments and
/// processing instructions skipped. Element order does not matter to callers, and malformed input never
/// traps: whatever was read before the problem is kept.
struct XMLLeafReader: Sendable {
    struct Leaf: Sendable, Equatable {
        let path: [String]
        let text: String
        var name: String { path.last ?? "" }
    }

    let leaves: [Leaf]
    let rootName: String?

    init(_ bytes: [UInt8]) {
        var leaves: [Leaf] = []
        var stack: [String] = []
        var text: [UInt8] = []
        var sawChild: [Bool] = []
        var root: String?
        var i = 0
        let n = bytes.count

        func hasPrefix(_ s: String, at index: Int) -> Bool {
            let p = Array(s.utf8)
            return index + p.count <= n && Array(bytes[index..<(index + p.count)]) == p
        }
        func find(_ s: String, from index: Int) -> Int? {
            let p = Array(s.utf8)
            var j = index
            while j + p.count <= n {
                if bytes[j] == p[0], Array(bytes[j..<(j + p.count)]) == p { return j }
                j += 1
            }
            return nil
        }

        while i < n {
            if bytes[i] != UInt8(ascii: "<") {
                text.append(bytes[i])
                i += 1
                continue
            }
            if hasPrefix("<!--", at: i) {
                guard let end = find("-->", from: i + 4) else { break }
                i = end + 3
            } else if hasPrefix("<![CDATA[", at: i) {
                guard let end = find("]]>", from: i + 9) else { break }
                // Marked so that entity decoding leaves CDATA content alone.
                text.append(contentsOf: [0])
                text.append(contentsOf: bytes[(i + 9)..<end])
                text.append(contentsOf: [0])
                i = end + 3
            } else if hasPrefix("<?", at: i) || hasPrefix("<!", at: i) {
                guard let end = find(">", from: i + 2) else { break }
                i = end + 1
            } else {
                guard let end = find(">", from: i + 1) else { break }
                var tag = Array(bytes[(i + 1)..<end])
                i = end + 1
                let closing = tag.first == UInt8(ascii: "/")
                if closing { tag.removeFirst() }
                let selfClosing = tag.last == UInt8(ascii: "/")
                if selfClosing { tag.removeLast() }
                let nameBytes = tag.prefix { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }
                var name = String(decoding: nameBytes, as: UTF8.self)
                if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
                if closing {
                    guard let open = stack.lastIndex(of: name) else { continue }  // stray end tag: ignore
                    if open == stack.count - 1, sawChild.last == false {
                        leaves.append(Leaf(path: stack, text: Self.decode(text)))
                    }
                    stack.removeSubrange(open...)
                    sawChild.removeSubrange(open...)
                    text.removeAll()
                } else {
                    if root == nil { root = name }
                    if !sawChild.isEmpty { sawChild[sawChild.count - 1] = true }
                    text.removeAll()
                    if selfClosing {
                        leaves.append(Leaf(path: stack + [name], text: ""))
                    } else {
                        stack.append(name)
                        sawChild.append(false)
                    }
                }
            }
        }
        self.leaves = leaves
        self.rootName = root
    }

    /// Text of the first leaf called `name` whose parent is `parent` (any parent when `nil`).
    func text(_ name: String, under parent: String? = nil) -> String? {
        leaves.first { leaf in
            guard leaf.name == name else { return false }
            guard let parent else { return true }
            return leaf.path.count >= 2 && leaf.path[leaf.path.count - 2] == parent
        }?.text
    }

    /// Entity decoding outside CDATA sections (which are delimited by NUL markers), then trimming.
    private static func decode(_ raw: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var inCDATA = false
        var i = 0
        while i < raw.count {
            let byte = raw[i]
            if byte == 0 {
                inCDATA.toggle()
                i += 1
                continue
            }
            if !inCDATA, byte == UInt8(ascii: "&"), let semi = raw[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) {
                let entity = String(decoding: raw[(i + 1)..<semi], as: UTF8.self)
                if let replacement = Self.entity(entity) {
                    out.append(contentsOf: Array(replacement.utf8))
                    i = semi + 1
                    continue
                }
            }
            out.append(byte)
            i += 1
        }
        return String(decoding: out, as: UTF8.self).trimmingWhitespace()
    }

    private static func entity(_ name: String) -> String? {
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            var value: UInt32?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                value = UInt32(name.dropFirst(2), radix: 16)
            } else if name.hasPrefix("#") {
                value = UInt32(name.dropFirst(), radix: 10)
            }
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}

extension String {
    /// Trims spaces, tabs, CR and LF (the XML and INI notion of white space) without Foundation.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
