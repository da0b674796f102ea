@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// Byte-for-byte output per type, including the Go quirks (see JSONValuePlan). Inputs come
/// from `JSONLinesInputs.script`; every expected line is derived by hand from arrow-go
/// v18.6 `GetOneForMarshal` + goccy/go-json v0.10.6 as used by cloudquery/filetypes.
@Suite(.requires(.python)) struct JSONLinesValuePythonTests {
    static func lines(_ name: String) throws -> [String] {
        try JSONLinesEncoding.lines(JSONLinesInputs.stream(name))
    }

    static func expectFailure(_ name: String, column: String, row: Int, reason: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let stream = try JSONLinesInputs.stream(name)
        do {
            _ = try JSONLinesEncoding.encode(stream)
            Issue.record("\(name) encoded although Go fails on it", sourceLocation: sourceLocation)
        } catch let error as ValueRenderingError {
            #expect(error.column == column, "\(error)", sourceLocation: sourceLocation)
            #expect(error.row == row, "\(error)", sourceLocation: sourceLocation)
            #expect(error.reason.contains(reason), "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func stringEscaping() throws {
        #expect(try Self.lines("strings") == [
            #"{"n":0,"s":"<a href=\"x\">&amp;</a>"}"#,
            #"{"n":1,"s":"\u0000\u0001\u0008\t\n\u000c\r\u001f"# + "\u{7f}" + #""}"#,
            #"{"n":2,"s":"\u2028x\u2029"}"#,
            #"{"n":3,"s":"héllo 日本 🎉"}"#,
            #"{"n":4,"s":"a\"b\\c"}"#,
            #"{"n":5,"s":null}"#,
            #"{"n":6,"s":""}"#,
        ])
    }

    @Test func invalidUTF8BecomesReplacementEscapes() throws {
        #expect(try Self.lines("invalid_utf8") == [
            #"{"s":"a\ufffdb\ufffd\ufffd"}"#,
            #"{"s":"\ufffd\ufffd\ufffd"}"#,
            #"{"s":"\ufffd\ufffd\ufffd\ufffdz"}"#,
            #"{"s":"\ufffd\ufffd"}"#,
        ])
    }

    @Test func keysSortByTheirEncodedBytes() throws {
        // goccy compares `"a b"` with `"a"`: the space sorts before the closing quote.
        #expect(try Self.lines("key_order") == [#"{"A":4,"_x":5,"a b":3,"a":2,"b":1,"ä":6}"#])
    }

    @Test func repeatedColumnNameKeepsTheLastValue() throws {
        #expect(try Self.lines("duplicate_names") == [#"{"x":3,"y":2}"#])
    }

    @Test func integersAreExact() throws {
        #expect(try Self.lines("integers") == [
            #"{"i16":-32768,"i32":-2147483648,"i64":-9223372036854775808,"i8":-128,"u16":0,"u32":0,"u64":9007199254740993,"u8":0}"#,
            #"{"i16":32767,"i32":2147483647,"i64":9223372036854775807,"i8":127,"u16":65535,"u32":4294967295,"u64":18446744073709551615,"u8":255}"#,
        ])
    }

    @Test func float64() throws {
        #expect(try Self.lines("float64") == [
            #"{"f":0.1}"#, #"{"f":1e+21}"#, #"{"f":100000000000000000000}"#, #"{"f":0.000001}"#, #"{"f":1e-07}"#,
            #"{"f":123456789.125}"#, #"{"f":-0}"#, #"{"f":"NaN"}"#, #"{"f":"+Inf"}"#, #"{"f":"-Inf"}"#,
            #"{"f":5e-324}"#, #"{"f":1.7976931348623157e+308}"#, #"{"f":100}"#, #"{"f":1.5e+300}"#, #"{"f":null}"#,
        ])
    }

    @Test func float32UsesFloat32Digits() throws {
        #expect(try Self.lines("float32") == [
            #"{"f":0.1}"#, #"{"f":1e-07}"#, #"{"f":16777216}"#, #"{"f":3.4028235e+38}"#, #"{"f":"NaN"}"#,
            #"{"f":2.5}"#, #"{"f":-1e-10}"#,
        ])
    }

    @Test func float16() throws {
        #expect(try Self.lines("float16") == [#"{"f":1.5}"#, #"{"f":65504}"#, #"{"f":5.9604645e-08}"#, #"{"f":-0}"#])
        #expect(try Self.lines("float16_list_nan") == [#"{"l":["NaN","+Inf","-Inf",1]}"#])
    }

    @Test func float16NaNFailsOutsideLists() throws {
        try Self.expectFailure("float16_nan", column: "f", row: 1, reason: "NaN")
        try Self.expectFailure("float16_struct_nan", column: "s.h", row: 0, reason: "NaN")
        try Self.expectFailure("float16_list_struct_nan", column: "l.item.h", row: 0, reason: "NaN")
    }

    @Test func dates() throws {
        #expect(try Self.lines("dates") == [
            #"{"d32":"1970-01-01","d64":"1970-01-01"}"#,
            #"{"d32":"1969-12-31","d64":"1970-01-01"}"#,
            #"{"d32":"2024-01-01","d64":"1969-12-31"}"#,
            #"{"d32":"0001-01-01","d64":"1969-12-31"}"#,
            #"{"d32":"0000-12-31","d64":"2024-01-01"}"#,
            #"{"d32":"9999-12-31","d64":"1970-01-01"}"#,
            #"{"d32":"10000-01-01","d64":"1970-01-01"}"#,
        ])
    }

    @Test func timesOfDayAreTrimmed() throws {
        #expect(try Self.lines("times") == [
            #"{"ms":"00:00:00.001","ns":"00:00:00.000000001","s":"00:00:00","us":"00:00:00.123456"}"#,
            #"{"ms":"00:00:01.5","ns":"00:00:00.123456789","s":"23:59:59","us":"00:00:01"}"#,
            #"{"ms":"23:59:59.999","ns":"00:00:00","s":"01:00:00","us":"00:00:00"}"#,
            #"{"ms":"00:00:00","ns":"23:59:59.999999999","s":"00:00:59","us":"00:00:00.000001"}"#,
        ])
    }

    @Test func timestampsAreRFC3339NanoInTheirZone() throws {
        #expect(try Self.lines("timestamps") == [
            #"{"ms":"1970-01-01T00:00:00.001Z","neg":"1969-12-31T17:00:00-07:00","ns":"1970-01-01T05:30:00+05:30","ny":"2023-11-14T17:13:20-05:00","s":"1970-01-01T00:00:00Z","us":"2024-01-03T03:04:05.123456Z"}"#,
            #"{"ms":"1969-12-31T23:59:59.999Z","neg":"1969-12-31T17:00:00-07:00","ns":"1970-01-01T05:30:00.000000001+05:30","ny":"2023-07-22T00:26:40-04:00","s":"1969-12-31T23:59:59Z","us":"2024-01-03T03:04:05.12Z"}"#,
            #"{"ms":"1970-01-01T00:00:00Z","neg":"1969-12-31T17:00:00-07:00","ns":"1970-01-01T05:30:00.999999999+05:30","ny":"1969-12-31T19:00:00-05:00","s":"2023-11-14T22:13:20Z","us":"2024-01-03T03:04:05Z"}"#,
            #"{"ms":"9999-12-31T23:59:59.999Z","neg":"1969-12-31T17:00:00-07:00","ns":"1970-01-01T05:30:01+05:30","ny":null,"s":"0001-01-01T00:00:00Z","us":"1969-12-31T23:59:59.999999Z"}"#,
        ])
    }

    @Test func unknownTimeZoneFailsOnTheFirstValue() throws {
        try Self.expectFailure("timestamp_bad_zone", column: "t", row: 1, reason: "Mars/Olympus_Mons")
    }

    @Test func durations() throws {
        #expect(try Self.lines("durations") == [
            #"{"ms":"1000ms","ns":"7ns","s":"-5s","us":"1us"}"#,
            #"{"ms":null,"ns":"-9223372036854775808ns","s":"0s","us":"2us"}"#,
        ])
    }

    @Test func intervalsAreObjects() throws {
        #expect(try Self.lines("intervals") == [
            #"{"dt":{"days":1,"milliseconds":2},"m":{"months":1},"mdn":{"months":1,"days":2,"nanoseconds":3}}"#,
            #"{"dt":{"days":-5,"milliseconds":-4},"m":{"months":-30},"mdn":{"months":-1,"days":0,"nanoseconds":-9223372036854775808}}"#,
        ])
    }

    @Test func decimalsUseBigFloatG() throws {
        #expect(try Self.lines("decimals") == [
            #"{"d10_2":"1.01","d10_8":"1e-05","d256":"12.34","d38_10":"742165505.7704392704"}"#,
            #"{"d10_2":"1.1","d10_8":"0.0001","d256":"-0.05","d38_10":"1e-10"}"#,
            #"{"d10_2":"100","d10_8":"12.5","d256":"0","d38_10":"100000000000000000000"}"#,
            #"{"d10_2":"0","d10_8":"1e-08","d256":"123456789012345678.99","d38_10":"-1.5"}"#,
            #"{"d10_2":"-0.01","d10_8":"-1.234e-05","d256":"1","d38_10":"0.1234567891"}"#,
            #"{"d10_2":"12345678.9","d10_8":"1","d256":"2","d38_10":"9999999999999999999999999999.9999999999"}"#,
            #"{"d10_2":"99999999.99","d10_8":"10","d256":"3","d38_10":"-9999999999999999999999999999.9999999999"}"#,
        ])
        #expect(try Self.lines("negative_scale") == [
            #"{"d":"1200","e":"1.2e+03"}"#, #"{"d":"1000","e":"5e+02"}"#, #"{"d":"0","e":"-1e+03"}"#,
        ])
    }

    @Test func binariesAreBase64() throws {
        #expect(try Self.lines("binaries") == [
            #"{"b":"","fb":"aGk=","lb":"YWJjZA==","n":null,"t":true}"#,
            #"{"b":"AQD/","fb":"AAA=","lb":"YQ==","n":null,"t":false}"#,
            #"{"b":"YWI=","fb":null,"lb":"+/8=","n":null,"t":null}"#,
            #"{"b":null,"fb":"eno=","lb":"eHl6","n":null,"t":true}"#,
        ])
    }

    @Test func cloudQueryExtensions() throws {
        #expect(try Self.lines("extensions") == [
            #"{"inet_col":"10.0.0.1/8","json_col":{"b":[1,2.50,"x<y\u0041"],"a":null},"mac_col":"00:1a:2b:3c:4d:5e","uuid_col":"00010203-0405-0607-0809-0a0b0c0d0e0f"}"#,
            #"{"inet_col":"2001:db8::2/128","json_col":42,"mac_col":"","uuid_col":null}"#,
            #"{"inet_col":null,"json_col":"s&","mac_col":"ff:ff:ff:ff:ff:ff:ff:ff","uuid_col":"ffffffff-ffff-ffff-ffff-ffffffffffff"}"#,
        ])
        #expect(try Self.lines("extension_lists") == [
            #"{"inet_list":["1.2.3.4/32"],"json_list":[{"k":"\u003c\u0026\u003e"},[1]],"mac_list":["01:02"],"uuid_list":["00010203-0405-0607-0809-0a0b0c0d0e0f",null]}"#,
        ])
    }

    @Test(arguments: 0..<7)
    func invalidJSONValuesFail(index: Int) throws {
        try Self.expectFailure("bad_json_\(index)", column: "json_col", row: 1, reason: "not valid JSON")
    }

    @Test func nestedValues() throws {
        #expect(try Self.lines("nested") == [
            #"{"fl":[1,2],"lbin":["AQ=="],"ldec":["1.5"],"li":[1,null,3],"ll":[0.5],"lll":[[1],[2,3]],"ls":[{"a":"\u003c\u0026\u003e","b":1}],"lts":["1970-01-01T00:00:00Z",null],"mp":[{"key":"z","value":1},{"key":"a","value":2}],"mps":[{"key":"k\u0026","value":"v\u003c"}],"sl":{"l":["\u003c"],"m":[{"key":"q","value":1}]},"st":{"a":"x<y","b":1}}"#,
            #"{"fl":null,"lbin":[],"ldec":null,"li":[],"ll":null,"lll":[[]],"ls":[null],"lts":[],"mp":[],"mps":null,"sl":null,"st":null}"#,
            #"{"fl":[3,null],"lbin":null,"ldec":[],"li":null,"ll":[1e+21,"NaN"],"lll":[null],"ls":[],"lts":null,"mp":null,"mps":[{"key":"x","value":null}],"sl":{"l":null,"m":[]},"st":{"a":null,"b":null}}"#,
        ])
    }

    @Test func keysInsideListsSortByTheirHTMLEscapedForm() throws {
        #expect(try Self.lines("html_keys") == [#"{"l":[{"a@":2,"a\u003c":1}],"s":{"a<":1,"a@":2}}"#])
    }
}
