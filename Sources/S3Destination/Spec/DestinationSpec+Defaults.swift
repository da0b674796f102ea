/// Go `Spec.SetDefaults()` and the default values it fills in (cloudquery/cloudquery
/// plugins/destination/s3 `client/spec/spec.go`).
extension DestinationSpec {
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
        if memoryBudgetBytes == nil {
            memoryBudgetBytes = Self.defaultMemoryBudgetBytes
        }
        if maxConcurrentRequests == nil {
            maxConcurrentRequests = Self.defaultMaxConcurrentRequests
        }
        if maxOpenPartitions == nil {
            maxOpenPartitions = Self.defaultMaxOpenPartitions
        }
    }
}
