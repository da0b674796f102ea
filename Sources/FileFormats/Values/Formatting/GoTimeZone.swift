import Foundation

/// The zone a `timestamp[unit, tz]` column is shown in, resolved like arrow-go's
/// `TimestampType.GetZone`: "", "UTC" and "utc" are UTC; an IANA name (e.g. "America/New_York")
/// is looked up in the system tz database; "+hh:mm" / "-hh:mm" is a fixed offset. Anything else
/// is unknown (Go's plugin fails on such a column too).
struct GoTimeZone: Sendable {
    private enum Rule: Sendable {
        case fixed(Int)
        case named(TimeZone)
    }

    private let rule: Rule

    init?(_ name: String) {
        if name.isEmpty || name == "UTC" || name == "utc" {
            rule = .fixed(0)
        } else if let offset = Self.parseOffset(name) {
            rule = .fixed(offset)
        } else if let zone = TimeZone(identifier: name) {
            rule = .named(zone)
        } else {
            return nil
        }
    }

    /// Seconds east of UTC at the given instant.
    func offset(atUnixSeconds seconds: Int64) -> Int {
        switch rule {
        case .fixed(let offset):
            return offset
        case .named(let zone):
            return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
    }

    /// True for UTC and zero fixed offsets (every value then ends in `Z`).
    var isUTC: Bool {
        if case .fixed(0) = rule { return true }
        return false
    }

    /// Go parses the offset form with the layout "-07:00": a sign, two hour digits (at most
    /// 24), a colon, two minute digits (at most 60).
    private static func parseOffset(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
              bytes[3] == UInt8(ascii: ":") else { return nil }
        func digit(_ k: Int) -> Int? {
            (48...57).contains(bytes[k]) ? Int(bytes[k]) - 48 : nil
        }
        guard let h1 = digit(1), let h2 = digit(2), let m1 = digit(4), let m2 = digit(5) else { return nil }
        let hours = h1 * 10 + h2
        let minutes = m1 * 10 + m2
        guard hours <= 24, minutes <= 60 else { return nil }
        let offset = (hours * 60 + minutes) * 60
        return bytes[0] == UInt8(ascii: "-") ? -offset : offset
    }
}
