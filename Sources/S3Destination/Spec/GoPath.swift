/// Go's slash-separated path rules (`path.Clean`, `path.IsAbs`; `filepath.Clean` is the same on
/// Linux). The Go plugin validates `path` with them and passes every rendered object key through
/// Clean, so keys must come out byte-for-byte identical.
enum GoPath {
    /// The shortest equivalent path by purely lexical processing:
    /// repeated slashes collapse, `.` elements go, `x/..` pairs go, `..` at the root of a rooted
    /// path goes, a trailing slash goes (except for "/"), and an empty result becomes ".".
    static func clean(_ path: String) -> String {
        let cleaned = clean(bytes: Array(path.utf8))
        return String(decoding: cleaned, as: UTF8.self)
    }

    /// `path.IsAbs`: the path starts with a slash.
    static func isAbs(_ path: String) -> Bool {
        path.utf8.first == UInt8(ascii: "/")
    }

    /// Works on bytes: only `/` and `.` are special and both are ASCII, so UTF-8 text passes
    /// through untouched.
    static func clean(bytes path: [UInt8]) -> [UInt8] {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        let n = path.count
        if n == 0 { return [dot] }

        let rooted = path[0] == slash
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var r = 0
        // `out` never shrinks below this index when removing `..` elements: the root slash, or
        // `..` elements that could not be resolved in a relative path.
        var backtrackLimit = 0
        if rooted {
            out.append(slash)
            r = 1
            backtrackLimit = 1
        }

        while r < n {
            if path[r] == slash {
                r += 1  // empty element
            } else if path[r] == dot, r + 1 == n || path[r + 1] == slash {
                r += 1  // "." element
            } else if path[r] == dot, path[r + 1] == dot, r + 2 == n || path[r + 2] == slash {
                r += 2  // ".." element: drop the last element written, if there is one
                if out.count > backtrackLimit {
                    // Remove back to (and including) the separator before the last element.
                    var removed = out.removeLast()
                    while out.count > backtrackLimit, removed != slash {
                        removed = out.removeLast()
                    }
                } else if !rooted {
                    if !out.isEmpty { out.append(slash) }
                    out.append(dot)
                    out.append(dot)
                    backtrackLimit = out.count
                }
            } else {
                // A real element: add a separator if needed, then copy it.
                if (rooted && out.count != 1) || (!rooted && !out.isEmpty) {
                    out.append(slash)
                }
                while r < n, path[r] != slash {
                    out.append(path[r])
                    r += 1
                }
            }
        }
        if out.isEmpty { return [dot] }
        return out
    }
}
