import Foundation
import GoText
import TestSupport
import Testing
@testable import S3Destination

/// The `GetSpecSchema` JSON schema, checked with Python's `jsonschema` (draft 2020-12) on the
/// Go plugin's `schema_test.go` cases and the filetypes schema tests.
@Suite(.requires(.python)) struct SpecSchemaPythonTests {
    struct SchemaCase: Sendable {
        let name: String
        let document: String
        let valid: Bool
        /// Validate against this `$defs` entry instead of the whole spec.
        var definition: String? = nil
    }

    static let validator = #"""
import json, sys
from jsonschema import Draft202012Validator
request = json.load(sys.stdin)
schema = json.loads(request["schema"])
Draft202012Validator.check_schema(schema)
results = []
for case in request["cases"]:
    s = dict(schema)
    if case.get("definition"):
        s["$ref"] = "#/$defs/" + case["definition"]
    errors = sorted(Draft202012Validator(s).iter_errors(json.loads(case["document"])), key=lambda e: list(e.path))
    results.append({"valid": not errors, "error": errors[0].message if errors else ""})
print(json.dumps(results))
"""#

    static func validate(_ cases: [SchemaCase]) throws -> [(valid: Bool, error: String)] {
        let python = try #require(SpecTestSupport.pythonWithJSONSchema(), Comment(rawValue: SpecTestSupport.pythonHelp))
        let request: [String: Any] = [
            "schema": DestinationSpecSchema.json,
            "cases": cases.map { c -> [String: Any] in
                var entry: [String: Any] = ["document": c.document]
                if let d = c.definition { entry["definition"] = d }
                return entry
            },
        ]
        let input = try JSONSerialization.data(withJSONObject: request)
        let result = try SpecTestSupport.run(python, ["-c", validator], stdin: input)
        try #require(result.status == 0, "python failed: \(result.stderr)")
        let decoded = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return decoded.map { ($0["valid"] as? Bool ?? false, $0["error"] as? String ?? "") }
    }

    static func check(_ cases: [SchemaCase]) throws {
        let results = try validate(cases)
        try #require(results.count == cases.count)
        for (c, r) in zip(cases, results) {
            #expect(r.valid == c.valid, "\(c.name): \(c.document) -> \(r.valid ? "valid" : "invalid: \(r.error)")")
        }
    }

    static func spec(_ extra: String = "", format: String = "csv", path: String = "{{UUID}}") -> String {
        #"{"format": "\#(format)", "path": "\#(path)", "bucket": "b", "region": "r"\#(extra.isEmpty ? "" : ", " + extra)}"#
    }

    @Test func schemaIsValidJSONWithDraft202012Header() throws {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(DestinationSpecSchema.json.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(object["$ref"] as? String == "#/$defs/Spec")
        let defs = try #require(object["$defs"] as? [String: Any])
        let spec = try #require(defs["Spec"] as? [String: Any])
        #expect(spec["required"] as? [String] == ["format", "bucket", "region", "path"])
        let properties = try #require(spec["properties"] as? [String: Any])
        // The Go plugin's 25 keys plus ours: memory_budget_bytes, request_checksum_calculation, manifest_path,
        // max_concurrent_requests, storage_class, tags, metadata, content_encoding, if_none_match, max_open_partitions.
        #expect(properties.count == 35)
        // Our own parser must accept it too (the same bytes go over the wire).
        _ = try GoJSONValue.parse(Array(DestinationSpecSchema.json.utf8))
    }

    /// cloudquery/cloudquery plugins/destination/s3/client/spec/schema_test.go, in order.
    @Test func goPluginSchemaCases() throws {
        func s(_ extra: String = "", _ format: String = "csv", _ path: String = "{{UUID}}") -> String {
            Self.spec(extra, format: format, path: path)
        }
        try Self.check([
            SchemaCase(name: "csv file spec", document: ##"{"format": "csv", "format_spec": {"skip_header": true, "delimiter": "#"}, "path": "{{UUID}}", "bucket": "b", "region": "r"}"##, valid: true),
            SchemaCase(name: "bad format value", document: #"{"format": "cs22v", "path": "{{UUID}}", "bucket": "b", "region": "r"}"#, valid: false),
            SchemaCase(name: "minimal", document: s("", "csv", "{{UUID}}"), valid: true),
            SchemaCase(name: "missing path", document: #"{"format": "csv", "bucket": "b", "region": "r"}"#, valid: false),
            SchemaCase(name: "empty path", document: s("", "csv", ", "), valid: false),
            SchemaCase(name: "null path", document: #"{"format": "csv", "path": null, "bucket": "b", "region": "r"}"#, valid: false),
            SchemaCase(name: "integer path", document: #"{"format": "csv", "path": 123}"#, valid: false),
            SchemaCase(name: "path starts with /", document: s("", "csv", "/{{UUID}}"), valid: false),
            SchemaCase(name: "path contains //", document: s("", "csv", "{{UUID}}//"), valid: false),
            SchemaCase(name: "path contains ./", document: s("", "csv", "{{UUID}}/./"), valid: false),
            SchemaCase(name: "path contains ../", document: s("", "csv", "{{UUID}}/../"), valid: false),
            SchemaCase(name: "missing bucket", document: #"{"format": "csv", "path": "{{UUID}}", "region": "r"}"#, valid: false),
            SchemaCase(name: "empty bucket", document: #"{"format": "csv", "path": "{{UUID}}", "bucket": "", "region": "r"}"#, valid: false),
            SchemaCase(name: "null bucket", document: #"{"format": "csv", "path": "{{UUID}}", "bucket": null, "region": "r"}"#, valid: false),
            SchemaCase(name: "integer bucket", document: #"{"format": "csv", "path": "{{UUID}}", "bucket": 123, "region": "r"}"#, valid: false),
            SchemaCase(name: "missing region", document: #"{"format": "csv", "path": "{{UUID}}", "bucket": "b"}"#, valid: false),
            SchemaCase(name: "empty region", document: #"{"format": "csv", "path": "{{UUID}}", "bucket": "b", "region": ""}"#, valid: false),
            SchemaCase(name: "null region", document: #"{"format": "csv", "path": "{{UUID}}", "bucket": "b", "region": null}"#, valid: false),
            SchemaCase(name: "integer region", document: #"{"format": "csv", "path": "{{UUID}}", "bucket": "b", "region": 123}"#, valid: false),
            SchemaCase(name: "null no_rotate", document: s(#""no_rotate": null"#), valid: false),
            SchemaCase(name: "bad no_rotate", document: s(#""no_rotate": 123"#), valid: false),
            SchemaCase(name: "no_rotate:true", document: s(#""no_rotate": true"#, "csv", "abc"), valid: true),
            SchemaCase(name: "no_rotate:false", document: s(#""no_rotate": false"#), valid: true),
            SchemaCase(name: "zero batch_size", document: s(#""batch_size":0"#), valid: false),
            SchemaCase(name: "float batch_size", document: s(#""batch_size":5.3"#), valid: false),
            SchemaCase(name: "bad batch_size", document: s(#""batch_size":false"#), valid: false),
            SchemaCase(name: "null batch_size", document: s(#""batch_size":null"#), valid: true),
            SchemaCase(name: "proper batch_size", document: s(#""batch_size":123"#), valid: true),
            SchemaCase(name: "zero batch_size_bytes", document: s(#""batch_size_bytes":0"#), valid: false),
            SchemaCase(name: "float batch_size_bytes", document: s(#""batch_size_bytes":5.3"#), valid: false),
            SchemaCase(name: "bad batch_size_bytes", document: s(#""batch_size_bytes":false"#), valid: false),
            SchemaCase(name: "null batch_size_bytes", document: s(#""batch_size_bytes":null"#), valid: true),
            SchemaCase(name: "proper batch_size_bytes", document: s(#""batch_size_bytes":123"#), valid: true),
            SchemaCase(name: "null batch_timeout", document: s(#""batch_timeout":null"#), valid: true),
            SchemaCase(name: "no_rotate:false & path:{{UUID}}", document: s(#""no_rotate":false"#), valid: true),
            SchemaCase(name: "no_rotate:true & path:{{UUID}}", document: s(#""no_rotate":true"#), valid: false),
            SchemaCase(name: "no_rotate:false & path:abc", document: s(#""no_rotate":false"#, "csv", "abc"), valid: false),
            SchemaCase(name: "no_rotate:true & path:abc", document: s(#""no_rotate":true"#, "csv", "abc"), valid: true),
            SchemaCase(name: "no_rotate:false & batch_size:100", document: s(#""no_rotate":false, "batch_size":100"#), valid: true),
            SchemaCase(name: "no_rotate:true & batch_size:100", document: s(#""no_rotate":true, "batch_size":100"#, "csv", "abc"), valid: false),
            SchemaCase(name: "no_rotate:false & batch_size:null", document: s(#""no_rotate":false, "batch_size":null"#), valid: true),
            SchemaCase(name: "no_rotate:true & batch_size:null", document: s(#""no_rotate":true, "batch_size":null"#, "csv", "abc"), valid: true),
            SchemaCase(name: "no_rotate:false & batch_size_bytes:100", document: s(#""no_rotate":false, "batch_size_bytes":100"#), valid: true),
            SchemaCase(name: "no_rotate:true & batch_size_bytes:100", document: s(#""no_rotate":true, "batch_size_bytes":100"#, "csv", "abc"), valid: false),
            SchemaCase(name: "no_rotate:false & batch_size_bytes:null", document: s(#""no_rotate":false, "batch_size_bytes":null"#), valid: true),
            SchemaCase(name: "no_rotate:true & batch_size_bytes:null", document: s(#""no_rotate":true, "batch_size_bytes":null"#, "csv", "abc"), valid: true),
            SchemaCase(name: "no_rotate:false & batch_timeout:100s", document: s(#""no_rotate":false, "batch_timeout":"100s""#), valid: true),
            SchemaCase(name: "no_rotate:true & batch_timeout:100s", document: s(#""no_rotate":true, "batch_timeout":"100s""#, "csv", "abc"), valid: false),
            SchemaCase(name: "no_rotate:false & batch_timeout:null", document: s(#""no_rotate":false, "batch_timeout":null"#), valid: true),
            SchemaCase(name: "no_rotate:true & batch_timeout:null", document: s(#""no_rotate":true, "batch_timeout":null"#, "csv", "abc"), valid: true),
            SchemaCase(name: "batching (no_rotate:false) & path:{{UUID}}", document: s(#""no_rotate":false"#), valid: true),
            SchemaCase(name: "batching (no_rotate:false) & path:abc", document: s(#""no_rotate":false"#, "csv", "abc"), valid: false),
            SchemaCase(name: "batching (missing no_rotate) & path:{{UUID}}", document: s(), valid: true),
            SchemaCase(name: "batching (missing no_rotate) & path:abc", document: s("", "csv", "abc"), valid: false),
            SchemaCase(name: "no batching (no_rotate:true) & path:{{UUID}}", document: s(#""no_rotate":true"#), valid: false),
            SchemaCase(name: "no batching (no_rotate:true) & path:abc", document: s(#""no_rotate":true"#, "csv", "abc"), valid: true),
            SchemaCase(name: "server side encryption (empty)", document: s(#""server_side_encryption_configuration": {}"#), valid: false),
            SchemaCase(name: "server side encryption (missing type)", document: s(#""server_side_encryption_configuration": {"sse_kms_key_id":"1234-5678"}"#), valid: false),
            SchemaCase(name: "server side encryption (missing key)", document: s(#""server_side_encryption_configuration": {"server_side_encryption":"AES256"}"#), valid: false),
            SchemaCase(name: "server side encryption (success)", document: s(#""server_side_encryption_configuration": {"server_side_encryption":"AES256", "sse_kms_key_id":"1234-5678"}"#), valid: true),
            SchemaCase(name: "Empty objects false format parquet", document: s(#""write_empty_objects_for_empty_tables":false"#, "parquet"), valid: true),
            SchemaCase(name: "Empty objects false format csv", document: s(#""write_empty_objects_for_empty_tables":false"#), valid: true),
            SchemaCase(name: "Empty objects true", document: s(#""write_empty_objects_for_empty_tables":true"#, "parquet"), valid: true),
            SchemaCase(name: "Empty objects true format must be parquet", document: s(#""write_empty_objects_for_empty_tables":true"#), valid: false),
        ])
    }

    /// cloudquery/filetypes schema_test.go (FileSpec), embedded in a full S3 spec.
    @Test func filetypesFileSpecCases() throws {
        func doc(_ fileSpec: String) -> String {
            #"{"path": "{{UUID}}", "bucket": "b", "region": "r"\#(fileSpec.isEmpty ? "" : ", " + fileSpec)}"#
        }
        try Self.check([
            SchemaCase(name: "empty (missing format)", document: doc(""), valid: false),
            SchemaCase(name: "empty format", document: doc(#""format":"""#), valid: false),
            SchemaCase(name: "null format", document: doc(#""format":null"#), valid: false),
            SchemaCase(name: "bad format", document: doc(#""format":123"#), valid: false),
            SchemaCase(name: "bad format value", document: doc(#""format":"abc""#), valid: false),
            SchemaCase(name: "csv format", document: doc(#""format":"csv""#), valid: true),
            SchemaCase(name: "csv format + empty format_spec", document: doc(#""format":"csv","format_spec":{}"#), valid: true),
            SchemaCase(name: "csv format + null format_spec", document: doc(#""format":"csv","format_spec":null"#), valid: true),
            SchemaCase(name: "csv format + csv format_spec", document: doc(#""format":"csv","format_spec":{"skip_header": true, "delimiter":","}"#), valid: true),
            SchemaCase(name: "json format", document: doc(#""format":"json""#), valid: true),
            SchemaCase(name: "json format + empty format_spec", document: doc(#""format":"json","format_spec":{}"#), valid: true),
            SchemaCase(name: "json format + null format_spec", document: doc(#""format":"json","format_spec":null"#), valid: true),
            SchemaCase(name: "json format + csv format_spec", document: doc(#""format":"json","format_spec":{"skip_header": true, "delimiter":","}"#), valid: false),
            SchemaCase(name: "parquet format", document: doc(#""format":"parquet""#), valid: true),
            SchemaCase(name: "parquet format + empty format_spec", document: doc(#""format":"parquet","format_spec":{}"#), valid: true),
            SchemaCase(name: "parquet format + null format_spec", document: doc(#""format":"parquet","format_spec":null"#), valid: true),
            SchemaCase(name: "parquet format + csv format_spec", document: doc(#""format":"parquet","format_spec":{"skip_header": true, "delimiter":","}"#), valid: false),
            SchemaCase(name: "compression gzip", document: doc(#""format":"json","compression":"gzip""#), valid: true),
            SchemaCase(name: "compression zstd (beyond Go)", document: doc(#""format":"json","compression":"zstd""#), valid: true),
        ])
    }

    /// cloudquery/filetypes csv/json/parquet spec_test.go (the format_spec schemas alone).
    @Test func formatSpecDefinitions() throws {
        try Self.check([
            SchemaCase(name: "csv empty", document: "{}", valid: true, definition: "CSVSpec"),
            SchemaCase(name: "csv extra keyword", document: #"{"extra":true}"#, valid: false, definition: "CSVSpec"),
            SchemaCase(name: "skip_header:true", document: #"{"skip_header":true}"#, valid: true, definition: "CSVSpec"),
            SchemaCase(name: "skip_header:false", document: #"{"skip_header":false}"#, valid: true, definition: "CSVSpec"),
            SchemaCase(name: "null skip_header", document: #"{"skip_header":null}"#, valid: false, definition: "CSVSpec"),
            SchemaCase(name: "bad skip_header", document: #"{"skip_header":123}"#, valid: false, definition: "CSVSpec"),
            SchemaCase(name: "empty delimiter", document: #"{"delimiter":""}"#, valid: false, definition: "CSVSpec"),
            SchemaCase(name: "null delimiter", document: #"{"delimiter":null}"#, valid: false, definition: "CSVSpec"),
            SchemaCase(name: "bad delimiter", document: #"{"delimiter":123}"#, valid: false, definition: "CSVSpec"),
            SchemaCase(name: "delimiter ,,", document: #"{"delimiter":",,"}"#, valid: false, definition: "CSVSpec"),
            SchemaCase(name: "tab delimiter", document: #"{"delimiter":"\t"}"#, valid: true, definition: "CSVSpec"),
            SchemaCase(name: "space delimiter", document: #"{"delimiter":" "}"#, valid: true, definition: "CSVSpec"),
            SchemaCase(name: "json empty", document: "{}", valid: true, definition: "JSONSpec"),
            SchemaCase(name: "json extra keyword", document: #"{"extra":true}"#, valid: false, definition: "JSONSpec"),
            SchemaCase(name: "parquet empty", document: "{}", valid: true, definition: "ParquetSpec"),
            SchemaCase(name: "parquet extra keyword", document: #"{"extra":true}"#, valid: false, definition: "ParquetSpec"),
            SchemaCase(name: "invalid version", document: #"{"version":"invalid"}"#, valid: false, definition: "ParquetSpec"),
            SchemaCase(name: "valid version", document: #"{"version":"v1.0"}"#, valid: true, definition: "ParquetSpec"),
            SchemaCase(name: "valid root_repetition", document: #"{"root_repetition":"undefined"}"#, valid: true, definition: "ParquetSpec"),
            SchemaCase(name: "invalid root_repetition", document: #"{"root_repetition":"invalid"}"#, valid: false, definition: "ParquetSpec"),
            SchemaCase(name: "valid max_row_group_length", document: #"{"max_row_group_length":256}"#, valid: true, definition: "ParquetSpec"),
            SchemaCase(name: "invalid max_row_group_length", document: #"{"max_row_group_length":-4}"#, valid: false, definition: "ParquetSpec"),
        ])
    }

    /// configtype.Duration schema (plugin-sdk duration_test.go) and the rest of the keys.
    @Test func durationCredentialsAndOtherKeys() throws {
        func s(_ extra: String = "", _ format: String = "csv", _ path: String = "{{UUID}}") -> String {
            Self.spec(extra, format: format, path: path)
        }
        try Self.check([
            SchemaCase(name: "duration empty", document: #""""#, valid: false, definition: "Duration"),
            SchemaCase(name: "duration null", document: "null", valid: false, definition: "Duration"),
            SchemaCase(name: "duration bad type", document: "false", valid: false, definition: "Duration"),
            SchemaCase(name: "duration 1h2m3.5s", document: #""1h2m3.5s""#, valid: true, definition: "Duration"),
            SchemaCase(name: "duration -50m30s", document: #""-50m30s""#, valid: true, definition: "Duration"),
            SchemaCase(name: "duration number", document: "30", valid: false, definition: "Duration"),
            SchemaCase(name: "batch_timeout 30s", document: s(#""batch_timeout":"30s""#), valid: true),
            SchemaCase(name: "batch_timeout number", document: s(#""batch_timeout":30"#), valid: false),
            SchemaCase(name: "role_arn", document: s(#""credentials":{"role_arn":"arn:aws:iam::123456789012:role/r"}"#), valid: true),
            SchemaCase(name: "bad role_arn", document: s(#""credentials":{"role_arn":"role/r"}"#), valid: false),
            SchemaCase(name: "empty role_arn", document: s(#""credentials":{"role_arn":""}"#), valid: true),
            SchemaCase(name: "credentials unknown key", document: s(#""credentials":{"secret":"x"}"#), valid: false),
            SchemaCase(name: "credentials null", document: s(#""credentials":null"#), valid: true),
            SchemaCase(name: "unknown top-level key", document: s(#""batch_size_rows":5"#), valid: false),
            SchemaCase(name: "sse bad enum", document: s(#""server_side_encryption_configuration":{"server_side_encryption":"DES","sse_kms_key_id":"k"}"#), valid: false),
            SchemaCase(name: "sse kms dsse", document: s(#""server_side_encryption_configuration":{"server_side_encryption":"aws:kms:dsse","sse_kms_key_id":""}"#), valid: true),
            SchemaCase(name: "test_write null", document: s(#""test_write":null"#), valid: true),
            SchemaCase(name: "max_retries float", document: s(#""max_retries":1.5"#), valid: false),
            SchemaCase(name: "max_concurrent_requests 8", document: s(#""max_concurrent_requests":8"#), valid: true),
            SchemaCase(name: "max_concurrent_requests null", document: s(#""max_concurrent_requests":null"#), valid: true),
            SchemaCase(name: "max_concurrent_requests 0", document: s(#""max_concurrent_requests":0"#), valid: false),
            SchemaCase(name: "max_concurrent_requests 1025", document: s(#""max_concurrent_requests":1025"#), valid: false),
            SchemaCase(name: "max_concurrent_requests string", document: s(#""max_concurrent_requests":"8""#), valid: false),
            SchemaCase(name: "every key", document: s(#""compression":"gzip","format_spec":{"delimiter":";"},"local_profile":"p","no_rotate":false,"athena":true,"test_write":false,"content_type":"x","endpoint":"http://h","use_path_style":true,"endpoint_skip_tls_verify":true,"acl":"private","write_empty_objects_for_empty_tables":false,"batch_size":1,"batch_size_bytes":1,"batch_timeout":"1s","aws_debug":true,"max_retries":1,"max_backoff":1,"part_size":5242880"#), valid: true),
        ])
    }
}
