import Testing
@testable import GoText

/// The Go-JSON parser (the spec decoder and AWSAuth read with it): Go-compatible acceptance and error texts.
@Suite struct GoJSONParserTests {
    static func parse(_ text: String) throws -> GoJSONValue {
        try GoJSONValue.parse(Array(text.utf8))
    }

    static func syntaxError(_ bytes: [UInt8]) -> String? {
        do {
            _ = try GoJSONValue.parse(bytes)
            return nil
        } catch {
            return error.message
        }
    }

    static func syntaxError(_ text: String) -> String? { syntaxError(Array(text.utf8)) }

    @Test func keepsOrderDuplicatesAndNumberLiterals() throws {
        let v = try Self.parse(#" {"b":1,"a":12345678901234567890,"b":-0.5e+3,"n":null,"t":[true,false,{}]} "#)
        #expect(v == .object([
            GoJSONMember(key: "b", value: .number("1")),
            GoJSONMember(key: "a", value: .number("12345678901234567890")),
            GoJSONMember(key: "b", value: .number("-0.5e+3")),
            GoJSONMember(key: "n", value: .null),
            GoJSONMember(key: "t", value: .array([.bool(true), .bool(false), .object([])])),
        ]))
        #expect(try Self.parse("null") == .null)
        #expect(try Self.parse("\t\r\n 0 ") == .number("0"))
        #expect(try Self.parse(#""""#) == .string(""))
    }

    @Test(arguments: [
        ("", "unexpected end of JSON input"),
        ("   ", "unexpected end of JSON input"),
        ("{", "unexpected end of JSON input"),
        (#"{"a""#, "unexpected end of JSON input"),
        (#"{"a":"#, "unexpected end of JSON input"),
        ("[1,", "unexpected end of JSON input"),
        ("-", "unexpected end of JSON input"),
        ("1.", "unexpected end of JSON input"),
        ("1e", "unexpected end of JSON input"),
        (#""abc"#, "unexpected end of JSON input"),
        ("tr", "unexpected end of JSON input"),
        (#"{"a":1,}"#, "invalid character '}' looking for beginning of object key string"),
        (#"{"a" 1}"#, "invalid character '1' after object key"),
        (#"{"a":1 "b":2}"#, "invalid character '\"' after object key:value pair"),
        ("[1 2]", "invalid character '2' after array element"),
        ("[1,]", "invalid character ']' looking for beginning of value"),
        (#"{"a":tru}"#, "invalid character '}' in literal true (expecting 'e')"),
        (#"{"a":nul}"#, "invalid character '}' in literal null (expecting 'l')"),
        (#"{"a":fals}"#, "invalid character '}' in literal false (expecting 'e')"),
        ("nx", "invalid character 'x' in literal null (expecting 'u')"),
        (#"{"a":-}"#, "invalid character '}' in numeric literal"),
        (#"{"a":1.}"#, "invalid character '}' after decimal point in numeric literal"),
        (#"{"a":1e}"#, "invalid character '}' in exponent of numeric literal"),
        (#"{"a":01}"#, "invalid character '1' after object key:value pair"),
        (#"{"a":.5}"#, "invalid character '.' looking for beginning of value"),
        (#"{"a":+1}"#, "invalid character '+' looking for beginning of value"),
        (#"{"a":NaN}"#, "invalid character 'N' looking for beginning of value"),
        (#"{"a":"\x"}"#, "invalid character 'x' in string escape code"),
        (#"{"a":"\u12g4"}"#, "invalid character 'g' in \\u hexadecimal character escape"),
        ("{} x", "invalid character 'x' after top-level value"),
        ("{}}", "invalid character '}' after top-level value"),
        ("{'a':1}", "invalid character '\\'' looking for beginning of object key string"),
        ("\u{FEFF}{}", "invalid character 'ï' looking for beginning of value"),
        (#"{"\#u{7F}":1,,}"#, "invalid character ',' looking for beginning of object key string"),
    ])
    func goSyntaxErrors(_ input: String, _ message: String) {
        #expect(Self.syntaxError(input) == message)
    }

    @Test func controlCharactersAreQuotedLikeGo() {
        #expect(Self.syntaxError([0x22, 0x01, 0x22]) == #"invalid character '\x01' in string literal"#)
        #expect(Self.syntaxError([0x22, 0x0A, 0x22]) == #"invalid character '\n' in string literal"#)
        #expect(Self.syntaxError([0x22, 0x09, 0x22]) == #"invalid character '\t' in string literal"#)
        #expect(Self.syntaxError([0x5C]) == #"invalid character '\\' looking for beginning of value"#)
        #expect(Self.syntaxError([0x80]) == #"invalid character '\u0080' looking for beginning of value"#)
        #expect(Self.syntaxError([0xA0]) == #"invalid character '\u00a0' looking for beginning of value"#)
        #expect(Self.syntaxError([0xC3]) == "invalid character 'Ã' looking for beginning of value")
        #expect(Self.syntaxError([0x7F]) == #"invalid character '\x7f' looking for beginning of value"#)
    }

    @Test func nestingIsLimitedLikeGoWithoutRecursion() throws {
        let deepest = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(Self.syntaxError(deepest) == nil)
        let tooDeep = String(repeating: "[", count: 10_001) + String(repeating: "]", count: 10_001)
        #expect(Self.syntaxError(tooDeep) == "invalid character '[' exceeded max depth")
        let objects = String(repeating: #"{"a":"#, count: 10_001) + "1" + String(repeating: "}", count: 10_001)
        #expect(Self.syntaxError(objects) == "invalid character '{' exceeded max depth")
    }

    @Test func stringsDecodeEscapesAndRepairLikeGo() throws {
        #expect(try Self.parse(#""\"\\\/\b\f\n\r\t\u0041\u00e9\ud83d\ude00""#)
            == .string("\"\\/\u{8}\u{C}\n\r\tAé😀"))
        #expect(try Self.parse(#""\ud83d""#) == .string("\u{FFFD}"))
        #expect(try Self.parse(#""\ud83dx""#) == .string("\u{FFFD}x"))
        #expect(try Self.parse(#""\ude00\ud83d""#) == .string("\u{FFFD}\u{FFFD}"))
        #expect(try Self.parse(#""\ud83d\u0041""#) == .string("\u{FFFD}A"))
        // Overlong, surrogate and out-of-range UTF-8 sequences: one U+FFFD per bad byte.
        #expect(try GoJSONValue.parse([0x22, 0xC0, 0x80, 0x22]) == .string("\u{FFFD}\u{FFFD}"))
        #expect(try GoJSONValue.parse([0x22, 0xED, 0xA0, 0x80, 0x22]) == .string("\u{FFFD}\u{FFFD}\u{FFFD}"))
        #expect(try GoJSONValue.parse([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22])
            == .string("\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"))
        #expect(try GoJSONValue.parse([0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22]) == .string("😀"))
    }
}
