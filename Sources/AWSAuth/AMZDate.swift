import Foundation

/// The two timestamp forms SigV4 uses, derived from one instant so they can never disagree:
/// `x-amz-date` (`YYYYMMDD'T'HHMMSS'Z'`, UTC) and the credential-scope date (`YYYYMMDD`).
struct AMZDate: Sendable, Equatable {
    let timestamp: String
    var day: Substring { timestamp.prefix(8) }

    init(_ date: Date) {
        let f = UTCClockFields(date)
        timestamp = f.year + f.month + f.day + "T" + f.hour + f.minute + f.second + "Z"
    }
}
