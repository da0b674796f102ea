import Foundation

/// The destination's settings after the Go plugin's whole init sequence for the spec
/// (`client.New`: decode, `Validate()`, `SetDefaults()`, `{{SYNC_ID}}` check): every default
/// applied, every value typed.
public struct DestinationConfig: Sendable, Equatable {
    public let bucket: String
    public let region: String
    /// The path template with the legacy suffix applied when it lacked `{{TABLE}}`.
    public var path: String { pathTemplate.template }
    public let pathTemplate: PathTemplate
    public let format: FormatSpec
    public var outputFormat: OutputFormat { format.outputFormat }
    public let compression: OutputCompression
    /// Content-Type of data objects (`content_type`, else by compression, else by format).
    public let contentType: String
    public let noRotate: Bool
    public let athena: Bool
    public let testWrite: Bool
    /// Custom S3 endpoint URL; "" for AWS.
    public let endpoint: String
    public let usePathStyle: Bool
    public let endpointSkipTLSVerify: Bool
    /// A canned ACL for data objects, or "" for none.
    public let acl: String
    public let serverSideEncryption: ServerSideEncryptionConfiguration?
    public let writeEmptyObjectsForEmptyTables: Bool
    /// Rows per object (0 = unlimited, only with no_rotate).
    public let batchSize: Int64
    /// Arrow in-memory bytes per object (0 = unlimited, only with no_rotate).
    public let batchSizeBytes: Int64
    /// Longest time an object stays open (0 = no timer, only with no_rotate).
    public let batchTimeout: GoDuration
    public let awsDebug: Bool
    /// Total attempts per request including the first (AWS `MaxAttempts`).
    public let maxRetries: Int
    public let maxBackoffSeconds: Int
    /// Multipart part size in bytes; a body shorter than this is sent with one PutObject.
    public let partSize: Int64
    /// Beyond Go: bytes a Write stream may hold in open objects and uploads in flight.
    public let memoryBudgetBytes: Int
    /// Beyond Go: CRC32 checksums on uploads (`when_supported`, the AWS SDK's default) or none (`when_required`).
    public let sendChecksums: Bool
    /// Beyond Go: the most S3 requests in flight at once for a Write stream (lower while S3 throttles).
    public let maxConcurrentRequests: Int
    /// Beyond Go: where the sync manifest goes ("" = none).
    public let manifestPath: String
    /// Beyond Go: storage class, tags, metadata, content encoding and conditional writes of data objects.
    public let objectOptions: ObjectOptions
    /// Beyond Go: open objects per table when `path` has row variables; the least recently written closes first.
    public let maxOpenPartitions: Int
    /// `local_profile` as written (already folded into `credentials`).
    public let localProfile: String
    public let credentials: SpecCredentials?
    /// The CLI's invocation id, the value of `{{SYNC_ID}}`.
    public let invocationID: String

    /// Runs the Go init steps 2-3 on the Init request's spec bytes. Throws `SpecError` whose
    /// description is the Go message.
    public static func load<Bytes: Collection>(spec bytes: Bytes, invocationID: String) throws -> DestinationConfig
    where Bytes.Element == UInt8 {
        var spec = try DestinationSpec(json: bytes)
        try spec.validate()
        spec.setDefaults()
        if invocationID.isEmpty && GoStrings.contains(spec.path, PathVariable.syncID) {
            throw SpecError(.syncIDUnavailable, "path contains {{SYNC_ID}}. Upgrade your CLI to use this path variable")
        }
        return try DestinationConfig(validatedSpec: spec, invocationID: invocationID)
    }

    /// Builds the config from a spec on which `validate()` and `setDefaults()` ran.
    public init(validatedSpec spec: DestinationSpec, invocationID: String) throws {
        guard let format = spec.resolvedFormat,
              let compression = OutputCompression(goName: spec.compression),
              let testWrite = spec.testWrite, let batchSize = spec.batchSize,
              let batchSizeBytes = spec.batchSizeBytes, let batchTimeout = spec.batchTimeout,
              let maxRetries = spec.maxRetries, let maxBackoff = spec.maxBackoff, let partSize = spec.partSize,
              let memoryBudget = spec.memoryBudgetBytes, let maxConcurrentRequests = spec.maxConcurrentRequests
        else {
            throw SpecError(.validation, "internal error: the spec must be validated and defaulted before use")
        }
        bucket = spec.bucket
        region = spec.region
        pathTemplate = PathTemplate(template: spec.path, format: format.outputFormat, compression: compression)
        self.format = format
        self.compression = compression
        contentType = spec.resolvedContentType
        noRotate = spec.noRotate
        athena = spec.athena
        self.testWrite = testWrite
        endpoint = spec.endpoint
        usePathStyle = spec.usePathStyle
        endpointSkipTLSVerify = spec.endpointSkipTLSVerify
        acl = spec.acl
        serverSideEncryption = spec.serverSideEncryptionConfiguration
        writeEmptyObjectsForEmptyTables = spec.writeEmptyObjectsForEmptyTables
        self.batchSize = batchSize
        self.batchSizeBytes = batchSizeBytes
        self.batchTimeout = batchTimeout
        awsDebug = spec.awsDebug
        self.maxRetries = maxRetries
        maxBackoffSeconds = maxBackoff
        self.partSize = partSize
        memoryBudgetBytes = Int(memoryBudget)
        self.maxConcurrentRequests = maxConcurrentRequests
        sendChecksums = !GoStrings.equal(spec.requestChecksumCalculation, "when_required")
        manifestPath = spec.manifestPath
        objectOptions = spec.objectOptions
        maxOpenPartitions = Int(spec.maxOpenPartitions ?? DestinationSpec.defaultMaxOpenPartitions)
        localProfile = spec.localProfile
        credentials = spec.credentials
        self.invocationID = invocationID
    }

    /// The key of a data object created at `time` (Go: `time.Now().UTC()` when the batch's
    /// first message arrives) with a fresh lowercase UUID.
    /// `partitionValues`: the escaped values of the path's row variables (`{{.column}}`).
    public func objectKey(table: String, uuid: String, time: Date, partitionValues: [String] = []) -> String {
        pathTemplate.renderKey(
            table: table, uuid: uuid, time: time, syncID: invocationID, partitionValues: partitionValues)
    }

    /// The key of the init-time test object: table `TEST_TABLE`, uuid `TEST_UUID`.
    public func testObjectKey(time: Date) -> String {
        pathTemplate.renderKey(table: "TEST_TABLE", uuid: "TEST_UUID", time: time, syncID: invocationID)
    }
}
