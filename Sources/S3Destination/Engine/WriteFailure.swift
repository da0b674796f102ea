/// An object that could not be written: the table, the key and the cause. A Write stream that
/// has any fails with all of them named (as `PluginError`, for the transports).
struct ObjectWriteFailure: Error, CustomStringConvertible {
    let table: String
    let key: String
    let cause: String

    var description: String { "table \"\(table)\": object \"\(key)\": \(cause)" }
}

/// Why a Write stream failed, in the Go plugin's words (`write failed: …`).
struct WriteStreamFailure: Error, CustomStringConvertible {
    var objects: [ObjectWriteFailure] = []
    /// Failures not tied to one object (e.g. a DeleteStale the destination cannot carry out).
    var other: [String] = []

    var isEmpty: Bool { objects.isEmpty && other.isEmpty }
    var description: String {
        "write failed: " + (objects.map(\.description) + other).joined(separator: "; ")
    }

    var pluginError: PluginError { PluginError(.internal, description) }
}
