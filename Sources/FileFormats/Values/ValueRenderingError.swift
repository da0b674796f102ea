/// A value that cannot be written in the requested format, with the column (dotted path for
/// nested members) and, once known, the row within the batch.
struct ValueRenderingError: Error, CustomStringConvertible, Sendable {
    let column: String
    var row: Int?
    let reason: String

    init(column: String, row: Int? = nil, reason: String) {
        self.column = column
        self.row = row
        self.reason = reason
    }

    var description: String {
        if let row {
            return "cannot encode column \"\(column)\" (row \(row) of the batch): \(reason)"
        }
        return "cannot encode column \"\(column)\": \(reason)"
    }
}
