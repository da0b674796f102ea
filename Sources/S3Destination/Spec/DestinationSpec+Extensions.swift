import S3Client

/// Spec keys beyond the Go plugin. Checked after all of Go's checks, so a spec that Go rejects
/// gets Go's message first.
extension DestinationSpec {
    static let defaultMemoryBudgetBytes: Int64 = 128 * 1024 * 1024
    static let minimumMemoryBudgetBytes: Int64 = 16 * 1024 * 1024
    static let checksumCalculations = ["", "when_supported", "when_required"]
    /// The S3 client's default, chosen by measurement against Ceph RGW (README, "Requests in flight and throttling").
    static let defaultMaxConcurrentRequests = S3ClientConfig.defaultMaxConcurrentRequests
    static let maxConcurrentRequestsRange = 1...1024
    /// Open objects per table when `path` has row variables (`{{.column}}`).
    static let defaultMaxOpenPartitions: Int64 = 64

    func validateExtensions() throws {
        if let budget = memoryBudgetBytes, budget < Self.minimumMemoryBudgetBytes {
            throw SpecError(.validation, "`memory_budget_bytes` must be at least \(Self.minimumMemoryBudgetBytes) (16 MiB)")
        }
        if let limit = maxConcurrentRequests, !Self.maxConcurrentRequestsRange.contains(limit) {
            throw SpecError(
                .validation,
                "invalid `max_concurrent_requests` value: \(limit). It must be between \(Self.maxConcurrentRequestsRange.lowerBound) "
                    + "and \(Self.maxConcurrentRequestsRange.upperBound) (default \(Self.defaultMaxConcurrentRequests))")
        }
        if !Self.checksumCalculations.contains(where: { GoStrings.equal($0, requestChecksumCalculation) }) {
            throw SpecError(
                .validation,
                "invalid `request_checksum_calculation` value: \(requestChecksumCalculation). Use `when_supported` or `when_required`")
        }
        if !manifestPath.isEmpty {
            if GoPath.isAbs(manifestPath) {
                throw SpecError(.validation, "`manifest_path` should not start with a \"/\"")
            }
            if !GoStrings.equal(manifestPath, GoPath.clean(manifestPath)) {
                throw SpecError(.validation, "`manifest_path` should not contain relative paths or duplicate slashes")
            }
        }
        try objectOptions.validate()
        if !(try RowVariables.columns(in: path)).isEmpty && noRotate {
            throw SpecError(.validation, "`no_rotate` cannot be used with row variables ({{.column}}) in `path`: "
                + "a table may need several objects per partition; remove `no_rotate` and add {{UUID}} to `path`")
        }
        if let limit = maxOpenPartitions, limit < 1 {
            throw SpecError(.validation, "`max_open_partitions` must be at least 1")
        }
    }
}
