import Foundation

/// Asks boto3 (an independent client) about objects: ACL grants, HeadObject fields, open multipart
/// uploads. Credentials travel in the environment, never in argv.
enum Boto3Probe {
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    struct Head: Decodable {
        let contentLength: Int
        let etag: String?
        let serverSideEncryption: String?
        let kmsKeyId: String?
        let contentType: String?
    }

    struct Grant: Decodable, Equatable {
        let grantee: String  // canonical user id or group URI
        let permission: String
    }

    static let script = #"""
import json, sys
import boto3
from botocore.config import Config
endpoint, region, bucket, op, arg = sys.argv[1:6]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name=region, config=Config(s3={"addressing_style": "path"}))
if op == "head":
    r = s3.head_object(Bucket=bucket, Key=arg)
    out = {"contentLength": r["ContentLength"], "etag": r.get("ETag"), "serverSideEncryption": r.get("ServerSideEncryption"),
           "kmsKeyId": r.get("SSEKMSKeyId"), "contentType": r.get("ContentType")}
elif op == "acl":
    r = s3.get_object_acl(Bucket=bucket, Key=arg)
    out = [{"grantee": g["Grantee"].get("ID") or g["Grantee"].get("URI") or "", "permission": g["Permission"]} for g in r["Grants"]]
elif op == "uploads":
    r = s3.list_multipart_uploads(Bucket=bucket, Prefix=arg)
    out = [u["UploadId"] for u in r.get("Uploads", [])]
else:
    raise SystemExit("unknown op " + op)
print(json.dumps(out))
"""#

    static func run<T: Decodable>(_ server: TestEnvironment.S3Server, _ op: String, _ arg: String, as type: T.Type) throws -> T {
        let output = try runBoto3(script, server, arguments: [op, arg], what: "\(op) \(arg)")
        return try JSONDecoder().decode(T.self, from: output)
    }

    /// Runs a boto3 `script` with argv `endpoint region bucket arguments…` and the server's keys
    /// in the environment (never in argv); returns its stdout. Shared with `Boto3Reader`.
    static func runBoto3(_ script: String, _ server: TestEnvironment.S3Server, arguments: [String], what: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try TestEnvironment.python())
        process.arguments = ["-c", script, server.endpoint, server.region, server.bucket] + arguments
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
            throw Failed(description: "boto3 \(what) failed: \(text)")
        }
        return output
    }

    static func head(_ server: TestEnvironment.S3Server, key: String) throws -> Head {
        try run(server, "head", key, as: Head.self)
    }

    static func grants(_ server: TestEnvironment.S3Server, key: String) throws -> [Grant] {
        try run(server, "acl", key, as: [Grant].self)
    }

    static func openUploadIds(_ server: TestEnvironment.S3Server, prefix: String) throws -> [String] {
        try run(server, "uploads", prefix, as: [String].self)
    }
}
