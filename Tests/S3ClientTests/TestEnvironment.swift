import AWSAuth
import Foundation

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
        let names = ["S3_TEST_ENDPOINT", "S3_TEST_BUCKET", "S3_TEST_ACCESS_KEY", "S3_TEST_SECRET_KEY", "S3_TEST_REGION"]
        let values = names.map { env[$0] ?? "" }
        let missing = zip(names, values).filter { $0.1.isEmpty }.map(\.0)
        guard missing.isEmpty else {
            throw Missing(description:
                "S3 integration tests need a running S3 server: \(missing.joined(separator: ", ")) not set. "
                + "Run `make test` (it starts Ceph RGW and exports them) or export S3_TEST_ENDPOINT, S3_TEST_BUCKET, "
                + "S3_TEST_ACCESS_KEY, S3_TEST_SECRET_KEY and S3_TEST_REGION yourself")
        }
        return S3Server(
            endpoint: values[0], bucket: values[1], accessKey: values[2], secretKey: values[3], region: values[4],
            tlsEndpoint: env["S3_TEST_TLS_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 },
            tlsCert: env["S3_TEST_TLS_CERT"].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Python with boto3: `$CQ_PYTHON`, else `.venv/bin/python` in the repository root.
    static func python(filePath: String = #filePath) throws -> String {
        if let python = env["CQ_PYTHON"], !python.isEmpty { return python }
        var dir = URL(fileURLWithPath: filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                let venv = dir.appendingPathComponent(".venv/bin/python").path
                if FileManager.default.isExecutableFile(atPath: venv) { return venv }
                break
            }
            dir.deleteLastPathComponent()
        }
        throw Missing(description: "Python with boto3 not found: set CQ_PYTHON or run `make deps` to create .venv")
    }

    /// The project's shared/ directory (`$CQ_SHARED_DIR`, else a sibling `shared` with DESIGN.md).
    static func sharedDirectory(filePath: String = #filePath) throws -> URL {
        if let shared = env["CQ_SHARED_DIR"], !shared.isEmpty { return URL(fileURLWithPath: shared) }
        var dir = URL(fileURLWithPath: filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("shared")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("DESIGN.md").path) { return candidate }
            dir.deleteLastPathComponent()
        }
        throw Missing(description: "shared test data not found: set CQ_SHARED_DIR to the project's shared/ directory")
    }
}
