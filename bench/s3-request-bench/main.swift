// s3-request-bench: throughput of S3Client at several values of `max_concurrent_requests`, against the
// S3 server of the S3_TEST_* variables (`scripts/rgw.py up` writes them), to choose the default.
//
//     swift run -c release s3-request-bench [--limits 1,4,8,16,32,64] [--small 1000] [--small-bytes 16384]
//                                           [--parts 48] [--part-bytes 5242880]
//
// For each limit, one client sends (a) --small PutObjects of --small-bytes, all submitted at once, and
// (b) --parts UploadParts of --part-bytes into one multipart upload (aborted afterwards, so the
// server frees them). Prints requests/s and MB/s of each, and the most requests that were in flight.
import AWSAuth
import Foundation
import S3Client

func argument(_ name: String, _ fallback: String) -> String {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return fallback }
    return args[i + 1]
}

let environment = ProcessInfo.processInfo.environment
guard let endpoint = environment["S3_TEST_ENDPOINT"], let bucket = environment["S3_TEST_BUCKET"],
      let accessKey = environment["S3_TEST_ACCESS_KEY"], let secret = environment["S3_TEST_SECRET_KEY"] else {
    FileHandle.standardError.write(Data("set S3_TEST_ENDPOINT, S3_TEST_BUCKET, S3_TEST_ACCESS_KEY, S3_TEST_SECRET_KEY (source .testbed/rgw/env)\n".utf8))
    exit(2)
}
let limits = argument("--limits", "1,4,8,16,32,64").split(separator: ",").compactMap { Int($0) }
let smallCount = Int(argument("--small", "1000")) ?? 1000
let smallBytes = Int(argument("--small-bytes", "16384")) ?? 16384
let partCount = Int(argument("--parts", "48")) ?? 48
let partBytes = Int(argument("--part-bytes", "5242880")) ?? 5_242_880
let run = UUID().uuidString.lowercased().prefix(8)

func client(limit: Int) throws -> S3Client {
    try S3Client(config: S3ClientConfig(
        region: environment["S3_TEST_REGION"] ?? "us-east-1",
        credentialsProvider: StaticCredentialsProvider(Credentials(accessKeyId: accessKey, secretAccessKey: secret)),
        endpoint: endpoint, usePathStyle: true, environment: [:], maxConcurrentRequests: limit))
}

func timed(_ body: () async throws -> Void) async throws -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

do {
    print("limit | PutObject \(smallCount)×\(smallBytes) B: req/s, MB/s, max in flight | UploadPart \(partCount)×\(partBytes) B: req/s, MB/s, max in flight")
    for limit in limits {
        let small = try client(limit: limit)
        let body = [UInt8](repeating: 0x61, count: smallBytes)
        let smallSeconds = try await timed {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<smallCount {
                    group.addTask { _ = try await small.putObject(bucket: bucket, key: "bench-requests/\(run)/\(limit)/\(i)", body: body) }
                }
                try await group.waitForAll()
            }
        }
        let parts = try client(limit: limit)
        let key = "bench-requests/\(run)/\(limit)/multipart"
        let uploadId = try await parts.createMultipartUpload(bucket: bucket, key: key)
        let part = [UInt8](repeating: 0x62, count: partBytes)
        let partSeconds = try await timed {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 1...partCount {
                    group.addTask { _ = try await parts.uploadPart(bucket: bucket, key: key, uploadId: uploadId, partNumber: n, body: part) }
                }
                try await group.waitForAll()
            }
        }
        try await parts.abortMultipartUpload(bucket: bucket, key: key, uploadId: uploadId)
        func rate(_ count: Int, _ bytes: Int, _ seconds: Double) -> String {
            String(format: "%.0f req/s, %.1f MB/s", Double(count) / seconds, Double(count * bytes) / 1e6 / seconds)
        }
        print("\(limit) | \(rate(smallCount, smallBytes, smallSeconds)), \(small.maxRequestsInFlight) | "
            + "\(rate(partCount, partBytes, partSeconds)), \(parts.maxRequestsInFlight)")
    }
} catch {
    FileHandle.standardError.write(Data("s3-request-bench: \(error)\n".utf8))
    exit(1)
}
