/// Path variables that take their value from each row: `{{.column}}` names a top-level column
/// (cloudquery/cloudquery#17603 proposes this syntax). Rows are then routed to one object per
/// table and combination of values, so `account_id={{.account_id}}/` in `path` gives the
/// Hive-style layout Athena, Glue, Trino, Spark and DuckDB prune by.
enum RowVariables {
    static let open = Array("{{.".utf8)
    static let close = Array("}}".utf8)

    /// Column names in the order they first appear (each once). Throws a `SpecError` naming the
    /// bad variable and the fix.
    static func columns(in template: String) throws -> [String] {
        let bytes = Array(template.utf8)
        var names: [String] = []
        var from = 0
        while let start = GoStrings.firstRange(of: open, in: bytes, from: from) {
            let nameStart = start + open.count
            guard let end = GoStrings.firstRange(of: close, in: bytes, from: nameStart) else {
                let rest = String(decoding: bytes[start...], as: UTF8.self)
                throw SpecError(.validation, "`path` has an unterminated row variable \(rest.debugDescription): write {{.column}}")
            }
            let name = String(decoding: bytes[nameStart..<end], as: UTF8.self)
            if name.isEmpty {
                throw SpecError(.validation, "`path` has an empty row variable {{.}}: name a column, e.g. {{.account_id}}")
            }
            if name.contains("{{") {
                throw SpecError(.validation, "`path` has a row variable \"{{.\(name)}}\" whose name contains \"{{\": close it with }} first")
            }
            if !names.contains(name) { names.append(name) }
            from = end + close.count
        }
        return names
    }

    /// `columns(in:)` for a template that passed validation (none: no row variables).
    static func validatedColumns(in template: String) -> [String] {
        (try? columns(in: template)) ?? []
    }

    /// Replaces `{{.name}}` by its value for every column (values already escaped for a key).
    static func replace(in name: [UInt8], columns: [String], values: [String]) -> [UInt8] {
        var out = name
        for (column, value) in zip(columns, values) {
            out = GoStrings.replaceAll(out, Array("{{.\(column)}}".utf8), Array(value.utf8))
        }
        return out
    }
}
