import FileFormats

extension DestinationSpec {
    /// Go `GetContentType()` on the raw values.
    var resolvedContentType: String {
        ContentType.resolve(override: contentType, format: format, compression: compression)
    }
}

/// The Content-Type of data objects (cloudquery/cloudquery plugins/destination/s3 `client/spec/spec.go`
/// `GetContentType`).
enum ContentType {
    /// `content_type` wins; then compression (`application/gzip`, or octet-stream for any other
    /// non-empty value); then the format; anything else is `application/octet-stream`.
    static func resolve(override: String, format: String, compression: String) -> String {
        if !override.isEmpty {
            return override
        }
        if !compression.isEmpty {
            return ObjectCompression(goName: compression)?.contentType ?? "application/octet-stream"
        }
        switch OutputFormat(goName: format) {
        case .json: return "application/json"
        case .csv: return "text/csv"
        case .parquet: return "application/vnd.apache.parquet"
        case nil: return "application/octet-stream"
        }
    }
}
