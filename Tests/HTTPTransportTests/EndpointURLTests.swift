@testable import HTTPTransport
import Testing

/// The one parser of endpoint URLs (S3 endpoints, STS/SSO/container credential endpoints).
@Suite struct EndpointURLTests {
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

    @Test("what is wrong with an unusable URL is said", arguments: [
        ("127.0.0.1:9000", "it must be a URL starting with http:// or https://, e.g. http://127.0.0.1:9000"),
        ("ftp://h", "scheme must be http or https"), ("http://[::1", "unterminated IPv6 address"),
        ("http://h:x", "bad port"), ("http://h:0", "port 0 out of range"), ("http://:80", "no host"),
    ])
    func invalid(text: String, reason: String) {
        #expect(throws: EndpointURL.Invalid(reason: reason)) { try EndpointURL.parse(text) }
    }

    @Test("user info is noticed and dropped; spaces around the URL are ignored")
    func userInfo() throws {
        let url = try EndpointURL.parse("  http://user:pw@Host:8080/p?q#f ")
        #expect(url.hasUserInfo && url.host == "host" && url.port == 8080 && url.path == "/p" && url.query == "q")
        #expect(try !EndpointURL.parse("https://h").hasUserInfo)
        #expect(try EndpointURL.parse("https://h:443").origin == "https://h")
    }
}
