/// Why an Arrow IPC payload could not be decoded.
///
/// The message always names what was wrong and where (message number, byte position, field), so
/// a bad payload from the CLI can be diagnosed from the log line alone. Values from the payload
/// are never quoted, only their shapes and sizes.
public struct ArrowError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        /// The bytes end before a structure they announce.
        case truncated
        /// The bytes are not a well-formed IPC stream (bad marker, lengths, offsets, flatbuffer).
        case malformed
        /// Well-formed, but uses a feature this reader does not implement (union, dictionary, …).
        case unsupported
        /// A value handed to `ArrowArrayBuilder` does not fit the column's type (out of range,
        /// wrong byte width, invalid UTF-8, or nested children that do not line up).
        case invalidValue
    }

    public let kind: Kind
    public let message: String

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { kind == .invalidValue ? "Arrow: \(message)" : "Arrow IPC: \(message)" }

    static func truncated(_ message: String) -> ArrowError { ArrowError(.truncated, message) }
    static func malformed(_ message: String) -> ArrowError { ArrowError(.malformed, message) }
    static func unsupported(_ message: String) -> ArrowError { ArrowError(.unsupported, message) }
    static func invalidValue(_ message: String) -> ArrowError { ArrowError(.invalidValue, message) }
}
