@testable import AWSAuth
import Foundation
import Testing

/// The small parsers the providers rely on: RFC 3339 (Go's accepted forms), JSON typing.
@Suite struct FormatTests {
    @Test("RFC 3339: Z, offsets and fractions accepted; other forms rejected", arguments: [
        ("2025-01-15T13:30:45Z", 1_736_947_845.0), ("2025-01-15T13:30:45.250Z", 1_736_947_845.25),
        ("2025-01-15T14:30:45+01:00", 1_736_947_845.0), ("2025-01-15T08:00:45-05:30", 1_736_947_845.0),
        ("2024-02-29T00:00:00Z", 1_709_164_800.0),
    ])
    func rfc3339Valid(text: String, seconds: Double) {
        #expect(RFC3339.parse(text)?.timeIntervalSince1970 == seconds)
    }

    @Test("RFC 3339 rejects what Go rejects", arguments: [
        "", "2025-01-15 13:30:45Z", "2025-01-15T13:30:45", "2025-01-15T13:30:45 UTC", "2025-01-15T13:30:45z",
        "2025-02-30T00:00:00Z", "2025-01-15T24:00:00Z", "2025-01-15T13:30:45.Z", "2025-1-15T13:30:45Z",
        "2025-01-15T13:30:45+0100", "2025-01-15T13:30:45Zjunk",
    ])
    func rfc3339Invalid(text: String) {
        #expect(RFC3339.parse(text) == nil)
    }

    @Test("RFC 3339 formatting round-trips whole seconds in UTC")
    func rfc3339Format() {
        let date = Date(timeIntervalSince1970: 1_736_947_845)
        #expect(RFC3339.format(date) == "2025-01-15T13:30:45Z")
        #expect(RFC3339.parse(RFC3339.format(date)) == date)
    }

    @Test("JSON typing: integers, numbers, booleans and strings stay distinct; keys match case-insensitively")
    func json() throws {
        let value = try #require(JSONValue.parse(Array(#"{"Version":1,"big":1736947845000,"f":1.5,"b":true,"s":"1","accessKeyId":"x"}"#.utf8)))
        #expect(value["Version"] == .integer(1))
        #expect(value["big"]?.integerValue == 1_736_947_845_000)
        #expect(value["f"] == .number(1.5))
        #expect(value["b"] == .bool(true))
        #expect(value["s"] == .string("1"))
        #expect(value["AccessKeyId"]?.stringValue == "x")
        #expect(JSONValue.parse(Array("{".utf8)) == nil)
    }
}
