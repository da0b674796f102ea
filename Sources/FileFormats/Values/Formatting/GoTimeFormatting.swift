/// Go `time` formatting as arrow-go uses it for dates, times of day and timestamps.
/// Pure integer arithmetic on the proleptic Gregorian calendar (what Go's `time` uses), so no
/// Foundation calendar or locale is involved and any int64 value renders without trapping.
enum GoTimeFormatting {
    static let secondsPerDay: Int64 = 86_400

    /// Floor division and modulo (Go normalises negative times this way).
    @inline(__always)
    static func floorDivMod(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let (q, r) = value.quotientAndRemainder(dividingBy: divisor)
        return r < 0 ? (q - 1, r + divisor) : (q, r)
    }

    /// Year, month (1…12) and day (1…31) of a day count since 1970-01-01.
    /// (Howard Hinnant's `civil_from_days`.)
    static func civil(days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days &+ 719_468
        let era = floorDivMod(z, 146_097).quotient
        let dayOfEra = z &- era &* 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        let month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        let year = yearOfEra &+ era &* 400 &+ (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    @inline(__always)
    static func appendTwoDigits(_ value: Int, to out: inout [UInt8]) {
        out.append(UInt8(48 + value / 10))
        out.append(UInt8(48 + value % 10))
    }

    /// Go's `appendInt(year, 4)`: a minus sign for negative years, at least four digits.
    static func appendYear(_ year: Int64, to out: inout [UInt8]) {
        if year >= 0 && year <= 9999 {
            let value = Int(year)
            appendTwoDigits(value / 100, to: &out)
            appendTwoDigits(value % 100, to: &out)
            return
        }
        var magnitude = year.magnitude
        if year < 0 { out.append(UInt8(ascii: "-")) }
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(48 + magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        if digits.count < 4 { out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 4 - digits.count)) }
        out.append(contentsOf: digits.reversed())
    }

    /// `2006-01-02` for a day count since the epoch.
    static func appendDate(days: Int64, to out: inout [UInt8]) {
        let (year, month, day) = civil(days: days)
        appendYear(year, to: &out)
        out.append(UInt8(ascii: "-"))
        appendTwoDigits(month, to: &out)
        out.append(UInt8(ascii: "-"))
        appendTwoDigits(day, to: &out)
    }

    /// How many fraction digits to print after the seconds.
    enum Fraction {
        /// Go layout `.999999999`: up to nine digits, trailing zeros (and a bare dot) dropped.
        case trimmed
        /// Go layout `.000…` with this many digits (0 prints no dot).
        case fixed(Int)
    }

    /// `15:04:05` plus the fraction, for nanoseconds since midnight (0 ..< 86 400 × 10⁹).
    static func appendClock(nanosecondsOfDay: Int64, fraction: Fraction, to out: inout [UInt8]) {
        let seconds = Int(nanosecondsOfDay / 1_000_000_000)
        appendTwoDigits(seconds / 3600, to: &out)
        out.append(UInt8(ascii: ":"))
        appendTwoDigits(seconds / 60 % 60, to: &out)
        out.append(UInt8(ascii: ":"))
        appendTwoDigits(seconds % 60, to: &out)
        appendFraction(Int(nanosecondsOfDay % 1_000_000_000), fraction, to: &out)
    }

    static func appendFraction(_ nanoseconds: Int, _ fraction: Fraction, to out: inout [UInt8]) {
        var digits = 9
        switch fraction {
        case .trimmed:
            guard nanoseconds != 0 else { return }
            var value = nanoseconds
            while value % 10 == 0 {
                value /= 10
                digits -= 1
            }
        case .fixed(let count):
            guard count > 0 else { return }
            digits = min(count, 9)
        }
        out.append(UInt8(ascii: "."))
        var divisor = 100_000_000
        for _ in 0..<digits {
            out.append(UInt8(48 + nanoseconds / divisor % 10))
            divisor /= 10
        }
    }

    /// A Go time-of-day: `time.Unix(0, value × unit).UTC()` formatted as `15:04:05…` — values
    /// outside one day wrap around as Go's do (negative → the previous day).
    static func appendTimeOfDay(_ value: Int64, nanosecondsPerUnit: Int64, fraction: Fraction, to out: inout [UInt8]) {
        let nanoseconds = value &* nanosecondsPerUnit  // Go multiplies in int64 too
        let ofDay = floorDivMod(nanoseconds, secondsPerDay * 1_000_000_000).remainder
        appendClock(nanosecondsOfDay: ofDay, fraction: fraction, to: &out)
    }

    /// `time.RFC3339Nano` (`2006-01-02T15:04:05.999999999Z07:00`) for an instant given as Unix
    /// seconds + nanoseconds, shown at `offsetSeconds` east of UTC (`Z` when 0).
    static func appendRFC3339Nano(seconds: Int64, nanoseconds: Int, offsetSeconds: Int, to out: inout [UInt8]) {
        let local = seconds &+ Int64(offsetSeconds)
        let (days, secondOfDay) = floorDivMod(local, secondsPerDay)
        appendDate(days: days, to: &out)
        out.append(UInt8(ascii: "T"))
        appendClock(nanosecondsOfDay: secondOfDay * 1_000_000_000 + Int64(nanoseconds), fraction: .trimmed, to: &out)
        appendOffset(offsetSeconds, to: &out)
    }

    /// Go's `Z07:00`: `Z` for a zero offset, else `±hh:mm` (seconds of the offset dropped).
    static func appendOffset(_ offsetSeconds: Int, to out: inout [UInt8]) {
        guard offsetSeconds != 0 else {
            out.append(UInt8(ascii: "Z"))
            return
        }
        var minutes = offsetSeconds / 60  // truncates toward zero, like Go
        if minutes < 0 {
            out.append(UInt8(ascii: "-"))
            minutes = -minutes
        } else {
            out.append(UInt8(ascii: "+"))
        }
        appendTwoDigits(minutes / 60 % 100, to: &out)
        out.append(UInt8(ascii: ":"))
        appendTwoDigits(minutes % 60, to: &out)
    }

    /// Splits a timestamp value into Unix seconds and nanoseconds the way Go's `time.Unix`,
    /// `UnixMilli` and `UnixMicro` do (floor division, non-negative nanoseconds).
    static func split(timestamp value: Int64, unitsPerSecond: Int64) -> (seconds: Int64, nanoseconds: Int) {
        let (seconds, remainder) = floorDivMod(value, unitsPerSecond)
        return (seconds, Int(remainder * (1_000_000_000 / unitsPerSecond)))
    }
}
