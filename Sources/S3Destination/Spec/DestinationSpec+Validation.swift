extension DestinationSpec {
    /// The canned ACLs the AWS SDK knows (`types.ObjectCannedACL.Values()`).
    public static let cannedACLs: [String] = [
        "private", "public-read", "public-read-write", "authenticated-read", "aws-exec-read",
        "bucket-owner-read", "bucket-owner-full-control",
    ]

    /// Go `Spec.Validate()`: the checks in Go's order with Go's messages, on the values as
    /// the user wrote them (it runs before `setDefaults()`). Like Go, it also decodes
    /// `format_spec`, applies its defaults and stores the result in `resolvedFormat`.
    public mutating func validate() throws {
        if bucket.isEmpty {
            throw SpecError(.validation, "`bucket` is required")
        }
        if region.isEmpty {
            throw SpecError(.validation, "`region` is required")
        }
        if path.isEmpty {
            throw SpecError(.validation, "`path` is required")
        }
        if GoPath.isAbs(path) {
            throw SpecError(.validation, "`path` should not start with a \"/\"")
        }
        if !GoStrings.equal(path, GoPath.clean(path)) {
            throw SpecError(.validation, "`path` should not contain relative paths or duplicate slashes")
        }
        if writeEmptyObjectsForEmptyTables && !GoStrings.equal(format, OutputFormat.parquet.rawValue) {
            throw SpecError(
                .validation, "`write_empty_objects_for_empty_tables` can only be used with `parquet` format")
        }
        if !localProfile.isEmpty, let credentials, credentials.hasAnyValue {
            throw SpecError(.validation, "`local_profile` cannot be used with `credentials`")
        }
        if noRotate {
            if GoStrings.contains(path, PathVariable.uuid) {
                throw SpecError(.validation, "`path` should not contain {{UUID}} when `no_rotate` = true")
            }
            if (batchSize ?? 0) > 0 || (batchSizeBytes ?? 0) > 0 || (batchTimeout ?? .zero) > .zero {
                throw SpecError(
                    .validation,
                    "`no_rotate` cannot be used with non-zero `batch_size`, `batch_size_bytes` or `batch_timeout_ms`")
            }
        }
        if !GoStrings.contains(path, PathVariable.uuid) && batchingEnabled {
            throw SpecError(
                .validation,
                "`path` should contain {{UUID}} when using a non-zero `batch_size`, `batch_size_bytes` or `batch_timeout_ms`")
        }
        if !acl.isEmpty && !Self.cannedACLs.contains(where: { GoStrings.equal($0, acl) }) {
            throw SpecError(.validation, "invalid `acl` value: \(acl)")
        }
        switch FormatSpecDecoder.resolve(format: format, formatSpec: formatSpecJSON, compression: compression) {
        case .success(let resolved):
            resolvedFormat = resolved
        case .failure(let error):
            throw error
        }
    }

    /// Go `batchingEnabled()`: rotation is on and at least one limit is unset or positive.
    var batchingEnabled: Bool {
        if noRotate { return false }
        return (batchSize.map { $0 > 0 } ?? true)
            || (batchSizeBytes.map { $0 > 0 } ?? true)
            || (batchTimeout.map { $0 > .zero } ?? true)
    }

    public static let defaultBatchSize: Int64 = 10_000
    public static let defaultBatchSizeBytes: Int64 = 50 * 1024 * 1024
    public static let defaultBatchTimeout = GoDuration.seconds(30)
    public static let defaultMaxRetries = 3
    public static let defaultMaxBackoffSeconds = 30
    /// The AWS SDK's `manager.DefaultUploadPartSize`.
    public static let defaultPartSize: Int64 = 5 * 1024 * 1024

    /// Go `Spec.SetDefaults()`.
    public mutating func setDefaults() {
        if !GoStrings.contains(path, PathVariable.table) {
            // Backwards compatibility: old configs named only a directory. No compression
            // extension here (Go adds none either).
            path += "/\(PathVariable.table).\(format)"
            if !noRotate {
                path += "." + PathVariable.uuid
            }
        }
        if testWrite == nil {
            testWrite = true
        }
        if batchSize == nil {
            batchSize = noRotate ? 0 : Self.defaultBatchSize
        }
        if batchSizeBytes == nil {
            batchSizeBytes = noRotate ? 0 : Self.defaultBatchSizeBytes
        }
        if batchTimeout == nil {
            batchTimeout = noRotate ? .zero : Self.defaultBatchTimeout
        }
        if !localProfile.isEmpty {
            credentials = SpecCredentials(localProfile: localProfile)
        }
        if maxRetries == nil {
            maxRetries = Self.defaultMaxRetries
        }
        if maxBackoff == nil {
            maxBackoff = Self.defaultMaxBackoffSeconds
        }
        if partSize == nil {
            partSize = Self.defaultPartSize
        }
    }

    /// Go `GetContentType()` on the raw values.
    public var resolvedContentType: String {
        ContentType.resolve(override: contentType, format: format, compression: compression)
    }
}

/// The Content-Type of data objects (reference §4.5).
public enum ContentType {
    /// `content_type` wins; then compression (`application/gzip`, or octet-stream for any other
    /// non-empty value); then the format; anything else is `application/octet-stream`.
    public static func resolve(override: String, format: String, compression: String) -> String {
        if !override.isEmpty {
            return override
        }
        if !compression.isEmpty {
            return OutputCompression(goName: compression)?.contentType ?? "application/octet-stream"
        }
        switch OutputFormat(goName: format) {
        case .json: return "application/json"
        case .csv: return "text/csv"
        case .parquet: return "application/vnd.apache.parquet"
        case nil: return "application/octet-stream"
        }
    }
}
