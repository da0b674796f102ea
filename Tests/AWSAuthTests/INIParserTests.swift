@testable import AWSAuth
import Testing

/// The INI dialect of aws-sdk-go-v2 (`config/internal/ini`).
@Suite struct INIParserTests {
    func parse(_ text: String) -> [String: INISection] { INIParser.parse(text) }
    func value(_ text: String, _ section: String, _ key: String) -> String? {
        parse(text)[section]?.values[key]?.string
    }

    @Test("comment lines, blank lines and section-line comments")
    func comments() {
        let text = """
        # a comment
        ; another
           # indented comment
        [profile a] # trailing comment
        key = 1

        [ profile   b ];comment
        key = 2
        """
        let sections = parse(text)
        #expect(Set(sections.keys) == ["profile a", "profile b"])
        #expect(sections["profile a"]?.string("key") == "1")
        #expect(sections["profile b"]?.string("key") == "2")
    }

    @Test("inline comments need a blank before # or ;")
    func inlineComments() {
        let text = """
        [p]
        a = value # comment
        b = abc#def
        c = v;x
        d = v\t;tab comment
        e = v ; semicolon comment
        f = #starts-with-hash
        """
        #expect(value(text, "p", "a") == "value")
        #expect(value(text, "p", "b") == "abc#def")
        #expect(value(text, "p", "c") == "v;x")
        #expect(value(text, "p", "d") == "v")
        #expect(value(text, "p", "e") == "v")
        #expect(value(text, "p", "f") == "")
    }

    @Test("separator: first =, or : when it comes first; keys lower-cased; values trimmed")
    func separators() {
        let text = """
        [p]
        url = http://example.com:9000/x
        legacy: colon value
        a:b=c
        AWS_Access_Key_ID   =    AKID
        """
        #expect(value(text, "p", "url") == "http://example.com:9000/x")
        #expect(value(text, "p", "legacy") == "colon value")
        #expect(value(text, "p", "a") == "b=c")
        #expect(value(text, "p", "aws_access_key_id") == "AKID")
    }

    @Test("one layer of matching quotes is removed")
    func quotes() {
        let text = """
        [p]
        a = "double"
        b = 'single'
        c = "mismatched'
        d = ""
        e = "
        """
        #expect(value(text, "p", "a") == "double")
        #expect(value(text, "p", "b") == "single")
        #expect(value(text, "p", "c") == "\"mismatched'")
        #expect(value(text, "p", "d") == "")
        #expect(value(text, "p", "e") == "\"")
    }

    @Test("continuation lines append to a non-empty value with a newline")
    func continuation() {
        let text = "[p]\nlong = first\n  second # kept\n\tthird\nempty =\n  ignored continuation\nafter = x\n"
        #expect(value(text, "p", "long") == "first\nsecond # kept\nthird")
        #expect(value(text, "p", "empty") == "")
        #expect(value(text, "p", "after") == "x")
    }

    @Test("indented key = value after an empty value is a nested sub-property, comments kept")
    func subProperties() {
        let text = """
        [services dev]
        s3 =
          endpoint_url = http://127.0.0.1:9000 # kept
          addressing_style = path
        sts =
          endpoint_url = http://127.0.0.1:9001
        """
        let section = parse(text)["services dev"]
        #expect(section?.values["s3"]?.map == ["endpoint_url": "http://127.0.0.1:9000 # kept", "addressing_style": "path"])
        #expect(section?.values["sts"]?.map == ["endpoint_url": "http://127.0.0.1:9001"])
        #expect(section?.values["s3"]?.string == "")
    }

    @Test("an indented key = value after a non-empty value is promoted to a normal property")
    func orphanedSubProperty() {
        let text = "[p]\nregion = us-east-1\n  nested = v # comment\n"
        #expect(value(text, "p", "region") == "us-east-1")
        #expect(value(text, "p", "nested") == "v")
    }

    @Test("properties before any section are ignored; repeated sections merge, later keys win")
    func globalsAndDuplicates() {
        let text = """
        orphan = 1
        [p]
        a = 1
        b = 1
        [q]
        x = 1
        [p]
        b = 2
        """
        let sections = parse(text)
        #expect(sections["p"]?.string("a") == "1")
        #expect(sections["p"]?.string("b") == "2")
        #expect(sections["p"]?.has("orphan") == false)
        #expect(sections["q"]?.string("x") == "1")
    }

    @Test("CRLF files parse like LF files")
    func crlf() {
        let text = "[default]\r\naws_access_key_id = AKID\r\naws_secret_access_key = secret # c\r\n\r\n[profile x]\r\nregion = eu-west-1\r\n"
        let sections = parse(text)
        #expect(sections["default"]?.string("aws_access_key_id") == "AKID")
        #expect(sections["default"]?.string("aws_secret_access_key") == "secret")
        #expect(sections["profile x"]?.string("region") == "eu-west-1")
    }

    @Test("lines that are not tokens are ignored; an empty section name swallows its properties")
    func junk() {
        let text = "[p]\njust words\na = 1\n[]\nb = 2\n[p]\nc = 3\n"
        let sections = parse(text)
        #expect(sections["p"]?.string("a") == "1")
        #expect(sections["p"]?.string("c") == "3")
        #expect(sections["p"]?.has("b") == false)
        #expect(sections["p"]?.has("just words") == false)
    }

    @Test("Go integer syntax for duration_seconds")
    func goIntegers() {
        #expect(GoInteger.parse("3600") == 3600)
        #expect(GoInteger.parse("0x10") == 16)
        #expect(GoInteger.parse("010") == 8)
        #expect(GoInteger.parse("1_000") == 1000)
        #expect(GoInteger.parse("-5") == -5)
        #expect(GoInteger.parse("abc") == nil)
        #expect(GoInteger.parse("") == nil)
        #expect(GoInteger.parse("99999999999999999999") == nil)
    }
}
