/// Byte-wise string helpers: Go's `strings.Contains` and `==` compare bytes, while Swift's
/// `String` compares by canonical equivalence and grapheme clusters.
enum GoStrings {
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        let h = Array(haystack.utf8)
        let n = Array(needle.utf8)
        return firstRange(of: n, in: h, from: 0) != nil
    }

    static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }

    /// Go's `strings.ReplaceAll`: non-overlapping, left to right.
    static func replaceAll(_ s: [UInt8], _ old: [UInt8], _ new: [UInt8]) -> [UInt8] {
        guard !old.isEmpty, var match = firstRange(of: old, in: s, from: 0) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var copied = 0
        while true {
            out.append(contentsOf: s[copied..<match])
            out.append(contentsOf: new)
            copied = match + old.count
            guard let next = firstRange(of: old, in: s, from: copied) else { break }
            match = next
        }
        out.append(contentsOf: s[copied...])
        return out
    }

    static func firstRange(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard haystack.count >= needle.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0] {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
