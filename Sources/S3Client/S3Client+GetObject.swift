import AWSAuth
import HTTPTransport

extension S3Client {
    /// Reads a whole object, or returns `nil` when it does not exist (`404 NoSuchKey`), which the
    /// plugin's Read treats as "no rows" as the Go plugin does. Any other error is thrown (a missing
    /// bucket is `NoSuchBucket`, not `nil`).
    /// - Parameter maxBytes: larger objects fail with a clear transport error instead of filling memory.
    public func getObject(bucket: String, key: String, maxBytes: Int = .max) async throws -> [UInt8]? {
        try requireKey(key, operation: "GetObject", bucket: bucket)
        var request = S3Request(operation: "GetObject", method: "GET", bucket: bucket, key: key)
        request.maxResponseBytes = max(0, maxBytes)
        do {
            return try await send(request).body
        } catch let error as S3Error where error.statusCode == 404 && error.code == "NoSuchKey" {
            return nil
        }
    }

    /// An object's metadata without its body, or `nil` when it does not exist. HEAD answers carry no
    /// error document, so any 404 is "not found" here.
    func headObject(bucket: String, key: String) async throws -> ObjectMetadata? {
        try requireKey(key, operation: "HeadObject", bucket: bucket)
        let request = S3Request(operation: "HeadObject", method: "HEAD", bucket: bucket, key: key)
        let response: HTTPResponse
        do {
            response = try await send(request)
        } catch let error as S3Error where error.statusCode == 404 {
            return nil
        }
        return ObjectMetadata(
            contentLength: response.header("Content-Length").flatMap { Int($0) },
            contentType: response.header("Content-Type"),
            etag: response.header("ETag"),
            lastModified: response.header("Last-Modified"),
            headers: response.headers)
    }
}

/// What HeadObject reports about an object.
struct ObjectMetadata: Sendable, Equatable {
    let contentLength: Int?
    let contentType: String?
    let etag: String?
    /// As the server wrote it (an HTTP date).
    let lastModified: String?
    /// All response headers (`x-amz-server-side-encryption`, `x-amz-meta-*`, `x-amz-version-id`, …).
    let headers: [HTTPHeader]

    init(contentLength: Int?, contentType: String?, etag: String?, lastModified: String?, headers: [HTTPHeader]) {
        self.contentLength = contentLength
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.headers = headers
    }

    /// The first value of a response header (case-insensitive).
    func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }
}
