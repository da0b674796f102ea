@testable import AWSAuth
import Foundation
import TestSupport
import Testing
@testable import S3Client

/// Builds each botocore vector's request through the client's own request layer (addressing, key and
/// query encoding, header set, signing) from the vector's *inputs*, and compares with what botocore sent.
@Suite(.requires(.sharedData)) struct BotocoreRequestSharedDataTests {
    /// Vectors whose wire form aws-sdk-go-v2 (which we follow) does not produce.
    static let notApplicable: [String: String] = [
        "put-us-east-1-global-host": "botocore's legacy global host s3.amazonaws.com; Go uses s3.us-east-1.amazonaws.com",
        "put-default-crc32-trailer": "aws-chunked CRC32 trailer upload, not implemented (header checksums instead)",
    ]

    /// Headers the client or the HTTP layer sets itself.
    static let clientManaged: Set<String> = [
        "x-amz-date", "x-amz-content-sha256", "x-amz-security-token", "authorization", "content-length", "expect",
        "transfer-encoding",
    ]

    @Test("S3Client request layer reproduces botocore's canonical requests and signatures")
    func requestLayer() async throws {
        let url = try TestEnvironment.sharedDirectory().appendingPathComponent("testdata/sigv4/s3-botocore-vectors.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let vectors = try #require(json?["vectors"] as? [[String: Any]])
        var passed = 0
        var failures: [String] = []
        for vector in vectors {
            let name = vector["name"] as? String ?? "?"
            if Self.notApplicable[name] != nil { continue }
            let problems = try check(vector)
            if problems.isEmpty { passed += 1 } else { failures.append("\(name): \(problems.joined(separator: "; "))") }
        }
        print("s3-botocore-vectors through S3Client.prepare: \(passed)/\(passed + failures.count) passed, "
              + "\(Self.notApplicable.count) not applicable (\(Self.notApplicable.keys.sorted().joined(separator: ", ")))")
        #expect(passed + failures.count == 14)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    func check(_ vector: [String: Any]) throws -> [String] {
        let inputs = try #require(vector["inputs"] as? [String: Any])
        let http = try #require(vector["request"] as? [String: Any])
        let expected = try #require(vector["expected"] as? [String: Any])
        let creds = try #require(inputs["credentials"] as? [String: Any])
        let params = try #require(inputs["api_params"] as? [String: Any])
        let region = try #require(inputs["region"] as? String)
        let timestamp = try #require(inputs["timestamp"] as? String)
        let operation = try #require(inputs["operation"] as? String)
        let credentials = Credentials(
            accessKeyId: try #require(creds["access_key_id"] as? String),
            secretAccessKey: try #require(creds["secret_access_key"] as? String),
            sessionToken: creds["session_token"] as? String)

        let sentHeaders = (http["headers"] as? [[String]] ?? []).compactMap { $0.count == 2 ? HTTPHeader($0[0], $0[1]) : nil }
        let payloadHash = sentHeaders.first { $0.name.lowercased() == "x-amz-content-sha256" }?.value
        let config = S3ClientConfig(
            region: region, credentialsProvider: StaticCredentialsProvider(credentials),
            endpoint: inputs["endpoint_url"] as? String,
            usePathStyle: (inputs["addressing_style"] as? String) == "path",
            payloadSigning: payloadHash == "UNSIGNED-PAYLOAD" ? .unsignedOverHTTPS : .signed,
            environment: [:])
        let client = try S3Client(config: config)

        let body = Data(base64Encoded: http["wire_body_base64"] as? String ?? "").map { [UInt8]($0) } ?? []
        var request = S3Request(
            operation: operation, method: try #require(http["method"] as? String),
            bucket: try #require(params["Bucket"] as? String), key: try #require(params["Key"] as? String), body: body)
        switch operation {
        case "CreateMultipartUpload": request.query = [("uploads", nil)]
        case "UploadPart":
            request.query = [("partNumber", String(describing: params["PartNumber"] ?? "")), ("uploadId", params["UploadId"] as? String)]
        case "CompleteMultipartUpload", "AbortMultipartUpload": request.query = [("uploadId", params["UploadId"] as? String)]
        default: break
        }
        request.headers = sentHeaders.filter { !Self.clientManaged.contains($0.name.lowercased()) }

        let date = try #require(isoDate(timestamp))
        let prepared = try client.prepare(request, credentials: credentials, date: date)
        var problems: [String] = []
        if prepared.http.url != http["url"] as? String {
            problems.append("url \(prepared.http.url) != \(http["url"] ?? "")")
        }
        if prepared.signature.canonicalRequest != expected["canonical_request"] as? String {
            problems.append("canonical request:\n\(prepared.signature.canonicalRequest)\nexpected:\n\(expected["canonical_request"] ?? "")")
        }
        if prepared.signature.authorization != expected["authorization"] as? String {
            problems.append("authorization \(prepared.signature.authorization)")
        }
        return problems
    }

    func isoDate(_ compact: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.date(from: compact)
    }
}
