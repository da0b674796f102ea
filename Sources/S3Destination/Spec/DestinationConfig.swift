import FileFormats
import Foundation
import S3Client

/// The destination's settings after the Go plugin's whole init sequence for the spec
/// (cloudquery/cloudquery plugins/destination/s3 `client/client.go` `New`: decode, `Validate()`,
/// `SetDefaults()`, the `{{SYNC_ID}}` check).
///
/// The values as the user wrote them are read from `spec` (through dynamic member lookup, so
/// `config.bucket` is `spec.bucket`); only what `SetDefaults()` fills in and what validation
/// resolves (format, compression, Content-Type, checksum mode, credentials) is stored here, once
/// and typed. The S3 client configuration, the write settings and the format options are built
/// from it (`DestinationConfig+S3Client.swift`, `+WriteSettings.swift`, `FormatSupport.swift`).
@dynamicMemberLookup
struct DestinationConfig: Sendable, Equatable {
    /// The spec as decoded and validated; unset Go pointer fields are still nil here.
    let spec: DestinationSpec
    let format: FormatSpec
    var outputFormat: OutputFormat { format.outputFormat }
    let compression: ObjectCompression
    /// The path template with the legacy suffix applied when it lacked `{{TABLE}}`.
    let pathTemplate: PathTemplate
    var path: String { pathTemplate.template }
    /// Content-Type of data objects (`content_type`, else by compression, else by format).
    let contentType: String
    let testWrite: Bool
    /// Rows per object (0 = unlimited, only with no_rotate).
    let batchSize: Int64
    /// Arrow in-memory bytes per object (0 = unlimited, only with no_rotate).
    let batchSizeBytes: Int64
    /// Longest time an object stays open (0 = no timer, only with no_rotate).
    let batchTimeout: GoDuration
    /// Total attempts per request including the first (AWS `MaxAttempts`).
    let maxRetries: Int
    let maxBackoffSeconds: Int
    /// Multipart part size in bytes; a body shorter than this is sent with one PutObject.
    let partSize: Int64
    /// Beyond Go: bytes a Write stream may hold in open objects and uploads in flight.
    let memoryBudgetBytes: Int
    /// Beyond Go: `request_checksum_calculation`: CRC32 checksums on uploads (`when_supported`, the
    /// AWS SDK's default) or none (`when_required`).
    let checksums: S3ClientConfig.ChecksumMode
    /// Beyond Go: the most S3 requests in flight at once for a Write stream (lower while S3 throttles).
    let maxConcurrentRequests: Int
    /// Beyond Go: open objects per table when `path` has row variables; the least recently written closes first.
    let maxOpenPartitions: Int
    /// `credentials`, with `local_profile` folded in as Go's `SetDefaults()` does.
    let credentials: SpecCredentials?
    /// The CLI's invocation id, the value of `{{SYNC_ID}}`.
    let invocationID: String

    /// A value as the user wrote it (`config.bucket`, `config.acl`, …).
    subscript<Value>(dynamicMember field: KeyPath<DestinationSpec, Value>) -> Value {
        spec[keyPath: field]
    }

    /// Runs the Go init steps 2-3 on the Init request's spec bytes. Throws `SpecError` whose
    /// description is the Go message.
    static func load<Bytes: Collection>(spec bytes: Bytes, invocationID: String) throws -> DestinationConfig
    where Bytes.Element == UInt8 {
        let spec = try DestinationSpec(json: bytes)
        let format = try spec.validate()
        if invocationID.isEmpty && GoStrings.contains(spec.path, PathVariable.syncID) {
            throw SpecError(.syncIDUnavailable, "path contains {{SYNC_ID}}. Upgrade your CLI to use this path variable")
        }
        return DestinationConfig(validated: spec, format: format, invocationID: invocationID)
    }

    /// Go `Spec.SetDefaults()` on a spec that `validate()` accepted (which resolved `format`):
    /// what the user left out gets the Go plugin's default (zero batching with `no_rotate`).
    init(validated spec: DestinationSpec, format: FormatSpec, invocationID: String) {
        self.spec = spec
        self.format = format
        // `validate()` refused any other value.
        compression = ObjectCompression(goName: spec.compression) ?? .none
        pathTemplate = PathTemplate(
            template: spec.pathWithLegacySuffix, format: format.outputFormat, compression: compression)
        contentType = spec.resolvedContentType
        testWrite = spec.testWrite ?? true
        batchSize = spec.batchSize ?? (spec.noRotate ? 0 : DestinationSpec.defaultBatchSize)
        batchSizeBytes = spec.batchSizeBytes ?? (spec.noRotate ? 0 : DestinationSpec.defaultBatchSizeBytes)
        batchTimeout = spec.batchTimeout ?? (spec.noRotate ? .zero : DestinationSpec.defaultBatchTimeout)
        maxRetries = spec.maxRetries ?? DestinationSpec.defaultMaxRetries
        maxBackoffSeconds = spec.maxBackoff ?? DestinationSpec.defaultMaxBackoffSeconds
        partSize = spec.partSize ?? DestinationSpec.defaultPartSize
        memoryBudgetBytes = Int(spec.memoryBudgetBytes ?? DestinationSpec.defaultMemoryBudgetBytes)
        checksums = GoStrings.equal(spec.requestChecksumCalculation, "when_required") ? .none : .crc32
        maxConcurrentRequests = spec.maxConcurrentRequests ?? DestinationSpec.defaultMaxConcurrentRequests
        maxOpenPartitions = Int(spec.maxOpenPartitions ?? DestinationSpec.defaultMaxOpenPartitions)
        credentials = spec.localProfile.isEmpty ? spec.credentials : SpecCredentials(localProfile: spec.localProfile)
        self.invocationID = invocationID
    }

    /// The key of a data object created at `time` (Go: `time.Now().UTC()` when the batch's
    /// first message arrives) with a fresh lowercase UUID.
    /// `partitionValues`: the escaped values of the path's row variables (`{{.column}}`).
    func objectKey(table: String, uuid: String, time: Date, partitionValues: [String] = []) -> String {
        pathTemplate.renderKey(
            table: table, uuid: uuid, time: time, syncID: invocationID, partitionValues: partitionValues)
    }

    /// The key of the init-time test object: table `TEST_TABLE`, uuid `TEST_UUID`.
    func testObjectKey(time: Date) -> String {
        pathTemplate.renderKey(table: "TEST_TABLE", uuid: "TEST_UUID", time: time, syncID: invocationID)
    }
}
