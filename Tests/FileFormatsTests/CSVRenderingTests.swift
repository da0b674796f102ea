@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// Every CSV cell is arrow-go's `ValueStr` (arrow-go `arrow/array` `ValueStr`, CSV
/// column). Expected lines are written out by hand from that table; the float, quoting and
/// inet rows were also checked against Go's strconv, encoding/csv and net packages.
@Suite(.requires(.python)) struct CSVRenderingPythonTests {
    static func lines(_ name: String) throws -> [String] {
        try CSVEncoding.lines(CSVInputs.stream(name))
    }

    @Test func integersBooleansAndNulls() throws {
        #expect(try Self.lines("integers") == [
            "i8,i16,i32,i64,u8,u16,u32,u64,b,n",
            "-128,-32768,-2147483648,-9223372036854775808,0,0,0,0,true,",
            "127,32767,2147483647,9223372036854775807,255,65535,4294967295,18446744073709551615,false,",
            ",,,,,,,,,",
        ])
    }

    /// `strconv.FormatFloat(v, 'g', -1, 64)`: exponent form when the decimal exponent is below
    /// -4 or at least 6 (`1e-05`, `1e+06`), with at least two exponent digits.
    @Test func float64UsesGoPercentG() throws {
        #expect(try Self.lines("float64") == [
            "f", "1e+06", "1e-05", "123456", "1.234567e+06", "0.0001", "0.1", "-0", "NaN", "+Inf", "-Inf", "5e-324",
            "1.7976931348623157e+308", "100", "", "274.514", "2.5e+06", "1e+21",
        ])
    }

    @Test func float32UsesShortestFloat32Digits() throws {
        #expect(try Self.lines("float32") == [
            "f", "1e+06", "1e-05", "123456", "1.234567e+06", "0.0001", "0.1", "-0", "NaN", "+Inf", "-Inf",
            "3.4028235e+38", "1.6777216e+07", "100", "", "274.514",
        ])
    }

    @Test func float16PrintsItsFloat32Value() throws {
        #expect(try Self.lines("float16") == ["f", "1.5", "65504", "5.9604645e-08", "-0", "NaN", "+Inf", "1024"])
    }

    @Test func dates() throws {
        // date64 divides milliseconds by a day with truncation: -1 ms is still 1970-01-01.
        #expect(try Self.lines("dates") == [
            "d32,d64", "1970-01-01,1970-01-01", "1969-12-31,1970-01-01", "2024-01-01,2024-01-01", ",",
            "0001-01-01,1969-12-31",
        ])
    }

    /// Times of day keep the unit's fraction digits in CSV (the JSON form trims them).
    @Test func timesHaveFixedFractionDigits() throws {
        #expect(try Self.lines("times") == [
            "s,ms,us,ns",
            "00:00:00,00:00:00.001,00:00:00.123456,00:00:00.000000001",
            "23:59:59,00:00:01.500,00:00:01.000000,00:00:00.123456789",
            "01:00:00,23:59:59.999,00:00:00.000000,23:59:59.999999999",
            ",,,",
        ])
    }

    /// RFC 3339 with nanoseconds trimmed, in the column's zone (`Z` for UTC and no zone).
    @Test func timestampsAreRFC3339Nano() throws {
        #expect(try Self.lines("timestamps") == [
            "s,us,ns,ny",
            "1970-01-01T00:00:00Z,2024-01-03T03:04:05.123456Z,1970-01-01T05:30:00+05:30,2023-11-14T17:13:20-05:00",
            "2023-11-14T22:13:20Z,2024-01-03T03:04:05.12Z,1970-01-01T05:30:00.000000001+05:30,2023-07-22T00:26:40-04:00",
            "1969-12-31T23:59:59Z,2024-01-03T03:04:05Z,1970-01-01T05:30:00.999999999+05:30,1969-12-31T19:00:00-05:00",
            ",,,",
        ])
    }

    @Test func unknownTimeZoneFailsAtItsFirstValue() throws {
        let error = try #require(throws: ValueRenderingError.self) {
            try CSVEncoding.encode(CSVInputs.stream("timestamp_bad_zone"))
        }
        #expect(error.column == "t" && error.row == 1 && error.reason.contains("Mars/Olympus_Mons"))
    }

    @Test func durationsCarryTheirUnit() throws {
        #expect(try Self.lines("durations") == [
            "s,ms,us,ns", "-5s,1000ms,1us,7ns", "0s,,2us,-9223372036854775808ns", ",1ms,3us,",
        ])
    }

    /// Standard base64 with padding; an empty value is an empty field (same as null).
    @Test func binariesAreBase64() throws {
        #expect(try Self.lines("binaries") == ["b,lb,fb", ",YWJjZA==,aGk=", "AQD/,YQ==,", ",+/8=,+/8="])
    }

    /// `big.Float` `%g` with the column precision: trailing zeros dropped, exponent form for
    /// small magnitudes.
    @Test func decimals() throws {
        #expect(try Self.lines("decimals") == [
            "d10_2,d19_10,d256",
            "1.01,742165505.7704392704,12.34",
            "1.1,1e-10,-0.05",
            "100,-1.5,0",
            "0,1,123456789012345678.99",
            "-0.01,123456789,1",
            ",,",
        ])
    }

    /// uuid: lowercase hyphenated; json: the stored text exactly (here it starts with a space
    /// and so is quoted); inet: canonical form; mac: lowercase pairs, empty → six zero bytes.
    @Test func cloudQueryExtensions() throws {
        #expect(try Self.lines("extensions") == [
            "uuid,json,inet,mac",
            "00010203-0405-0607-0809-0a0b0c0d0e0f,\" {\"\"b\"\" : [1, 2.50, \"\"x<y\"\"]} \",10.0.0.1/8,00:1a:2b:3c:4d:5e",
            ",\"\"\"s,x\"\"\",2001:db8::1/64,00:00:00:00:00:00",
            "ffffffff-ffff-ffff-ffff-ffffffffffff,,,",
        ])
    }

    /// Go's `net.ParseCIDR` + `IPNet.String()` with the host bits kept.
    @Test func inetValuesComeOutCanonical() throws {
        #expect(try Self.lines("inets") == [
            "inet", "1.148.253.194/15", "1.2.3.4/24", "1.2.3.4/0", "0.0.0.0/0", "::/0", "::1/128", "1:0:0:1::1/64",
            "1::1:0:0:1/64", "::1:0:0:1:0:0/100", "fe80::1:2:3:4/10", "::102:304/128", "1.2.3.4/32",
            "a:b:c:d:e:f:102:304/128", "abcd:ef01::/16",
        ])
    }

    /// Texts Go's `ParseCIDR` rejects make the Go plugin fail; so do we, naming column and row.
    @Test(arguments: 0..<12)
    func invalidInetIsAnError(index: Int) throws {
        let error = try #require(throws: ValueRenderingError.self) {
            try CSVEncoding.encode(CSVInputs.stream("bad_inet_\(index)"))
        }
        #expect(error.column == "inet" && error.row == 1 && error.reason.contains("ParseCIDR"))
    }

    /// Lists, structs and maps are `json.Marshal` text: sorted struct keys, HTML escaping,
    /// JSON number forms (`1000000`, `1e+21`), trimmed times, `null` members.
    @Test func nestedValuesAreJSONText() throws {
        #expect(try Self.lines("nested") == [
            "li,ll,fl,st,mp,lts,stt",
            "\"[1,null,3]\",\"[1000000,0.5]\",\"[1,2]\",\"{\"\"a\"\":\"\"x\\u003cy\"\",\"\"b\"\":1}\","
                + "\"[{\"\"key\"\":\"\"z\"\",\"\"value\"\":1},{\"\"key\"\":\"\"a\"\",\"\"value\"\":2}]\","
                + "\"[\"\"1970-01-01T00:00:00Z\"\",null]\",\"{\"\"d\"\":\"\"1s\"\",\"\"t\"\":\"\"00:00:01.5\"\"}\"",
            "[],,,,[],[],\"{\"\"d\"\":null,\"\"t\"\":\"\"00:00:00\"\"}\"",
            ",\"[1e+21,1e-07]\",\"[3,null]\",\"{\"\"a\"\":null,\"\"b\"\":null}\",,,",
        ])
    }

    /// interval_month is the bare month count; the other intervals are JSON objects in the
    /// struct's field order.
    @Test func intervals() throws {
        #expect(try Self.lines("intervals") == [
            "m,dt,mdn",
            "1,\"{\"\"days\"\":1,\"\"milliseconds\"\":2}\",\"{\"\"months\"\":1,\"\"days\"\":2,\"\"nanoseconds\"\":3}\"",
            "-30,\"{\"\"days\"\":-5,\"\"milliseconds\"\":-4}\","
                + "\"{\"\"months\"\":-1,\"\"days\"\":0,\"\"nanoseconds\"\":-9223372036854775808}\"",
            ",,",
        ])
    }
}
