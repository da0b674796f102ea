import Testing
@testable import GoText
@testable import S3Destination

/// Ports of the Go plugin's `TestSpec_Validate` and `TestSpec_SetDefaults`
/// (client/spec/spec_test.go), plus every `Validate()` message in Go's order.
@Suite struct SpecValidationTests {
    static let region = "us-east-1"

    /// A spec built like the Go test's struct literals.
    static func spec(
        path: String, format: String = "json", bucket: String = "mybucket", region: String = region,
        noRotate: Bool = false, batchSize: Int64? = nil, batchSizeBytes: Int64? = nil,
        batchTimeout: GoDuration? = nil, acl: String = "", writeEmpty: Bool = false,
        localProfile: String = "", credentials: SpecCredentials? = nil
    ) -> DestinationSpec {
        var s = DestinationSpec()
        s.path = path
        s.format = format
        s.bucket = bucket
        s.region = region
        s.noRotate = noRotate
        s.batchSize = batchSize
        s.batchSizeBytes = batchSizeBytes
        s.batchTimeout = batchTimeout
        s.acl = acl
        s.writeEmptyObjectsForEmptyTables = writeEmpty
        s.localProfile = localProfile
        s.credentials = credentials
        return s
    }

    static func validationError(_ spec: DestinationSpec) -> String? {
        do {
            try spec.validate()
            return nil
        } catch {
            return "\(error)"
        }
    }

    struct ValidateCase: CustomTestStringConvertible, Sendable {
        let name: String
        let spec: DestinationSpec
        let wantError: String?
        var testDescription: String { name }
    }

    static let zero: Int64 = 0
    static let one: Int64 = 1

    /// Go's 16 cases in order; the Go test only checks "error or not", we also check the text.
    static let goValidateCases: [ValidateCase] = [
        ValidateCase(
            name: "1 zero batching, no UUID, canned ACL",
            spec: spec(path: "test/path", batchSize: zero, batchSizeBytes: zero, batchTimeout: .zero,
                       acl: "bucket-owner-full-control"),
            wantError: nil),
        ValidateCase(
            name: "2 no bucket",
            spec: spec(path: "test/path", bucket: "", region: "region", batchSize: zero, batchSizeBytes: zero,
                       batchTimeout: .zero),
            wantError: "`bucket` is required"),
        ValidateCase(
            name: "3 UUID with zero batching",
            spec: spec(path: "test/path/{{TABLE}}.{{UUID}}", batchSize: zero, batchSizeBytes: zero, batchTimeout: .zero),
            wantError: nil),
        ValidateCase(
            name: "4 empty objects with parquet",
            spec: spec(path: "test/path/{{TABLE}}.{{UUID}}", format: "parquet", batchSize: zero, batchSizeBytes: zero,
                       batchTimeout: .zero, writeEmpty: true),
            wantError: nil),
        ValidateCase(
            name: "5 parquet without empty objects",
            spec: spec(path: "test/path/{{TABLE}}.{{UUID}}", format: "parquet", batchSize: zero, batchSizeBytes: zero,
                       batchTimeout: .zero),
            wantError: nil),
        ValidateCase(
            name: "6 empty objects need parquet",
            spec: spec(path: "test/path/{{TABLE}}.{{UUID}}", batchSize: zero, batchSizeBytes: zero, batchTimeout: .zero,
                       writeEmpty: true),
            wantError: "`write_empty_objects_for_empty_tables` can only be used with `parquet` format"),
        ValidateCase(
            name: "7 no_rotate with UUID",
            spec: spec(path: "test/path/{{TABLE}}.{{UUID}}", noRotate: true, batchSize: zero, batchSizeBytes: zero,
                       batchTimeout: .zero),
            wantError: "`path` should not contain {{UUID}} when `no_rotate` = true"),
        ValidateCase(
            name: "8 non-zero batch size without UUID",
            spec: spec(path: "test/path/{{TABLE}}", batchSize: one, batchSizeBytes: zero, batchTimeout: .zero),
            wantError: "`path` should contain {{UUID}} when using a non-zero `batch_size`, `batch_size_bytes` or `batch_timeout_ms`"),
        ValidateCase(
            name: "9 begins with a slash",
            spec: spec(path: "/test/path/{{TABLE}}.{{UUID}}", noRotate: true, batchSize: zero, batchSizeBytes: zero,
                       batchTimeout: .zero),
            wantError: "`path` should not start with a \"/\""),
        ValidateCase(
            name: "10 leading duplicate slashes",
            spec: spec(path: "//test/path/{{TABLE}}.{{UUID}}", noRotate: true, batchSize: zero, batchSizeBytes: zero,
                       batchTimeout: .zero),
            wantError: "`path` should not start with a \"/\""),
        ValidateCase(
            name: "11 duplicate slashes",
            spec: spec(path: "test//path", batchSize: zero, batchSizeBytes: zero, batchTimeout: .zero),
            wantError: "`path` should not contain relative paths or duplicate slashes"),
        ValidateCase(
            name: "12 invalid acl",
            spec: spec(path: "test/path/{{TABLE}}.{{UUID}}", batchSize: zero, batchSizeBytes: zero, batchTimeout: .zero,
                       acl: "invalid"),
            wantError: "invalid `acl` value: invalid"),
        ValidateCase(
            name: "13 local profile is valid",
            spec: spec(path: "test/path/{{TABLE}}.{{UUID}}", localProfile: "my_aws_profile"),
            wantError: nil),
        ValidateCase(
            name: "14 local_profile and credentials.local_profile",
            spec: spec(path: "test/path/{{TABLE}}.{{UUID}}", localProfile: "my_aws_profile",
                       credentials: SpecCredentials(localProfile: "my_aws_profile")),
            wantError: "`local_profile` cannot be used with `credentials`"),
        ValidateCase(
            name: "15 local_profile and credentials.role_session_name",
            spec: spec(path: "test/path/{{TABLE}}.{{UUID}}", localProfile: "my_aws_profile",
                       credentials: SpecCredentials(roleSessionName: "my_aws_profile")),
            wantError: "`local_profile` cannot be used with `credentials`"),
        ValidateCase(
            name: "16 credentials alone",
            spec: spec(path: "test/path/{{TABLE}}.{{UUID}}", credentials: SpecCredentials(localProfile: "my_aws_profile")),
            wantError: nil),
    ]

