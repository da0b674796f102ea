import TestSupport
import Testing

@testable import S3Destination

/// `storage_class`, `tags`, `metadata`, `content_encoding`, `if_none_match` and `max_open_partitions`:
/// decoded, validated at Init with a message naming the key, turned into object headers, and
/// accepted/refused alike by the JSON schema.
@Suite struct ObjectOptionsTests {
    /// The same base spec and Init helpers as the other keys beyond Go.
    let extensions = SpecExtensionTests()

    func load(_ extra: String) throws -> DestinationConfig { try extensions.load(extra) }
    func message(_ extra: String) -> String? { extensions.message(extra) }

    @Test func defaultsSendNoHeaders() throws {
        let c = try load("")
        #expect(c.objectOptions == ObjectOptions())
        #expect(c.objectOptions.headers.isEmpty)
        #expect(c.maxOpenPartitions == 64)
    }

    @Test func everyOptionBecomesAHeader() throws {
        let c = try load(#","storage_class":"STANDARD_IA","tags":{"team":"data eng","b/k":"x=y+z"},"metadata":{"Owner":"Data-Team","pipeline":"cq"},"content_encoding":"gzip","if_none_match":true,"max_open_partitions":5"#)
        #expect(c.objectOptions.headers == [
            "x-amz-storage-class": "STANDARD_IA",
            "x-amz-tagging": "b%2Fk=x%3Dy%2Bz&team=data%20eng",
            "x-amz-meta-owner": "Data-Team",
            "x-amz-meta-pipeline": "cq",
            "Content-Encoding": "gzip",
            "If-None-Match": "*",
        ])
        #expect(c.maxOpenPartitions == 5)
    }

    @Test func nullClearsAMap() throws {
        let c = try load(#","tags":{"a":"1"},"tags":null"#)
        #expect(c.objectOptions.tags.isEmpty)
    }

    @Test func invalidValuesAreNamed() {
        #expect(message(#","storage_class":"standard""#)?.hasPrefix("invalid `storage_class` value: standard. Allowed values are STANDARD, ") == true)
        let eleven = (1...11).map { #""k\#($0)":"v""# }.joined(separator: ",")
        #expect(message(#","tags":{\#(eleven)}"#) == "`tags` has 11 tags; S3 allows at most 10 per object")
        #expect(message(#","tags":{"\#(String(repeating: "k", count: 129))":"v"}"#)?.contains("must have 1 to 128 characters") == true)
        #expect(message(#","tags":{"k":"\#(String(repeating: "v", count: 257))"}"#) == "`tags` value of \"k\" has more than 256 characters")
        #expect(message(#","tags":{"aws:x":"v"}"#) == "`tags` key \"aws:x\": the `aws:` prefix is reserved by AWS")
        #expect(message(#","tags":{"k":"a&b"}"#) == "`tags` value of \"k\": S3 allows letters, digits, spaces and + - = . _ : / @ only")
        #expect(message(#","tags":{"k":1}"#) == "failed to unmarshal s3 spec: json: cannot unmarshal number into Go struct field Spec.tags of type string")
        #expect(message(#","tags":[]"#) == "failed to unmarshal s3 spec: json: cannot unmarshal array into Go struct field Spec.tags of type map[string]string")
        #expect(message(#","metadata":{"a b":"v"}"#)?.hasPrefix("`metadata` key \"a b\" must be a non-empty HTTP header name") == true)
        #expect(message(#","metadata":{"k":"caf\#u{e9}"}"#) == "`metadata` value of \"k\" must be printable ASCII (S3 sends metadata as HTTP headers)")
        #expect(message(#","metadata":{"K":"1","k":"2"}"#) == "`metadata` key \"k\" is given twice (keys are case-insensitive)")
        #expect(message(#","metadata":{"k":"\#(String(repeating: "v", count: 2048))"}"#) == "`metadata` has 2049 bytes of keys and values; S3 allows at most 2048 (2 KiB)")
        #expect(message(#","content_encoding":"gzip\n""#) == "invalid `content_encoding` value: \"gzip\\n\". Use printable ASCII, e.g. `gzip`")
        #expect(message(#","if_none_match":"yes""#) == "failed to unmarshal s3 spec: json: cannot unmarshal string into Go struct field Spec.if_none_match of type bool")
        #expect(message(#","max_open_partitions":0"#) == "`max_open_partitions` must be at least 1")
    }

    @Test(.requires(.python)) func schemaAgrees() throws {
        func s(_ extra: String) -> String { SpecSchemaPythonTests.spec(extra) }
        typealias Case = SpecSchemaPythonTests.SchemaCase
        try SpecSchemaPythonTests.check([
            Case(name: "every option", document: s(#""storage_class":"GLACIER_IR","tags":{"a":"b"},"metadata":{"x-y":"z"},"content_encoding":"gzip","if_none_match":true,"max_open_partitions":3"#), valid: true),
            Case(name: "null maps", document: s(#""tags":null,"metadata":null,"max_open_partitions":null"#), valid: true),
            Case(name: "bad storage class", document: s(#""storage_class":"COLD""#), valid: false),
            Case(name: "11 tags", document: s(#""tags":{\#((1...11).map { #""k\#($0)":"v""# }.joined(separator: ","))}"#), valid: false),
            Case(name: "aws: tag", document: s(#""tags":{"aws:x":"v"}"#), valid: false),
            Case(name: "tag value not a string", document: s(#""tags":{"k":1}"#), valid: false),
            Case(name: "metadata key with space", document: s(#""metadata":{"a b":"v"}"#), valid: false),
            Case(name: "metadata key ending in a newline", document: s(#""metadata":{"a\n":"v"}"#), valid: false),
            Case(name: "metadata value with inner spaces", document: s(#""metadata":{"a":"x y"}"#), valid: true),
            Case(name: "metadata value with a trailing space", document: s(#""metadata":{"a":"x "}"#), valid: false),
            Case(name: "metadata non-ASCII value", document: s(#""metadata":{"k":"caf\#u{e9}"}"#), valid: false),
            Case(name: "content_encoding newline", document: s(#""content_encoding":"gzip\n""#), valid: false),
            Case(name: "if_none_match string", document: s(#""if_none_match":"true""#), valid: false),
            Case(name: "max_open_partitions 0", document: s(#""max_open_partitions":0"#), valid: false),
        ])
    }
}
