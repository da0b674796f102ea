@testable import AWSAuth
import Foundation
import Testing

/// The small parsers the providers rely on: RFC 3339 (Go's accepted forms), STS XML, JSON typing, URLs.
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

    @Test("XML leaves by local name, any order, entities and CDATA decoded, prefixes dropped")
    func xml() {
        let document = """
        <?xml version="1.0"?><!-- comment --><sts:R xmlns:sts="x"><sts:Result attr="1">
        <Credentials><Expiration>2025-01-15T12:45:45Z</Expiration><AccessKeyId>ASIA&amp;1</AccessKeyId>
        <SecretAccessKey><![CDATA[a<b&amp;]]></SecretAccessKey><SessionToken>t&#x41;&#66;</SessionToken><Empty/></Credentials>
        </sts:Result></sts:R>
        """
        let reader = XMLLeafReader(Array(document.utf8))
        #expect(reader.rootName == "R")
        #expect(reader.text("AccessKeyId", under: "Credentials") == "ASIA&1")
        #expect(reader.text("SecretAccessKey") == "a<b&amp;")
        #expect(reader.text("SessionToken") == "tAB")
        #expect(reader.text("Empty") == "")
        #expect(reader.text("Expiration", under: "Other") == nil)
    }

    @Test("XML reader survives truncated and hostile input", arguments: [
        "<a><b>text", "<<<>>>", "</a></b>", "<a><!-- never closed", "<![CDATA[", "&amp;&#xFFFFFFFF;&#;", "<a b='>'>x</a>",
        String(repeating: "<x>", count: 5000),
    ])
    func xmlMalformed(text: String) {
        let reader = XMLLeafReader(Array(text.utf8))
        #expect(reader.leaves.count <= 5000)
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

    @Test("endpoint URLs: host header, IPv6, default ports, paths")
    func endpointURL() throws {
        let v6 = try #require(EndpointURL("http://[fd00:ec2::23]:80/v1/credentials?x=1"))
        #expect(v6.host == "[fd00:ec2::23]" && v6.bareHost == "fd00:ec2::23")
        #expect(v6.hostHeader == "[fd00:ec2::23]" && v6.path == "/v1/credentials" && v6.query == "x=1")
        let custom = try #require(EndpointURL("https://STS.example.com:8443/prefix/"))
        #expect(custom.hostHeader == "sts.example.com:8443" && custom.path == "/prefix")
        #expect(custom.origin == "https://sts.example.com:8443")
        #expect(EndpointURL("file:///etc/passwd") == nil)
        #expect(EndpointURL("http://host:99999/") == nil)
        #expect(EndpointURL("127.0.0.1:80") == nil)
    }
}
