@testable import Arrow
@testable import FileFormats
import Foundation
import Testing

/// Athena key sanitising of json values (cloudquery plugins/destination/s3 `client/write.go`):
/// Go `encoding/json` decode into `any`, `\W` → `_` in every object key, goccy marshal with
/// sorted keys and no HTML escaping. The decoding rows were checked against Go's decoder.
@Suite struct AthenaJSONSanitizerTests {
    static func sanitize(_ text: String) throws -> String? {
        try Array(text.utf8).withUnsafeBytes { try AthenaJSONSanitizer.sanitize(json: $0) }
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// The Go plugin's `TestSanitizeJSONRawMessage` and `TestSanitizeJSONKeys`.
    @Test func goPluginCases() throws {
        #expect(try Self.sanitize(#"{"target": "localhost"}"#) == #"{"target":"localhost"}"#)
        #expect(try Self.sanitize(#"{"ta.rget*": "localhost**"}"#) == #"{"ta_rget_":"localhost**"}"#)
        // TestSanitizeJSONKeys marshals its map (sorted keys), unmarshals, sanitises.
        let keys = #"{"bar":{"foo-bar":"baz"},"foo":"bar","foo-bar-baz":["baz",{"foo:bar":"baz"}],"foo:bar":"baz","#
            + #""int":{"foo-bar":123},"pointer":{"foo-bar":"baz"},"string":{"foo-bar":"baz"}}"#
        #expect(try Self.sanitize(keys) == #"{"bar":{"foo_bar":"baz"},"foo":"bar","foo_bar":"baz","#
            + #""foo_bar_baz":["baz",{"foo_bar":"baz"}],"int":{"foo_bar":123},"pointer":{"foo_bar":"baz"},"#
            + #""string":{"foo_bar":"baz"}}"#)
    }

    @Test(arguments: [
        // numbers go through float64 (precision lost beyond 2^53) and come out in goccy's form
        (#"{"n": 12345678901234567890, "m": 9007199254740993}"#, #"{"m":9007199254740992,"n":12345678901234567000}"#),
        (#"{"x": 1.0, "y": 1e20, "w": 0.000001, "e": 1e-7, "big": 1e21}"#,
         #"{"big":1e+21,"e":1e-07,"w":0.000001,"x":1,"y":100000000000000000000}"#),
        ("-0", "-0"), ("1E2", "100"), ("-1.5e-10", "-1.5e-10"), ("0.1", "0.1"), ("1e-400", "0"),
        // no HTML escaping
        (#"{"h": "<a>&'"}"#, #"{"h":"<a>&'"}"#),
        // each non-word character (a multi-byte one included) is one underscore; keys sort bytewise
        (#"{"é": 1, "a b": 2, "日本": 3, "Z": 4, "_": 5, "0": 6}"#, #"{"0":6,"Z":4,"_":5,"__":3,"a_b":2}"#),
        // objects inside arrays, at any depth
        (#"[{"a.b":[{"c-d":1}]}, 2, "s"]"#, #"[{"a_b":[{"c_d":1}]},2,"s"]"#),
        // repeated keys: the last wins (Go map semantics); so do keys that sanitise alike
        (#"{"a":1,"a":2}"#, #"{"a":2}"#), (#"{"a.b":1,"a-b":2}"#, #"{"a_b":2}"#), (#"{"a-b":2,"a.b":1}"#, #"{"a_b":1}"#),
        ("42", "42"), (#""x""#, #""x""#), ("true", "true"), ("[]", "[]"), ("{}", "{}"),
        // escapes decoded; pairs combined; lone surrogates and invalid bytes become U+FFFD
        (#"{"s":"\u00e9\ud83d\ude00\ud800x\udc00\u0041"}"#, "{\"s\":\"é😀\u{fffd}x\u{fffd}A\"}"),
        (#"{"c":"\u0001\u001f\u2028\u2029 \/ \b\f\n\r\t"}"#, #"{"c":"\u0001\u001f\u2028\u2029 / \u0008\u000c\n\r\t"}"#),
        (#"  { "a" :  [ 1 , 2 ] }  "#, #"{"a":[1,2]}"#),
    ])
    func sanitises(input: String, expected: String) throws {
        #expect(try Self.sanitize(input) == expected)
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        let value = try [UInt8](#"{"bad":"a"#.utf8) + [0xff] + Array("b".utf8) + [0xc3] + Array(#"","k"#.utf8) + [0xff]
            + Array(#"":1}"#.utf8)
        let result = try value.withUnsafeBytes { try AthenaJSONSanitizer.sanitize(json: $0) }
        #expect(result.map { String(decoding: $0, as: UTF8.self) } == "{\"bad\":\"a\u{fffd}b\u{fffd}\",\"k_\":1}")
    }

    /// plugin-sdk's JSONBuilder appends a null for a nil value.
    @Test func jsonNullBecomesANullValue() throws {
        #expect(try Self.sanitize("null") == nil)
        #expect(try Self.sanitize(" null ") == nil)
        #expect(try Self.sanitize("[null]") == "[null]")
    }

    /// Every text Go's `json.Unmarshal` rejects is an error here too.
    @Test(arguments: [
        "{", #"{"a":1,}"#, "01", "1e400", "-1e400", "[1 2]", "\"\u{01}\"", "'x'", "", "tru", #"{"a" 1}"#, #""\x""#,
        #""\u12""#, "1.", ".5", "-", "1e", "[1],", "{1:2}", "[", #""abc"#, "nul", "+1", "NaN", "\u{feff}{}",
    ])
    func rejectsWhatGoRejects(input: String) {
        #expect(throws: (any Error).self) { try Self.sanitize(input) }
    }

    /// Go's scanner allows 10 000 levels of nesting; parsing keeps its own stack, so that
    /// depth (and beyond, rejected) costs no thread stack.
    @Test func nestingLimitIsGos() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(try Self.sanitize(deep) == deep)
        let deeper = String(repeating: "[", count: 10_001) + String(repeating: "]", count: 10_001)
        #expect(throws: (any Error).self) { try Self.sanitize(deeper) }
        let objects = String(repeating: #"{"a-":"#, count: 5_000) + "1" + String(repeating: "}", count: 5_000)
        #expect(try Self.sanitize(objects) == String(repeating: #"{"a_":"#, count: 5_000) + "1" + String(repeating: "}", count: 5_000))
    }
}
