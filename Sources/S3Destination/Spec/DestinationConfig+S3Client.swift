import AWSAuth
import S3Client

extension DestinationConfig {
    /// The S3 client for this spec: endpoint and addressing, retries, checksums and request limit.
    func s3ClientConfig(credentials: CredentialsProvider) -> S3ClientConfig {
        S3ClientConfig(
            region: self.region,
            credentialsProvider: credentials,
            endpoint: self.endpoint.isEmpty ? nil : self.endpoint,
            usePathStyle: self.usePathStyle,
            skipTLSVerify: self.endpointSkipTLSVerify,
            checksums: checksums,
            // As Go: `max_retries` counts every attempt, `max_backoff` caps the wait (seconds).
            retry: S3RetryPolicy(maxAttempts: max(1, maxRetries), maxBackoff: Double(maxBackoffSeconds)),
            maxConcurrentRequests: maxConcurrentRequests,
            debugLogging: self.awsDebug)
    }
}
