extension DestinationSpec {
    /// The canned ACLs the AWS SDK knows (`types.ObjectCannedACL.Values()`).
    static let cannedACLs: [String] = [
        "private", "public-read", "public-read-write", "authenticated-read", "aws-exec-read",
        "bucket-owner-read", "bucket-owner-full-control",
    ]

    /// Go `Spec.Validate()`: the checks in Go's order with Go's messages, on the values as
    /// the user wrote them (it runs before Go's `SetDefaults()`). Like Go, it also decodes
    /// `format_spec` and applies its defaults: the result is returned.
    @discardableResult
    func validate() throws -> FormatSpec {
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
        let resolved = try FormatSpecDecoder.resolve(format: format, formatSpec: formatSpecJSON, compression: compression).get()
        try validateExtensions()
        return resolved
    }

    /// Go `batchingEnabled()`: rotation is on and at least one limit is unset or positive.
    var batchingEnabled: Bool {
        if noRotate { return false }
        return (batchSize.map { $0 > 0 } ?? true)
            || (batchSizeBytes.map { $0 > 0 } ?? true)
            || (batchTimeout.map { $0 > .zero } ?? true)
    }
}
