import FileFormats
import Foundation

/// Turns the (defaulted) `path` into object keys exactly like Go's `ReplacePathVariables`.
struct PathTemplate: Sendable, Equatable {
    let template: String
    let format: OutputFormat
    let compression: ObjectCompression
    /// Columns named by row variables (`{{.column}}`), in order of first appearance; empty for most paths.
    let rowVariables: [String]
    private let templateBytes: [UInt8]

    init(template: String, format: OutputFormat, compression: ObjectCompression) {
        self.template = template
        self.format = format
        self.compression = compression
        self.templateBytes = Array(template.utf8)
        rowVariables = RowVariables.validatedColumns(in: template)
    }

    var containsUUID: Bool { GoStrings.contains(template, PathVariable.uuid) }
    var containsSyncID: Bool { GoStrings.contains(template, PathVariable.syncID) }

    /// Replaces the placeholders in Go's order (TABLE, FORMAT, UUID, YEAR, MONTH, DAY, HOUR,
    /// MINUTE, SYNC_ID, TABLE_HYPHEN) and cleans the result with Go's `path.Clean`.
    ///
    /// Replacement is sequential like Go's: text inserted by an earlier placeholder (a table
    /// name containing `{{UUID}}`, say) is subject to the later ones. Times are UTC, zero padded.
    ///
    /// Row variables (`{{.column}}`) are replaced last by `partitionValues` (one per entry of
    /// `rowVariables`, already escaped), so nothing a row holds is read as a placeholder.
    func renderKey(
        table: String, uuid: String, time: Date, syncID: String, partitionValues: [String] = []
    ) -> String {
        let utc = UTCDateParts(time)
        let tableBytes = Array(table.utf8)
        var name = GoStrings.replaceAll(templateBytes, Self.table, tableBytes)
        if GoStrings.firstRange(of: Self.format, in: name, from: 0) != nil {
            name = GoStrings.replaceAll(name, Self.format, Array((format.rawValue + compression.fileExtension).utf8))
        }
        name = GoStrings.replaceAll(name, Self.uuid, Array(uuid.utf8))
        name = GoStrings.replaceAll(name, Self.year, Array(utc.year.utf8))
        name = GoStrings.replaceAll(name, Self.month, Array(utc.month.utf8))
        name = GoStrings.replaceAll(name, Self.day, Array(utc.day.utf8))
        name = GoStrings.replaceAll(name, Self.hour, Array(utc.hour.utf8))
        name = GoStrings.replaceAll(name, Self.minute, Array(utc.minute.utf8))
        name = GoStrings.replaceAll(name, Self.syncID, Array(syncID.utf8))
        let hyphenated = tableBytes.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: "-") : $0 }
        name = GoStrings.replaceAll(name, Self.tableHyphen, hyphenated)
        if !rowVariables.isEmpty {
            name = RowVariables.replace(in: name, columns: rowVariables, values: partitionValues)
        }
        return String(decoding: GoPath.clean(bytes: name), as: UTF8.self)
    }

    private static let table = Array(PathVariable.table.utf8)
    private static let format = Array(PathVariable.format.utf8)
    private static let uuid = Array(PathVariable.uuid.utf8)
    private static let year = Array(PathVariable.year.utf8)
    private static let month = Array(PathVariable.month.utf8)
    private static let day = Array(PathVariable.day.utf8)
    private static let hour = Array(PathVariable.hour.utf8)
    private static let minute = Array(PathVariable.minute.utf8)
    private static let syncID = Array(PathVariable.syncID.utf8)
    private static let tableHyphen = Array(PathVariable.tableHyphen.utf8)
}

/// The calendar fields Go's `t.UTC().Format("2006"/"01"/"02"/"15"/"04")` prints, computed
/// arithmetically (proleptic Gregorian) so no Calendar, locale or time zone is involved.
struct UTCDateParts: Equatable {
    let year: String
    let month: String
    let day: String
    let hour: String
    let minute: String

    init(_ date: Date) {
        let seconds = date.timeIntervalSince1970
        let whole: Int64
        if seconds.isFinite, seconds.magnitude < 1e15 {  // far beyond any real clock
            whole = Int64(seconds.rounded(.down))
        } else {
            whole = 0
        }
        let days = Self.floorDiv(whole, 86_400)
        let secondOfDay = whole - days * 86_400
        let (y, m, d) = Self.civilFromDays(days)
        year = y >= 0 && y < 10_000 ? Self.pad(y, 4) : String(y)
        month = Self.pad(m, 2)
        day = Self.pad(d, 2)
        hour = Self.pad(secondOfDay / 3600, 2)
        minute = Self.pad(secondOfDay % 3600 / 60, 2)
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Days since 1970-01-01 to (year, month, day); Howard Hinnant's algorithm.
    private static func civilFromDays(_ z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (y, m, d)
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
