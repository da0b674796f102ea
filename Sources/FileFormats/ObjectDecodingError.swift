/// Why an object could not be read back into record batches.
///
/// The description names the format, the 1-based line (JSON Lines) or row (CSV), the column
/// and what was expected, e.g. `json line 3, column "id": expected an integer, found "abc"`.
/// Quoted input is cut to a short prefix so that a huge or sensitive cell does not flood logs.
struct ObjectDecodingError: Error, CustomStringConvertible, Sendable, Equatable {
    /// "json" or "csv".
    let format: String
    /// 1-based line (JSON Lines: the line; CSV: the line the record starts on); 0 when the
    /// error is not tied to one line.
    var line: Int
    /// The column (dotted path for nested values) or nil for row-level problems.
    var column: String?
    let reason: String

    init(format: String, line: Int, column: String?, reason: String) {
        self.format = format
        self.line = line
        self.column = column
        self.reason = reason
    }

    var description: String {
        var text = line > 0 ? "\(format) line \(line)" : format
        if let column { text += ", column \"\(column)\"" }
        return text + ": " + reason
    }

    /// At most 40 bytes of `bytes`, quoted, for messages.
    static func excerpt(_ bytes: UnsafeRawBufferPointer) -> String {
        let limit = 40
        let shown = String(decoding: UnsafeRawBufferPointer(rebasing: bytes.prefix(limit)), as: UTF8.self)
        return "\"" + shown + (bytes.count > limit ? "…" : "") + "\""
    }
}

/// A value-level failure before the line and column are known; the decoders attach them.
struct ValueError: Error {
    var path: String?
    let reason: String

    init(_ reason: String, path: String? = nil) {
        self.reason = reason
        self.path = path
    }
}
