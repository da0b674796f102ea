@testable import AWSAuth
import Foundation
import TestSupport

/// Where the integration tests find their S3 server, Python and shared data.
enum TestEnvironment {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    static var env: [String: String] { ProcessInfo.processInfo.environment }

    /// The S3 server the Makefile starts (Ceph RGW): `S3_TEST_ENDPOINT`, `S3_TEST_BUCKET`,
    /// `S3_TEST_ACCESS_KEY`, `S3_TEST_SECRET_KEY`, `S3_TEST_REGION`.
    struct S3Server {
        let endpoint: String
        let bucket: String
        let accessKey: String
        let secretKey: String
        let region: String
        /// `S3_TEST_TLS_ENDPOINT` / `S3_TEST_TLS_CERT`, when the server also speaks HTTPS.
        let tlsEndpoint: String?
        let tlsCert: String?

        var credentials: Credentials { Credentials(accessKeyId: accessKey, secretAccessKey: secretKey) }
    }

    static func s3Server() throws -> S3Server {
        if let missing = Prerequisite.rgw.missing { throw Missing(description: missing) }
        let value = { (name: String) in env[name] ?? "" }
        return S3Server(
            endpoint: value("S3_TEST_ENDPOINT"), bucket: value("S3_TEST_BUCKET"), accessKey: value("S3_TEST_ACCESS_KEY"),
            secretKey: value("S3_TEST_SECRET_KEY"), region: value("S3_TEST_REGION"),
            tlsEndpoint: env["S3_TEST_TLS_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 },
            tlsCert: env["S3_TEST_TLS_CERT"].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Python with boto3: `$CQ_PYTHON`, else `.venv/bin/python` in the repository root.
    static func python() throws -> String { try TestLocations.python() }

    /// The project's shared/ directory (`$CQ_SHARED_DIR`, else a sibling `shared` with DESIGN.md).
    static func sharedDirectory() throws -> URL { try TestLocations.sharedDirectory() }
}
