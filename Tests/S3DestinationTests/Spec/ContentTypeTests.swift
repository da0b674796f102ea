import Testing
@testable import S3Destination

/// Go `GetContentType` (client/spec/spec_test.go TestGetContentType) and `GetContentType` in `client/spec/spec.go`.
@Suite struct ContentTypeTests {
    static func spec(format: String, compression: String = "", contentType: String = "") -> DestinationSpec {
        var s = DestinationSpec()
        s.path = "test/path"
        s.format = format
        s.compression = compression
        s.contentType = contentType
        return s
    }

    @Test(arguments: [
        ("json", "", "", "application/json"),
        ("csv", "", "", "text/csv"),
        ("parquet", "", "", "application/vnd.apache.parquet"),
        ("parquet", "gzip", "", "application/gzip"),
        ("parquet", "gzip", "application/custom", "application/custom"),
        // Beyond the Go test: other compressions and unknown formats.
        ("csv", "zstd", "", "application/zstd"),
        ("csv", "lz4", "", "application/octet-stream"),
        ("xml", "", "", "application/octet-stream"),
        ("", "", "", "application/octet-stream"),
    ])
    func goGetContentType(_ format: String, _ compression: String, _ override: String, _ want: String) {
        #expect(Self.spec(format: format, compression: compression, contentType: override).resolvedContentType == want)
        #expect(ContentType.resolve(override: override, format: format, compression: compression) == want)
    }
}
