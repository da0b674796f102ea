import FileFormats
import Foundation
import Testing
@testable import S3Destination

/// Object keys: Go's `TestReplacePathVariables` (client/write_test.go) and the rules of
/// `ReplacePathVariables`.
@Suite struct PathTemplateTests {
    /// 2021-03-05 04:01:02.000000003 UTC, the Go test's time.
    static let goTestTime = Date(timeIntervalSince1970: 1_614_916_862.000_000_003)

    static func render(_ template: String, table: String, uuid: String, format: OutputFormat = .json,
                       compression: ObjectCompression = .none, time: Date = goTestTime, syncID: String = "") -> String {
        PathTemplate(template: template, format: format, compression: compression)
            .renderKey(table: table, uuid: uuid, time: time, syncID: syncID)
    }

    @Test(arguments: [
        ("test/test/{{TABLE}}/{{UUID}}", "", "", "test/test"),
        ("test/test/{{TABLE}}/{{UUID}}.json", "test-table", "", "test/test/test-table/.json"),
        ("test/test/{{TABLE}}/{{UUID}}.json", "test-table", "FAKE-UUID", "test/test/test-table/FAKE-UUID.json"),
        ("test/test/{{TABLE}}/{{UUID}}.json", "", "FAKE-UUID", "test/test/FAKE-UUID.json"),
        ("test/test/{{TABLE}}/{{UUID}}.{{FORMAT}}", "", "FAKE-UUID", "test/test/FAKE-UUID.json"),
        ("test/test/{{TABLE}}/year={{YEAR}}/month={{MONTH}}/day={{DAY}}/hour={{HOUR}}/minute={{MINUTE}}/{{UUID}}.json",
         "test-table", "FAKE-UUID", "test/test/test-table/year=2021/month=03/day=05/hour=04/minute=01/FAKE-UUID.json"),
        ("test/test/{{TABLE_HYPHEN}}/{{UUID}}.json", "test_table", "FAKE-UUID", "test/test/test-table/FAKE-UUID.json"),
    ])
    func goReplacePathVariables(_ template: String, _ table: String, _ uuid: String, _ want: String) {
        #expect(Self.render(template, table: table, uuid: uuid) == want)
    }

    @Test func formatIncludesTheCompressionExtension() {
        let t = "p/{{TABLE}}/{{UUID}}.{{FORMAT}}"
        #expect(Self.render(t, table: "t", uuid: "u", format: .csv, compression: .gzip) == "p/t/u.csv.gz")
        #expect(Self.render(t, table: "t", uuid: "u", format: .json, compression: .gzip) == "p/t/u.json.gz")
        #expect(Self.render(t, table: "t", uuid: "u", format: .parquet) == "p/t/u.parquet")
        // No extension is added by itself: a literal ".json" stays ".json" under gzip.
        #expect(Self.render("p/{{TABLE}}/{{UUID}}.json", table: "t", uuid: "u", compression: .gzip) == "p/t/u.json")
    }

    @Test func syncIDAndRepeatedPlaceholders() {
        #expect(Self.render("{{SYNC_ID}}/{{TABLE}}/{{TABLE}}-{{UUID}}", table: "a", uuid: "u", syncID: "s-1")
            == "s-1/a/a-u")
        // An empty value leaves a leading slash, which Clean keeps (Go does the same).
        #expect(Self.render("{{SYNC_ID}}/{{UUID}}", table: "a", uuid: "u", syncID: "") == "/u")
    }

    @Test func replacementIsSequentialLikeGo() {
        // A table name containing a placeholder is itself replaced by the later steps.
        #expect(Self.render("{{TABLE}}/x", table: "{{UUID}}", uuid: "u") == "u/x")
        #expect(Self.render("{{TABLE}}", table: "t_{{YEAR}}", uuid: "u") == "t_2021")
        // TABLE_HYPHEN runs last, on the table name only.
        #expect(Self.render("{{TABLE_HYPHEN}}/{{TABLE}}", table: "a_b_c", uuid: "u") == "a-b-c/a_b_c")
    }

    @Test func keysAreCleaned() {
        #expect(Self.render("a/{{TABLE}}/../{{UUID}}", table: "t", uuid: "u") == "a/u")
        #expect(Self.render("a/{{TABLE}}/{{UUID}}", table: "x/y", uuid: "u") == "a/x/y/u")
        #expect(Self.render("a/{{TABLE}}/{{UUID}}", table: "..", uuid: "u") == "u")
        #expect(Self.render("{{TABLE}}", table: "/abs", uuid: "u") == "/abs")
        #expect(Self.render("{{TABLE}}", table: "", uuid: "") == ".")
    }

    @Test func timeIsUTCAndZeroPadded() {
        let newYear = Date(timeIntervalSince1970: 946_684_799)  // 1999-12-31 23:59:59 UTC
        #expect(Self.render("{{YEAR}}-{{MONTH}}-{{DAY}}T{{HOUR}}:{{MINUTE}}", table: "", uuid: "", time: newYear)
            == "1999-12-31T23:59")
        let leapDay = Date(timeIntervalSince1970: 951_782_400)  // 2000-02-29 00:00:00 UTC
        #expect(Self.render("{{YEAR}}{{MONTH}}{{DAY}}{{HOUR}}{{MINUTE}}", table: "", uuid: "", time: leapDay)
            == "200002290000")
        let beforeEpoch = Date(timeIntervalSince1970: -1)  // 1969-12-31 23:59:59 UTC
        #expect(Self.render("{{YEAR}}/{{MONTH}}/{{DAY}}/{{HOUR}}/{{MINUTE}}", table: "", uuid: "", time: beforeEpoch)
            == "1969/12/31/23/59")
        let yearOne = Date(timeIntervalSince1970: -62_135_596_800)  // 0001-01-01 00:00:00 UTC
        #expect(Self.render("{{YEAR}}", table: "", uuid: "", time: yearOne) == "0001")
    }

    @Test func placeholderDetection() {
        let t = PathTemplate(template: "a/{{SYNC_ID}}/{{UUID}}", format: .csv, compression: .none)
        #expect(t.containsUUID && t.containsSyncID)
        let u = PathTemplate(template: "a/{{TABLE}}", format: .csv, compression: .none)
        #expect(!u.containsUUID && !u.containsSyncID)
    }
}
