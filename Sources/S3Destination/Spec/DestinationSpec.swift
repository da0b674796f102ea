import GoText

/// The plugin's `spec:` block as the Go plugin holds it before and after `Validate()` /
/// `SetDefaults()`: optionals are Go's pointer fields (absent vs. explicitly set), strings are
/// kept raw so validation can reject them with Go's messages.
///
/// Production code should use `DestinationConfig.load`, which runs the whole Go init sequence
/// and hands back non-optional, typed values.
public struct DestinationSpec: Sendable, Equatable {
    // From the embedded filetypes.FileSpec.
    public var format: String = ""
    /// `format_spec` exactly as decoded (any JSON value); interpreted by `validate()`.
    var formatSpecJSON: GoJSONValue? = nil
    public var compression: String = ""

    public var bucket: String = ""
    public var region: String = ""
    public var localProfile: String = ""
    public var credentials: SpecCredentials? = nil
    public var path: String = ""
    public var noRotate: Bool = false
    public var athena: Bool = false
    public var testWrite: Bool? = nil
    public var contentType: String = ""
    public var endpoint: String = ""
    public var serverSideEncryptionConfiguration: ServerSideEncryptionConfiguration? = nil
    public var usePathStyle: Bool = false
    public var endpointSkipTLSVerify: Bool = false
    public var acl: String = ""
    /// JSON key `write_empty_objects_for_empty_tables` (Go field `GenerateEmptyObjects`).
    public var writeEmptyObjectsForEmptyTables: Bool = false
    public var batchSize: Int64? = nil
    public var batchSizeBytes: Int64? = nil
    public var batchTimeout: GoDuration? = nil
    public var awsDebug: Bool = false
    public var maxRetries: Int? = nil
    /// Seconds.
    public var maxBackoff: Int? = nil
    public var partSize: Int64? = nil

    // Beyond the Go plugin (DestinationSpec+Extensions.swift).
    public var memoryBudgetBytes: Int64? = nil
    public var requestChecksumCalculation: String = ""
    public var manifestPath: String = ""
    /// Most S3 requests in flight at once, for the whole Write stream.
    public var maxConcurrentRequests: Int? = nil
    public var objectOptions = ObjectOptions()
    public var maxOpenPartitions: Int64? = nil

    /// `format` + `format_spec` after `validate()` succeeded (Go keeps these in FileSpec's
    /// private fields, filled by `Validate()`).
    public internal(set) var resolvedFormat: FormatSpec? = nil

    public init() {}

    /// Decodes the Init request's spec bytes with Go `encoding/json` semantics (see
    /// `SpecDecoder`). Throws `SpecError(.decode, "failed to unmarshal s3 spec: ...")`.
    public init<Bytes: Collection>(json bytes: Bytes) throws where Bytes.Element == UInt8 {
        self = try SpecDecoder.decodeSpec(bytes)
    }
}