    @Test(arguments: goValidateCases)
    func goValidateCase(_ c: ValidateCase) {
        #expect(Self.validationError(c.spec) == c.wantError)
    }

    @Test func validateOrderIsGoOrder() {
        // Each spec breaks every rule from some point on; the first broken rule must win.
        var s = Self.spec(path: "/a//b", format: "csv", bucket: "", region: "", noRotate: true, batchSize: 5,
                          acl: "nope", writeEmpty: true, localProfile: "p",
                          credentials: SpecCredentials(roleARN: "arn"))
        #expect(Self.validationError(s) == "`bucket` is required")
        s.bucket = "b"
        #expect(Self.validationError(s) == "`region` is required")
        s.region = "r"
        s.path = ""
        #expect(Self.validationError(s) == "`path` is required")
        s.path = "/a//b"
        #expect(Self.validationError(s) == "`path` should not start with a \"/\"")
        s.path = "a//b"
        #expect(Self.validationError(s) == "`path` should not contain relative paths or duplicate slashes")
        s.path = "a/{{UUID}}"
        #expect(Self.validationError(s) == "`write_empty_objects_for_empty_tables` can only be used with `parquet` format")
        s.writeEmptyObjectsForEmptyTables = false
        #expect(Self.validationError(s) == "`local_profile` cannot be used with `credentials`")
        s.credentials = SpecCredentials()  // present but all empty: allowed
        #expect(Self.validationError(s) == "`path` should not contain {{UUID}} when `no_rotate` = true")
        s.path = "a/b"
        #expect(Self.validationError(s)
            == "`no_rotate` cannot be used with non-zero `batch_size`, `batch_size_bytes` or `batch_timeout_ms`")
        s.noRotate = false
        #expect(Self.validationError(s)
            == "`path` should contain {{UUID}} when using a non-zero `batch_size`, `batch_size_bytes` or `batch_timeout_ms`")
        s.path = "a/{{UUID}}"
        #expect(Self.validationError(s) == "invalid `acl` value: nope")
        s.acl = "private"
        s.compression = "lz4"
        #expect(Self.validationError(s) == "`compression` must be either empty, `gzip` or `zstd`")
        s.compression = "gzip"
        #expect(Self.validationError(s) == nil)
    }

    @Test func noRotateRejectsEachPositiveBatchLimit() {
        let message = "`no_rotate` cannot be used with non-zero `batch_size`, `batch_size_bytes` or `batch_timeout_ms`"
        #expect(Self.validationError(Self.spec(path: "a", noRotate: true, batchSize: 1)) == message)
        #expect(Self.validationError(Self.spec(path: "a", noRotate: true, batchSizeBytes: 1)) == message)
        #expect(Self.validationError(Self.spec(path: "a", noRotate: true, batchTimeout: .seconds(1))) == message)
        // Zero or negative limits are not "non-zero" for Go (it checks > 0).
        #expect(Self.validationError(Self.spec(path: "a", noRotate: true, batchSize: -1,
                                               batchTimeout: GoDuration(nanoseconds: -1))) == nil)
    }

    @Test func uuidIsRequiredUnlessAllBatchLimitsAreExplicitlyZero() {
        let message = "`path` should contain {{UUID}} when using a non-zero `batch_size`, `batch_size_bytes` or `batch_timeout_ms`"
        #expect(Self.validationError(Self.spec(path: "a")) == message)  // defaults mean batching
        #expect(Self.validationError(Self.spec(path: "a", batchSize: 0, batchSizeBytes: 0)) == message)  // timeout unset
        #expect(Self.validationError(Self.spec(path: "a", batchSize: 0, batchSizeBytes: 0, batchTimeout: .zero)) == nil)
        #expect(Self.validationError(Self.spec(path: "a", noRotate: true)) == nil)
    }

    @Test func pathCleanlinessRules() {
        let relative = "`path` should not contain relative paths or duplicate slashes"
        for bad in ["a/", "./a/{{UUID}}", "a/../{{UUID}}", "a//{{UUID}}", "a/./{{UUID}}", "{{UUID}}/..", "./"] {
            #expect(Self.validationError(Self.spec(path: bad)) == relative, "\(bad)")
        }
        for good in ["{{UUID}}", "a/b/{{TABLE}}/{{UUID}}.{{FORMAT}}", "..a/{{UUID}}", "a.b/{{UUID}}", "...{{UUID}}"] {
            #expect(Self.validationError(Self.spec(path: good)) == nil, "\(good)")
        }
        // "." and ".." are already clean for Go, so only the {{UUID}} rule applies to them.
        #expect(Self.validationError(Self.spec(path: "..", noRotate: true)) == nil)
        #expect(Self.validationError(Self.spec(path: ".", noRotate: true)) == nil)
    }

    @Test func everyCannedACLIsAccepted() {
        for acl in DestinationSpec.cannedACLs {
            #expect(Self.validationError(Self.spec(path: "{{UUID}}", acl: acl)) == nil)
        }
        #expect(DestinationSpec.cannedACLs.count == 7)
        #expect(Self.validationError(Self.spec(path: "{{UUID}}", acl: "Private")) == "invalid `acl` value: Private")
        #expect(Self.validationError(Self.spec(path: "{{UUID}}", acl: "log-delivery-write"))
            == "invalid `acl` value: log-delivery-write")
    }

    // MARK: SetDefaults (Go TestSpec_SetDefaults), applied by DestinationConfig

    static func defaulted(_ s: DestinationSpec) -> DestinationConfig {
        DestinationConfig(validated: s, format: .json, invocationID: "")
    }

    @Test func defaultsAppendLegacySuffixAndBatching() {
        var s = DestinationSpec()
        s.path = "test/path"
        s.format = "json"
        let c = Self.defaulted(s)
        #expect(c.path == "test/path/{{TABLE}}.json.{{UUID}}")
        #expect(c.testWrite == true)
        #expect(c.batchSize == 10000)
        #expect(c.batchSizeBytes == Int64(50 * 1024 * 1024))
        #expect(c.batchTimeout == .seconds(30))
        #expect(c.maxRetries == 3)
        #expect(c.maxBackoffSeconds == 30)
        #expect(c.partSize == 5_242_880)
        #expect(c.credentials == nil)
    }

    @Test func defaultsKeepExplicitValuesAndPathWithTable() {
        var s = DestinationSpec()
        s.path = "test/path/{{TABLE}}.json"
        s.format = "json"
        s.formatSpecJSON = .object([GoJSONMember(key: "delimiter", value: .string(","))])
        s.testWrite = false
        let c = Self.defaulted(s)
        #expect(c.path == "test/path/{{TABLE}}.json")
        #expect(c.formatSpecJSON == .object([GoJSONMember(key: "delimiter", value: .string(","))]))
        #expect(c.testWrite == false)
        #expect(c.batchSize == 10000)
        #expect(c.batchSizeBytes == 52_428_800)
        #expect(c.batchTimeout == .seconds(30))
        #expect(c.maxRetries == 3 && c.maxBackoffSeconds == 30 && c.partSize == 5_242_880)
    }

    @Test func defaultsWithNoRotateAreZeroAndNoUUID() {
        var s = DestinationSpec()
        s.path = "test/path"
        s.format = "json"
        s.noRotate = true
        let c = Self.defaulted(s)
        #expect(c.path == "test/path/{{TABLE}}.json")
        #expect(c.testWrite == true)
        #expect(c.batchSize == 0)
        #expect(c.batchSizeBytes == 0)
        #expect(c.batchTimeout == .zero)
    }

    @Test func defaultsFoldLocalProfileIntoCredentials() {
        var s = DestinationSpec()
        s.path = "test/path"
        s.format = "json"
        s.localProfile = "my_aws_profile"
        let c = Self.defaulted(s)
        #expect(c.path == "test/path/{{TABLE}}.json.{{UUID}}")
        #expect(c.localProfile == "my_aws_profile")
        #expect(c.credentials == SpecCredentials(localProfile: "my_aws_profile"))
    }

    @Test func legacySuffixQuirks() {
        // Only the literal {{TABLE}} counts; {{TABLE_HYPHEN}} alone still gets the suffix.
        var s = DestinationSpec()
        s.path = "x/{{TABLE_HYPHEN}}/{{UUID}}"
        s.format = "csv"
        s.compression = "gzip"
        #expect(s.pathWithLegacySuffix == "x/{{TABLE_HYPHEN}}/{{UUID}}/{{TABLE}}.csv.{{UUID}}")  // no .gz either
        // Explicit values are never replaced.
        var t = DestinationSpec()
        t.path = "{{TABLE}}"
        t.batchSize = 7
        t.maxRetries = 0
        t.partSize = 1
        t.batchTimeout = .seconds(2)
        let c = Self.defaulted(t)
        #expect(c.batchSize == 7 && c.maxRetries == 0 && c.partSize == 1 && c.batchTimeout == .seconds(2))
        #expect(c.path == "{{TABLE}}")
    }
}
