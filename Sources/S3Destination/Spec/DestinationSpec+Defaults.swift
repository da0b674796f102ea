/// The defaults Go's `Spec.SetDefaults()` fills in (cloudquery/cloudquery
/// plugins/destination/s3 `client/spec/spec.go`); `DestinationConfig.init(validated:…)` applies them.
extension DestinationSpec {
    static let defaultBatchSize: Int64 = 10_000
    static let defaultBatchSizeBytes: Int64 = 50 * 1024 * 1024
    static let defaultBatchTimeout = GoDuration.seconds(30)
    static let defaultMaxRetries = 3
    static let defaultMaxBackoffSeconds = 30
    /// The AWS SDK's `manager.DefaultUploadPartSize`.
    static let defaultPartSize: Int64 = 5 * 1024 * 1024

    /// `path` as `SetDefaults()` leaves it: old configs named only a directory, so a path without
    /// `{{TABLE}}` gets `/{{TABLE}}.<format>` (and `.{{UUID}}` unless `no_rotate`). No compression
    /// extension here (Go adds none either).
    var pathWithLegacySuffix: String {
        guard !GoStrings.contains(path, PathVariable.table) else { return path }
        return path + "/\(PathVariable.table).\(format)" + (noRotate ? "" : "." + PathVariable.uuid)
    }
}
