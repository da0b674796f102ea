// Go's duration and time text: time.ParseDuration (GoText's, through the readers' and the spec's entry points)
// and arrow-go's date, time-of-day and timestamp parsing.
@testable import FileFormats
import FuzzSupport
import S3Destination

runFuzzer { data in
    _ = GoTextParsing.parseGoDuration(data)
    _ = GoTextParsing.parseDate(data)
    for (nanos, length) in [(Int64(1_000_000_000), 8), (1_000_000, 12), (1_000, 15), (1, 18)] {
        _ = GoTextParsing.parseTimeOfDay(data, unit: .init(nanosecondsPerUnit: nanos, maxLength: length))
    }
    for unitsPerSecond in [Int64(1), 1_000, 1_000_000, 1_000_000_000] {
        _ = GoTextParsing.parseTimestamp(data, unitsPerSecond: unitsPerSecond)
    }
    let text = String(decoding: data, as: UTF8.self)
    if let duration = try? GoDuration.parse(text) { _ = duration.description }
}
