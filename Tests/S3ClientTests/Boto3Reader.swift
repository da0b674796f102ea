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
        let output = try Boto3Probe.runBoto3(script, server, arguments: [key], what: "get_object \(key)")
        return try JSONDecoder().decode(Object.self, from: output)
    }
}
