import AWSAuth
import Logging
import S3Client

/// The real object store: the spec's endpoint, addressing, retries, checksums and object headers
/// applied to every upload.
struct S3ObjectStore: ObjectStore {
    let client: S3Client
    let bucket: String
    /// ACL and SSE headers of data objects. Go sends SSE on the test object too, but not the ACL.
    let objectHeaders: [String: String]
    let testObjectHeaders: [String: String]
    /// `If-None-Match: *` with `if_none_match` (PutObject and CompleteMultipartUpload only: S3 decides a
    /// conditional multipart write when it completes).
    let conditionalHeaders: [String: String]

    init(config: DestinationConfig, credentials: CredentialsProvider, logger: Logger) throws {
        client = try S3Client(config: config.s3ClientConfig(credentials: credentials), logger: logger)
        bucket = config.bucket
        var sse: [String: String] = [:]
        if let encryption = config.serverSideEncryptionConfiguration {
            sse["x-amz-server-side-encryption"] = encryption.serverSideEncryption
            if !encryption.sseKMSKeyID.isEmpty {
                sse["x-amz-server-side-encryption-aws-kms-key-id"] = encryption.sseKMSKeyID
            }
        }
        testObjectHeaders = sse
        var headers = sse
        if !config.acl.isEmpty { headers["x-amz-acl"] = config.acl }
        headers.merge(config.objectOptions.headers) { current, _ in current }
        conditionalHeaders = headers.filter { $0.key == "If-None-Match" }
        objectHeaders = headers.filter { $0.key != "If-None-Match" }
    }

    /// Retries the client made so far (for the end-of-stream summary).
    var retries: Int { client.retryCount }

    func put(key: String, body: [UInt8], contentType: String?) async throws {
        // The test object is the only upload without a content type (as Go: no ACL, no Content-Type).
        let headers = contentType == nil ? testObjectHeaders : objectHeaders.merging(conditionalHeaders) { a, _ in a }
        try await Self.explainingConflicts(key: key) {
            _ = try await client.putObject(bucket: bucket, key: key, body: body, contentType: contentType, headers: headers)
        }
    }

    func createMultipartUpload(key: String, contentType: String?) async throws -> String {
        try await client.createMultipartUpload(bucket: bucket, key: key, contentType: contentType, headers: objectHeaders)
    }

    func uploadPart(key: String, uploadId: String, number: Int, body: [UInt8]) async throws -> UploadedPart {
        let part = try await client.uploadPart(bucket: bucket, key: key, uploadId: uploadId, partNumber: number, body: body)
        return UploadedPart(number: part.partNumber, etag: part.etag, checksumCRC32: part.checksumCRC32)
    }

    func completeMultipartUpload(key: String, uploadId: String, parts: [UploadedPart]) async throws {
        let completed = parts.map { CompletedPart(partNumber: $0.number, etag: $0.etag, checksumCRC32: $0.checksumCRC32) }
        try await Self.explainingConflicts(key: key) {
            _ = try await client.completeMultipartUpload(
                bucket: bucket, key: key, uploadId: uploadId, parts: completed, headers: conditionalHeaders)
        }
    }

    func abortMultipartUpload(key: String, uploadId: String) async throws {
        try await client.abortMultipartUpload(bucket: bucket, key: key, uploadId: uploadId)
    }

    /// A 412 to a conditional write: the key exists and `if_none_match` kept it (said in words, with the key).
    private static func explainingConflicts(key: String, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as S3Error where error.statusCode == 412 {
            throw ObjectExistsError(key: key, cause: error)
        }
    }

    func get(key: String, maxBytes: Int) async throws -> [UInt8]? {
        try await client.getObject(bucket: bucket, key: key, maxBytes: maxBytes)
    }
}
