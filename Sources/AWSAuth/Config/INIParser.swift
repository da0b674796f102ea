import Foundation

/// One value of an INI section: a string, or a map of sub-properties (`s3 =` followed by indented
/// `key = value` lines).
struct INIValue: Sendable, Equatable {
    var string: String
    var map: [String: String]?

    init(_ string: String) {
        self.string = string
        self.map = nil
    }
}

/// One `[...]` section: its full name (`profile dev`, `sso-session corp`, `default`) and properties
/// with lower-cased keys.
struct INISection: Sendable, Equatable {
    var name: String
    var values: [String: INIValue] = [:]
    /// Problems found while loading (partial static keys); they surface only if the section is used.
    var errors: [String] = []

    func has(_ key: String) -> Bool { values[key] != nil }
    func string(_ key: String) -> String { values[key]?.string ?? "" }
}

/// The INI dialect of the AWS shared `config` and `credentials` files, as aws-sdk-go-v2 reads it
/// (aws-sdk-go-v2 `config/internal/ini`, `ini.OpenFile`):
/// - lines split on `\n`; blank lines and lines starting (after blanks) with `#` or `;` are comments;
/// - `[type name]` section lines, where anything from the first `#` or `;` on is a comment, the type and
///   name are separated by the first run of blanks and rejoined with one space;
/// - `key = value` properties starting in column 0; the separator is the first `=`, or `:` when a `:`
///   comes first; inline comments only after a blank (` #`, ` ;`, `\t#`, `\t;`); one layer of matching
///   quotes is removed; keys are lower-cased; a repeated key overrides the earlier one;
/// - an indented `key = value` line is a sub-property of the previous key when that key's value is
///   empty (its comments are kept), else it is promoted to an ordinary property;
/// - an indented line without a separator continues the previous non-empty value (joined with `\n`);
/// - properties before the first section are ignored, and repeated sections merge.
enum INIParser {
    static func parse(_ text: String) -> [String: INISection] {
        var sections: [String: INISection] = [:]
        var current: String?
        var currentKey = ""

        func setProperty(_ key: String, _ value: String) {
            guard let section = current else { return }
            currentKey = key
            sections[section]?.values[key] = INIValue(value)
        }

        // Split on the byte \n: in a Swift String "\r\n" is one Character and would not split. A trailing
        // \r stays on the line, as in Go (trimming removes it where Go trims).
        for lineBytes in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let line = String(decoding: lineBytes, as: UTF8.self)
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || isComment(line) { continue }

            if let name = sectionName(line) {
                current = name.isEmpty ? nil : name  // `[]`: its properties are dropped, as in Go
                currentKey = ""
                if sections[name] == nil { sections[name] = INISection(name: name) }
                continue
            }
            guard let first = line.utf8.first else { continue }
            let indented = first == UInt8(ascii: " ") || first == UInt8(ascii: "\t")

            if !indented {
                let content = trimTrailingBlanks(cutPropertyComment(line))
                if let (key, value) = splitProperty(content) {
                    setProperty(key.lowercased(), unquote(value))
                }
                // A non-indented line without separator is not a token: ignored, as in Go.
                continue
            }

            let content = String(line.drop { $0 == " " || $0 == "\t" })
            guard let section = current else { continue }
            if let (rawKey, rawValue) = splitProperty(content) {
                let key = rawKey.lowercased()
                let previous = currentKey.isEmpty ? nil : sections[section]?.values[currentKey]
                if currentKey.isEmpty || (previous?.string ?? "") != "" {
                    // An "orphaned" sub-property: promoted to a normal property, comment cut.
                    setProperty(key, cutPropertyComment(unquote(rawValue)).trimmingCharacters(in: .whitespacesAndNewlines))
                } else {
                    var value = previous ?? INIValue("")
                    if value.map == nil { value = INIValue(""); value.map = [:] }
                    value.map?[key] = unquote(rawValue)
                    sections[section]?.values[currentKey] = value
                }
            } else if !currentKey.isEmpty, var value = sections[section]?.values[currentKey],
                      !value.string.isEmpty, value.map == nil {
                value.string += "\n" + content
                sections[section]?.values[currentKey] = value
            }
        }
        return sections
    }

    static func isComment(_ line: String) -> Bool {
        let rest = line.drop { $0 == " " || $0 == "\t" }
        return rest.hasPrefix("#") || rest.hasPrefix(";")
    }

    /// `[ type name ] ; comment` → `type name`; `nil` when the line is not a section header.
    static func sectionName(_ line: String) -> String? {
        var text = Substring(line)
        if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
        if let semicolon = text.firstIndex(of: ";") { text = text[..<semicolon] }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("["), trimmed.hasSuffix("]"), trimmed.count >= 2 else { return nil }
        let inner = trimmed.dropFirst().dropLast().trimmingCharacters(in: .whitespacesAndNewlines)
        // The first run of blanks separates type and name (Go `splitProfile`).
        guard let blank = inner.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return inner }
        let type = inner[..<blank]
        let name = inner[blank...].drop { $0 == " " || $0 == "\t" }
        return name.isEmpty ? "" : type + " " + name
    }

    /// Cuts an inline comment: ` #`, ` ;`, `\t#` or `\t;`, each cut applied in that order (Go
    /// `trimPropertyComment`); `secret=abc#def` keeps its `#`.
    static func cutPropertyComment(_ text: String) -> String {
        var bytes = Array(text.utf8)
        for (blank, mark) in [(32, 35), (32, 59), (9, 35), (9, 59)] as [(UInt8, UInt8)] where bytes.count >= 2 {
            if let cut = (0..<(bytes.count - 1)).first(where: { bytes[$0] == blank && bytes[$0 + 1] == mark }) {
                bytes.removeSubrange(cut...)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Splits at the first `=`, or at the first `:` when it comes before any `=`; both sides trimmed.
    static func splitProperty(_ text: String) -> (String, String)? {
        let equals = text.firstIndex(of: "=")
        let colon = text.firstIndex(of: ":")
        let separator: String.Index
        switch (equals, colon) {
        case let (e?, c?): separator = c < e ? c : e
        case let (e?, nil): separator = e
        case let (nil, c?): separator = c
        case (nil, nil): return nil
        }
        let key = text[..<separator].trimmingCharacters(in: .whitespacesAndNewlines)
        let value = text[text.index(after: separator)...].trimmingCharacters(in: .whitespacesAndNewlines)
        return (key, value)
    }

    /// Removes one pair of matching surrounding quotes (`'…'` or `"…"`).
    static func unquote(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "'" || first == "\"", text.last == first else {
            return text
        }
        return String(text.dropFirst().dropLast())
    }

    private static func trimTrailingBlanks(_ text: String) -> String {
        var end = text.endIndex
        while end > text.startIndex {
            let previous = text.index(before: end)
            guard text[previous] == " " || text[previous] == "\t" else { break }
            end = previous
        }
        return String(text[..<end])
    }
}
