import GoText

/// The plugin's `spec:` block as the Go plugin holds it before and after `Validate()` /
/// `SetDefaults()`: optionals are Go's pointer fields (absent vs. explicitly set), strings are
/// kept raw so validation can reject them with Go's messages.
///
/// Production code should use `DestinationConfig.load`, which runs the whole Go init sequence
/// and types what `SetDefaults()` fills in.
struct DestinationSpec: Sendable, Equatable {
    // From the embedded filetypes.FileSpec.
    var format: String = ""
    /// `format_spec` exactly as decoded (any JSON value); interpreted by `validate()`.
    var formatSpecJSON: GoJSONValue? = nil
    var compression: String = ""

    var bucket: String = ""
    var region: String = ""
    var localProfile: String = ""
    var credentials: SpecCredentials? = nil
    var path: String = ""
    var noRotate: Bool = false
    var athena: Bool = false
    var testWrite: Bool? = nil
    var contentType: String = ""
    var endpoint: String = ""
    var serverSideEncryptionConfiguration: ServerSideEncryptionConfiguration? = nil
    var usePathStyle: Bool = false
    var endpointSkipTLSVerify: Bool = false
    var acl: String = ""
    /// JSON key `write_empty_objects_for_empty_tables` (Go field `GenerateEmptyObjects`).
    var writeEmptyObjectsForEmptyTables: Bool = false
    var batchSize: Int64? = nil
    var batchSizeBytes: Int64? = nil
    var batchTimeout: GoDuration? = nil
    var awsDebug: Bool = false
    var maxRetries: Int? = nil
    /// Seconds.
    var maxBackoff: Int? = nil
    var partSize: Int64? = nil

    // Beyond the Go plugin (DestinationSpec+Extensions.swift).
    var memoryBudgetBytes: Int64? = nil
    var requestChecksumCalculation: String = ""
    var manifestPath: String = ""
    /// Most S3 requests in flight at once, for the whole Write stream.
    var maxConcurrentRequests: Int? = nil
    var objectOptions = ObjectOptions()
    var maxOpenPartitions: Int64? = nil

    init() {}

    /// Decodes the Init request's spec bytes with Go `encoding/json` semantics (see
    /// `SpecDecoder`). Throws `SpecError(.decode, "failed to unmarshal s3 spec: ...")`.
    init<Bytes: Collection>(json bytes: Bytes) throws where Bytes.Element == UInt8 {
        self = try SpecDecoder.decodeSpec(bytes)
    }
}
