@testable import AWSAuth
import Foundation
import Testing
@testable import S3Destination

/// The single entry point: what Go `client.New` does with the spec bytes.
@Suite struct DestinationConfigTests {
    static func load(_ json: String, invocationID: String = "inv-1") throws -> DestinationConfig {
        try DestinationConfig.load(spec: Array(json.utf8), invocationID: invocationID)
    }

    @Test func minimalSpecGetsEveryDefault() throws {
        let c = try Self.load(#"{"bucket":"b","format":"parquet","path":"out/{{TABLE}}/{{UUID}}.{{FORMAT}}","region":"eu-west-1"}"#)
        #expect(c.bucket == "b" && c.region == "eu-west-1")
        #expect(c.path == "out/{{TABLE}}/{{UUID}}.{{FORMAT}}")
        #expect(c.format == .parquet(ParquetSpec()))
        #expect(c.outputFormat == .parquet && c.compression == .none)
        #expect(c.contentType == "application/vnd.apache.parquet")
        #expect(!c.noRotate && !c.athena && c.testWrite)
        #expect(c.endpoint.isEmpty && !c.usePathStyle && !c.endpointSkipTLSVerify && c.acl.isEmpty)
        #expect(c.serverSideEncryptionConfiguration == nil && c.credentials == nil && c.localProfile.isEmpty)
        #expect(c.batchSize == 10_000 && c.batchSizeBytes == 52_428_800 && c.batchTimeout == .seconds(30))
        #expect(c.maxRetries == 3 && c.maxBackoffSeconds == 30 && c.partSize == 5_242_880)
        #expect(!c.awsDebug && !c.writeEmptyObjectsForEmptyTables)
        #expect(c.invocationID == "inv-1")
    }

    @Test func keysAndTestObjectKey() throws {
        let c = try Self.load(
            #"{"bucket":"b","compression":"gzip","format":"json","path":"{{SYNC_ID}}/{{TABLE}}/dt={{YEAR}}-{{MONTH}}-{{DAY}}/{{UUID}}.{{FORMAT}}","region":"r"}"#,
            invocationID: "0b8f3a52")
        let t = Date(timeIntervalSince1970: 1_614_916_862)  // 2021-03-05 04:01:02 UTC
        #expect(c.objectKey(table: "aws_s3_buckets", uuid: "8c2e", time: t)
            == "0b8f3a52/aws_s3_buckets/dt=2021-03-05/8c2e.json.gz")
        #expect(c.testObjectKey(time: t) == "0b8f3a52/TEST_TABLE/dt=2021-03-05/TEST_UUID.json.gz")
        #expect(c.contentType == "application/gzip")
    }

