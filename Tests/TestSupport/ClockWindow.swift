import Foundation

/// The span of wall-clock time a test step ran in, for checking a time the code computed from "now"
/// (an expiry 900 s ahead, a request signed with a server's clock) without assuming the step was
/// quick: under a loaded machine or a sanitizer a step can take a minute. Start the window before the
/// step; `contains` accepts any time `offset` seconds after some instant of the window, give or take
/// `slack` (RFC 3339 and x-amz-date keep whole seconds).
public struct ClockWindow: Sendable {
    public let start: Date

    public init() { start = Date() }

    public func contains(_ date: Date?, offset: TimeInterval, slack: TimeInterval = 2) -> Bool {
        guard let date else { return false }
        let earliest = start.addingTimeInterval(offset - slack)
        let latest = Date().addingTimeInterval(offset + slack)
        return date >= earliest && date <= latest
    }
}
