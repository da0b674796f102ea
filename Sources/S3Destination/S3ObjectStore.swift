import AWSAuth
import Logging
import S3Client

/// The real object store: one PutObject per object, with the spec's endpoint and addressing.
struct S3ObjectStore: ObjectStore {
    let client: S3Client
    let bucket: String
    /// SSE headers go on every upload, the test object included (as Go).
    let headers: [String: String]

    init(config: DestinationConfig, credentials: CredentialsProvider, logger: Logger) throws {
        client = try S3Client(
            config: S3ClientConfig(
                region: config.region,
                credentialsProvider: credentials,
                endpoint: config.endpoint.isEmpty ? nil : config.endpoint,
                usePathStyle: config.usePathStyle,
                skipTLSVerify: config.endpointSkipTLSVerify),
            logger: logger)
        bucket = config.bucket
        var headers: [String: String] = [:]
        if let sse = config.serverSideEncryption {
            headers["x-amz-server-side-encryption"] = sse.serverSideEncryption
            if !sse.sseKMSKeyID.isEmpty { headers["x-amz-server-side-encryption-aws-kms-key-id"] = sse.sseKMSKeyID }
        }
        self.headers = headers
    }

    func put(key: String, body: [UInt8], contentType: String?) async throws {
        _ = try await client.putObject(bucket: bucket, key: key, body: body, contentType: contentType, headers: headers)
    }
}
