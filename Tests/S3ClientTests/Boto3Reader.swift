import Foundation

/// Reads objects back with boto3 (not our own code), so a round trip proves the upload with an
/// independent client.
enum Boto3Reader {
    struct Object: Decodable {
        let body: String  // base64
        let contentType: String?
        let metadata: [String: String]
        let cacheControl: String?
        let etag: String?

        var bytes: [UInt8] { Data(base64Encoded: body).map { [UInt8]($0) } ?? [] }
    }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    static let script = #"""
import base64, json, sys
import boto3
from botocore.config import Config
endpoint, region, bucket, key = sys.argv[1:5]
# credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment (not argv)
s3 = boto3.client("s3", endpoint_url=endpoint, region_name=region, config=Config(s3={"addressing_style": "path"}))
r = s3.get_object(Bucket=bucket, Key=key)
print(json.dumps({"body": base64.b64encode(r["Body"].read()).decode(), "contentType": r.get("ContentType"),
                  "metadata": r.get("Metadata", {}), "cacheControl": r.get("CacheControl"), "etag": r.get("ETag")}))
"""#

    static func get(_ server: TestEnvironment.S3Server, key: String) throws -> Object {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try TestEnvironment.python())
        process.arguments = ["-c", script, server.endpoint, server.region, server.bucket, key]
        var environment = ProcessInfo.processInfo.environment
        environment["AWS_ACCESS_KEY_ID"] = server.accessKey
        environment["AWS_SECRET_ACCESS_KEY"] = server.secretKey
        environment.removeValue(forKey: "AWS_SESSION_TOKEN")
        environment.removeValue(forKey: "AWS_PROFILE")
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: errors, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: "\n")
            throw Failed(description: "boto3 get_object \(key) failed: \(text)")
        }
        return try JSONDecoder().decode(Object.self, from: output)
    }
}
