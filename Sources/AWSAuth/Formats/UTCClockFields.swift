import Foundation

/// The UTC calendar fields of an instant (whole seconds), zero-padded as text: what both the
/// SigV4 `x-amz-date` and RFC 3339 forms are made of. gmtime_r instead of a DateFormatter:
/// cheaper, locale-independent and thread-safe.
struct UTCClockFields {
    let year, month, day, hour, minute, second: String

    init(_ date: Date) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        year = pad(parts.tm_year + 1900, 4)
        month = pad(parts.tm_mon + 1, 2)
        day = pad(parts.tm_mday, 2)
        hour = pad(parts.tm_hour, 2)
        minute = pad(parts.tm_min, 2)
        second = pad(parts.tm_sec, 2)
    }
}
