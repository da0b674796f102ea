import Foundation

/// Why a destination spec was refused. `description` is exactly the Go plugin's message, so
/// users and tests see the same text as with `cloudquery/s3`.
///
/// Messages never contain credential values: decode errors name keys and Go types only, and
/// validation messages quote only `acl` and Go duration text.
struct SpecError: Error, Equatable, CustomStringConvertible, LocalizedError {
    enum Kind: Sendable, Equatable {
        /// The bytes are not JSON, or a key has the wrong JSON type
        /// (`failed to unmarshal s3 spec: ...`).
        case decode
        /// `Validate()` refused a value (including `format_spec` problems).
        case validation
        /// The path uses `{{SYNC_ID}}` but the CLI sent no invocation id.
        case syncIDUnavailable
    }

    let kind: Kind
    let message: String

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    var description: String { message }
    var errorDescription: String? { message }
}
