import Foundation

/// The two timestamp forms SigV4 uses, derived from one instant so they can never disagree:
/// `x-amz-date` (`YYYYMMDD'T'HHMMSS'Z'`, UTC) and the credential-scope date (`YYYYMMDD`).
struct AMZDate: Sendable, Equatable {
    let timestamp: String
    var day: Substring { timestamp.prefix(8) }

    init(_ date: Date) {
        // gmtime_r instead of a DateFormatter: cheaper, locale-independent, and thread-safe.
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        timestamp = pad(parts.tm_year + 1900, 4) + pad(parts.tm_mon + 1, 2) + pad(parts.tm_mday, 2)
            + "T" + pad(parts.tm_hour, 2) + pad(parts.tm_min, 2) + pad(parts.tm_sec, 2) + "Z"
    }
}
