/// Go's `strconv.ParseInt(s, 0, 64)`, which the INI reader uses for integers: optional sign, then a
/// `0x`/`0o`/`0b` prefix or a leading `0` (octal), `_` separators allowed between digits.
enum GoInteger {
    static func parse(_ text: String) -> Int64? {
        var s = Substring(text)
        var negative = false
        if s.first == "+" || s.first == "-" {
            negative = s.first == "-"
            s = s.dropFirst()
        }
        var radix = 10
        let lower = s.lowercased()
        if lower.hasPrefix("0x") { radix = 16; s = s.dropFirst(2) }
        else if lower.hasPrefix("0o") { radix = 8; s = s.dropFirst(2) }
        else if lower.hasPrefix("0b") { radix = 2; s = s.dropFirst(2) }
        else if s.count > 1, s.first == "0" { radix = 8; s = s.dropFirst() }
        if s.hasPrefix("_") { s = s.dropFirst() }  // `0x_1F` is valid in Go
        guard !s.isEmpty, !s.hasPrefix("_"), !s.hasSuffix("_"), !s.contains("__") else { return nil }
        guard let magnitude = UInt64(s.replacingUnderscores(), radix: radix) else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }
}

private extension Substring {
    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