    @Test func legacyPathWithoutTableGetsSuffix() throws {
        let c = try Self.load(#"{"bucket":"b","format":"csv","path":"dir","region":"r","batch_size":0,"batch_size_bytes":0,"batch_timeout":"0s"}"#)
        #expect(c.path == "dir/{{TABLE}}.csv.{{UUID}}")
        #expect(c.batchSize == 0 && c.batchSizeBytes == 0 && c.batchTimeout == .zero)
        #expect(c.objectKey(table: "t", uuid: "u", time: Date(timeIntervalSince1970: 0)) == "dir/t.csv.u")
        let n = try Self.load(#"{"bucket":"b","format":"csv","path":"dir","region":"r","no_rotate":true}"#)
        #expect(n.path == "dir/{{TABLE}}.csv")
        #expect(n.noRotate && n.batchSize == 0 && n.batchSizeBytes == 0 && n.batchTimeout == .zero)
    }

    @Test func syncIDNeedsAnInvocationID() throws {
        let json = #"{"bucket":"b","format":"csv","path":"{{SYNC_ID}}/{{UUID}}","region":"r"}"#
        #expect(throws: SpecError(.syncIDUnavailable, "path contains {{SYNC_ID}}. Upgrade your CLI to use this path variable")) {
            _ = try Self.load(json, invocationID: "")
        }
        // No {{TABLE}}, so the legacy suffix is appended.
        #expect(try Self.load(json, invocationID: "abc").objectKey(table: "t", uuid: "u", time: Date()) == "abc/u/t.csv.u")
        // Validation errors come first.
        #expect(throws: SpecError(.validation, "`region` is required")) {
            _ = try Self.load(#"{"bucket":"b","path":"{{SYNC_ID}}"}"#, invocationID: "")
        }
    }

    @Test func localProfileBecomesCredentials() throws {
        let c = try Self.load(#"{"bucket":"b","format":"json","local_profile":"dev","path":"{{UUID}}","region":"r"}"#)
        #expect(c.localProfile == "dev")
        #expect(c.credentials == SpecCredentials(localProfile: "dev"))
        #expect(throws: SpecError(.validation, "`local_profile` cannot be used with `credentials`")) {
            _ = try Self.load(#"{"bucket":"b","credentials":{"role_arn":"arn"},"format":"json","local_profile":"dev","path":"{{UUID}}","region":"r"}"#)
        }
    }

    @Test func everyOptionFlowsThrough() throws {
        let c = try Self.load("""
            {"acl":"bucket-owner-full-control","athena":true,"aws_debug":true,"batch_size":100,"batch_size_bytes":200,\
            "batch_timeout":"1m","bucket":"b","content_type":"x/y","credentials":{"external_id":"e","role_arn":"arn:aws:iam::1:role/r",\
            "role_session_name":"s"},"endpoint":"http://127.0.0.1:7480","endpoint_skip_tls_verify":true,"format":"csv",\
            "format_spec":{"delimiter":"\\t","skip_header":true},"max_backoff":5,"max_retries":10,"part_size":8388608,\
            "path":"p/{{UUID}}","region":"r","server_side_encryption_configuration":{"server_side_encryption":"AES256",\
            "sse_kms_key_id":""},"test_write":false,"use_path_style":true}
            """)
        #expect(c.acl == "bucket-owner-full-control" && c.athena && c.awsDebug)
        #expect(c.batchSize == 100 && c.batchSizeBytes == 200 && c.batchTimeout == .seconds(60))
        #expect(c.contentType == "x/y")
        #expect(c.credentials == SpecCredentials(roleARN: "arn:aws:iam::1:role/r", roleSessionName: "s", externalID: "e"))
        #expect(c.endpoint == "http://127.0.0.1:7480" && c.endpointSkipTLSVerify && c.usePathStyle)
        #expect(c.format == .csv(CSVSpec(delimiter: "\t", skipHeader: true)))
        #expect(c.maxBackoffSeconds == 5 && c.maxRetries == 10 && c.partSize == 8_388_608)
        #expect(c.serverSideEncryptionConfiguration == ServerSideEncryptionConfiguration(sseKMSKeyID: "", serverSideEncryption: "AES256"))
        #expect(!c.testWrite)
    }

    @Test func errorsAreSpecErrorsWithGoText() {
        do {
            _ = try Self.load(#"{"batch_size":"10"}"#)
            Issue.record("expected an error")
        } catch let error as SpecError {
            #expect(error.kind == .decode)
            #expect(error.description
                == "failed to unmarshal s3 spec: json: cannot unmarshal string into Go struct field Spec.batch_size of type int64")
            #expect(error.localizedDescription == error.description)
        } catch {
            Issue.record("unexpected error type \(error)")
        }
    }

    @Test func buildsTheS3ClientAndWriteSettings() throws {
        let spec = #"{"bucket":"b","format":"json","path":"{{TABLE}}/{{UUID}}","region":"eu-west-1","#
        let defaults = try Self.load(spec + #""max_retries":5,"max_backoff":7}"#)
        let client = defaults.s3ClientConfig(credentials: StaticCredentialsProvider(Credentials(accessKeyId: "a", secretAccessKey: "s")))
        #expect(client.region == "eu-west-1" && client.endpoint == nil && !client.usePathStyle)
        #expect(client.checksums == .crc32)
        #expect(client.retry.maxAttempts == 5 && client.retry.maxBackoff == 7)
        #expect(client.maxConcurrentRequests == DestinationSpec.defaultMaxConcurrentRequests)
        let settings = defaults.writeSettings
        #expect(settings.limits.rows == 10_000 && settings.limits.bytes == 52_428_800)
        #expect(settings.timeout == .seconds(30) && settings.contentType == "application/json")
        #expect(settings.partSize == 5_242_880 && settings.maxOpenPartitions == 64)

        let noChecksums = try Self.load(
            spec + #""request_checksum_calculation":"when_required","endpoint":"http://127.0.0.1:7480","use_path_style":true}"#)
        let custom = noChecksums.s3ClientConfig(credentials: StaticCredentialsProvider(Credentials(accessKeyId: "a", secretAccessKey: "s")))
        #expect(custom.checksums == .none && custom.endpoint == "http://127.0.0.1:7480" && custom.usePathStyle)
        let noRotate = try Self.load(#"{"bucket":"b","format":"json","path":"{{TABLE}}","region":"r","no_rotate":true}"#)
        #expect(noRotate.writeSettings.timeout == nil)
    }
}
