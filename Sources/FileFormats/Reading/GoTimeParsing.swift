import GoText

/// Go's date, time-of-day, timestamp and duration parsing (`time.Parse` with the layouts
/// arrow-go uses, `time.ParseDuration`), on bytes: the temporal part of `GoTextParsing`.
extension GoTextParsing {
    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(year: Int64, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysIn(month: Int, year: Int64) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Reads exactly `count` digits at `i`.
    private static func fixedNumber(_ s: Bytes, _ i: inout Int, _ count: Int) -> Int? {
        guard s.count - i >= count else { return nil }
        var value = 0
        for k in 0..<count {
            guard isDigit(s[i + k]) else { return nil }
            value = value * 10 + Int(s[i + k] - 0x30)
        }
        i += count
        return value
    }

    /// `time.Parse("2006-01-02", …)` at `i`, advancing past it: days since the epoch.
    private static func date(_ s: Bytes, _ i: inout Int) -> Int64? {
        guard let year = fixedNumber(s, &i, 4), i < s.count, s[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let month = fixedNumber(s, &i, 2), i < s.count, s[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let day = fixedNumber(s, &i, 2), (1...12).contains(month),
              day >= 1, day <= daysIn(month: month, year: Int64(year)) else { return nil }
        return daysFromCivil(year: Int64(year), month: month, day: day)
    }

    /// `time.Parse("2006-01-02", s)` as days since the epoch.
    static func parseDate(_ s: Bytes) -> Int64? {
        var i = 0
        guard let days = date(s, &i), i == s.count else { return nil }
        return days
    }

    /// Go's `15:04[:05[.999999999]]` clock at `i` (hour one or two digits, fraction of any
    /// length, first nine digits used): nanoseconds since midnight.
    private static func clock(_ s: Bytes, _ i: inout Int, seconds: Bool) -> Int64? {
        var hourDigits = 0
        var hour = 0
        while hourDigits < 2 && i < s.count && isDigit(s[i]) {
            hour = hour * 10 + Int(s[i] - 0x30); i += 1; hourDigits += 1
        }
        guard hourDigits > 0, hour < 24, i < s.count, s[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        guard let minute = fixedNumber(s, &i, 2), minute < 60 else { return nil }
        var total = Int64(hour * 3600 + minute * 60) * 1_000_000_000
        guard seconds else { return total }
        guard i < s.count, s[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        guard let second = fixedNumber(s, &i, 2), second < 60 else { return nil }
        total += Int64(second) * 1_000_000_000
        if s.count - i >= 2 && (s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ",")) && isDigit(s[i + 1]) {
            i += 1
            var nanos: Int64 = 0
            var digits = 0
            while i < s.count && isDigit(s[i]) {
                if digits < 9 { nanos = nanos * 10 + Int64(s[i] - 0x30) }
                digits += 1
                i += 1
            }
            for _ in digits..<max(digits, 9) { nanos *= 10 }
            total += nanos
        }
        return total
    }

    /// arrow-go `Time32FromString` / `Time64FromString`: the value in `unit` (truncated).
    static func parseTimeOfDay(_ s: Bytes, unit: TimeUnitLimits) -> Int64? {
        guard s.count <= unit.maxLength else { return nil }
        var i = 0
        guard let nanos = clock(s, &i, seconds: s.count != 5), i == s.count else { return nil }
        return nanos / unit.nanosecondsPerUnit
    }

    /// Length limits arrow-go applies before parsing a time of day.
    struct TimeUnitLimits {
        let nanosecondsPerUnit: Int64
        let maxLength: Int
    }

    /// arrow-go `TimestampFromStringInLocation`: `YYYY-MM-DD[?HH[:MM[:SS[.f]]]][Z|±HH|±HHMM|±HH:MM]`
    /// where `?` is any one character; text without a zone is read as UTC. The result is the
    /// instant in `unitsPerSecond` (more fraction digits than the unit holds is an error).
    static func parseTimestamp(_ s: Bytes, unitsPerSecond: Int64) -> Int64? {
        let n = s.count
        guard n >= 10 else { return nil }
        var lengthWithoutZone = n
        enum Zone { case none, utc, hours, hoursMinutes, hoursColonMinutes }
        var zone = Zone.none
        if n > 10 {
            func sign(_ k: Int) -> Bool { k >= 0 && (s[k] == UInt8(ascii: "+") || s[k] == UInt8(ascii: "-")) }
            if s[n - 1] == UInt8(ascii: "Z") {
                zone = .utc; lengthWithoutZone -= 1
            } else if sign(n - 3) {
                zone = .hours; lengthWithoutZone -= 3
            } else if sign(n - 5) {
                zone = .hoursMinutes; lengthWithoutZone -= 5
            } else if sign(n - 6) {
                zone = .hoursColonMinutes; lengthWithoutZone -= 6
            }
        }
        let maxLength: Int
        switch unitsPerSecond {
        case 1: maxLength = 19
        case 1_000: maxLength = 23
        case 1_000_000: maxLength = 26
        default: maxLength = Int.max
        }
        guard lengthWithoutZone <= maxLength else { return nil }
        var i = 0
        guard let days = date(s, &i) else { return nil }
        var nanosOfDay: Int64 = 0
        switch lengthWithoutZone {
        case 13, 16, 19...:
            i += 1 // the separator, whatever it is, is part of the layout
            if lengthWithoutZone == 13 {
                guard let hour = fixedNumberOrShort(s, &i), hour < 24 else { return nil }
                nanosOfDay = Int64(hour) * 3_600_000_000_000
            } else {
                guard let clockNanos = clock(s, &i, seconds: lengthWithoutZone >= 19) else { return nil }
                nanosOfDay = clockNanos
            }
        default:
            break
        }
        var offsetSeconds = 0
        switch zone {
        case .none: break
        case .utc:
            guard i < n, s[i] == UInt8(ascii: "Z") else { return nil }
            i += 1
        case .hours, .hoursMinutes, .hoursColonMinutes:
            guard i < n else { return nil }
            let negative = s[i] == UInt8(ascii: "-")
            i += 1
            guard let hours = fixedNumber(s, &i, 2) else { return nil }
            var minutes = 0
            if case .hoursMinutes = zone {
                guard let m = fixedNumber(s, &i, 2) else { return nil }
                minutes = m
            } else if case .hoursColonMinutes = zone {
                guard i < n, s[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                guard let m = fixedNumber(s, &i, 2) else { return nil }
                minutes = m
            }
            guard hours <= 24, minutes <= 60 else { return nil }
            offsetSeconds = (hours * 3600 + minutes * 60) * (negative ? -1 : 1)
        }
        guard i == n else { return nil }
        let seconds = days * 86_400 + nanosOfDay / 1_000_000_000 - Int64(offsetSeconds)
        let fraction = nanosOfDay % 1_000_000_000
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: unitsPerSecond)
        guard !overflow else { return nil }
        let (total, overflow2) = scaled.addingReportingOverflow(fraction / (1_000_000_000 / unitsPerSecond))
        return overflow2 ? nil : total
    }

    /// Go's "15" hour: one or two digits.
    private static func fixedNumberOrShort(_ s: Bytes, _ i: inout Int) -> Int? {
        var value = 0
        var digits = 0
        while digits < 2 && i < s.count && isDigit(s[i]) { value = value * 10 + Int(s[i] - 0x30); i += 1; digits += 1 }
        return digits > 0 ? value : nil
    }

    /// `time.ParseDuration` (GoText's port, shared with the spec's `batch_timeout`):
    /// nanoseconds, nil on bad syntax or overflow.
    static func parseGoDuration(_ s: Bytes) -> Int64? {
        GoDurationText.parseOrNil(s)
    }
}
