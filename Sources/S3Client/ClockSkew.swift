import Foundation
import HTTPTransport
import Synchronization

/// The offset between the server's clock and ours, learned from response `Date` headers, so that a
/// machine whose clock is off still signs requests S3 accepts (it allows 15 minutes of skew).
///
/// Follows aws-sdk-go-v2 (`aws/middleware.computeClockSkew`, `aws/retry.wrapAsClockSkew`): the skew of a
/// response is `Date − midpoint of the round trip` (ignored when an `Age` header says a cache answered or
/// the round trip took over 15 minutes); offsets within 4 minutes of the current one are noise.
final class ClockSkew: Sendable {
    /// Below this difference an observed skew neither replaces the offset nor makes an error retryable.
    static let threshold: Double = 4 * 60
    /// Error codes a wrong clock produces, retried when the attempt was signed with a stale offset.
    static let errorCodes: Set<String> = [
        "RequestTimeTooSkewed", "SignatureDoesNotMatch", "InvalidSignatureException", "AuthFailure",
        "AccessDeniedException",
    ]

    private let offsetMilliseconds = Atomic<Int64>(0)

    /// Seconds to add to the local clock when signing.
    var offset: Double { Double(offsetMilliseconds.load(ordering: .relaxed)) / 1000 }

    /// The local time corrected by the learned offset.
    func now() -> Date { Date().addingTimeInterval(offset) }

    /// The skew one response shows, or `nil` when it has no usable `Date`.
    static func observed(in response: HTTPResponse, sentAt: Date, receivedAt: Date) -> Double? {
        guard response.header("Age") == nil, let dateText = response.header("Date"),
              let serverDate = HTTPDate.parse(dateText) else { return nil }
        let roundTrip = receivedAt.timeIntervalSince(sentAt)
        guard roundTrip >= 0, roundTrip <= 15 * 60 else { return nil }
        let midpoint = sentAt.addingTimeInterval(roundTrip / 2)
        return serverDate.timeIntervalSince(midpoint)
    }

    /// Adopts `skew` when it differs from the current offset by more than the threshold; true if it did.
    @discardableResult
    func adopt(_ skew: Double) -> Bool {
        guard skew.isFinite, abs(skew - offset) > Self.threshold else { return false }
        offsetMilliseconds.store(Int64((skew * 1000).rounded()), ordering: .relaxed)
        return true
    }
}

/// `Date` header values (RFC 9110 IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`; the obsolete RFC 850
/// and asctime forms are not sent by S3 and give `nil`).
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ text: String) -> Date? {
        // "Sun, 06 Nov 1994 08:49:37 GMT" → ["06", "Nov", "1994", "08:49:37", "GMT"] after the weekday.
        let afterComma = text.split(separator: ",", maxSplits: 1).last ?? Substring(text)
        let fields = afterComma.split(separator: " ")
        guard fields.count == 5, fields[4] == "GMT" || fields[4] == "UTC",
              let day = Int(fields[0]), (1...31).contains(day),
              let month = months.firstIndex(of: fields[1].lowercased()),
              let year = Int(fields[2]), (1970...9999).contains(year) else { return nil }
        let time = fields[3].split(separator: ":")
        guard time.count == 3, let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2]),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        guard seconds != -1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
