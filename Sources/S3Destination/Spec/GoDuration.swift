import GoText

/// A signed nanosecond count written and read like Go's `time.Duration`.
///
/// `batch_timeout` is a plugin-sdk `configtype.Duration`: a JSON string parsed with Go's
/// `time.ParseDuration`, so users' existing values (`"30s"`, `"1h2m3.5s"`, `"-1.5h"`, `"500µs"`)
/// must mean the same thing here. The text rules live in GoText's `GoDurationText`.
public struct GoDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let nanoseconds: Int64

    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    public static let zero = GoDuration(nanoseconds: 0)

    public static func seconds(_ s: Int64) -> GoDuration {
        GoDuration(nanoseconds: s * 1_000_000_000)
    }

    /// The value in seconds (for timers).
    public var seconds: Double {
        Double(nanoseconds) / 1e9
    }

    public var swiftDuration: Duration {
        .nanoseconds(nanoseconds)
    }

    public static func < (lhs: GoDuration, rhs: GoDuration) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    /// Go's `Duration.String()`: `0s`, `1.5µs`, `100ms`, `1h2m3.5s`, `-30s`.
    public var description: String {
        GoDurationText.format(nanoseconds: nanoseconds)
    }

    /// Go's `time.ParseDuration`; throws `GoDurationParseError` with Go's message.
    public static func parse(_ text: String) throws -> GoDuration {
        GoDuration(nanoseconds: try GoDurationText.parse(text))
    }
}
