@testable import AWSAuth
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing
@testable import S3Client

/// `aws_debug`: requests and responses are logged at debug level, and no secret ever reaches the log.
@Suite struct DebugLoggingTests {
    static let secret = "debug/Secret+Key-0123456789abcdefXYZ"
    static let token = "FwoGZXIvYXdzSESSIONTOKEN-debug-test-0123456789"
    static let credentials = Credentials(accessKeyId: "ASIADEBUG00000000001", secretAccessKey: secret, sessionToken: token)

    func client(_ server: ScriptedHTTPServer, debug: Bool, capture: LogCapture) throws -> S3Client {
        var logger = Logger(label: "test.s3client") { _ in capture }
        logger.logLevel = .debug
        return try S3Client(
            config: S3ClientConfig(
                region: "us-east-1", credentialsProvider: StaticCredentialsProvider(Self.credentials),
                endpoint: server.endpoint, usePathStyle: true, environment: [:],
                retry: S3RetryPolicy(sleep: { _ in }), debugLogging: debug),
            logger: logger)
    }

    @Test("request line, headers and response status are logged; signature, token and secret are not")
    func logsRedacted() async throws {
        // The server echoes the secret and token back in headers and in an error body, as a worst case.
        let server = try ScriptedHTTPServer { _, index in
            if index == 0 {
                let body = "<Error><Code>SignatureDoesNotMatch</Code><Message>m</Message><CanonicalRequest>PUT\n/\n\n"
                    + "x-amz-security-token:\(Self.token)\n</CanonicalRequest><StringToSign>s</StringToSign></Error>"
                return .respond(status: 403, headers: [("x-echo", Self.secret)], body: Array(body.utf8))
            }
            return .ok([("ETag", "\"etag-1\""), ("x-amz-request-id", "req-42"), ("x-amz-security-token", Self.token)])
        }
        defer { server.stop() }
        let capture = LogCapture()
        let c = try client(server, debug: true, capture: capture)
        await #expect(throws: S3Error.self) {
            try await c.putObject(bucket: "bkt", key: "dir/obj.csv", body: Array("a,b\n".utf8), contentType: "text/csv",
                                  headers: ["x-amz-server-side-encryption-customer-key": "c3NlLWMta2V5LXNlY3JldA=="])
        }
        _ = try await c.putObject(bucket: "bkt", key: "dir/obj.csv", body: Array("a,b\n".utf8), contentType: "text/csv")

        let text = capture.text
        #expect(text.contains("S3 request PutObject (attempt 1): PUT \(server.endpoint)/bkt/dir/obj.csv"))
        #expect(text.contains("Content-Type: text/csv"))
        #expect(text.contains("x-amz-checksum-crc32: "))
        #expect(text.contains("Credential=ASIADEBUG00000000001/"))
        #expect(text.contains("Signature=<redacted>"))
        #expect(text.contains("X-Amz-Security-Token: <redacted>"))
        #expect(text.contains("x-amz-server-side-encryption-customer-key: <redacted>"))
        #expect(text.contains("S3 response PutObject: 403"))
        #expect(text.contains("S3 response PutObject: 200"))
        #expect(text.contains("x-amz-request-id: req-42"))
        #expect(text.contains("(body 4 bytes)"))

        let signatures = server.requests.compactMap { request -> String? in
            guard let auth = request.header("Authorization"), let range = auth.range(of: "Signature=") else { return nil }
            return String(auth[range.upperBound...])
        }
        #expect(signatures.count == 2)
        for forbidden in [Self.secret, Self.token, "c3NlLWMta2V5LXNlY3JldA=="] + signatures {
            #expect(!text.contains(forbidden), "a secret reached the log")
        }
    }

    @Test("without aws_debug nothing about requests is logged, even at debug level")
    func quietByDefault() async throws {
        let server = try ScriptedHTTPServer { _, _ in .ok() }
        defer { server.stop() }
        let capture = LogCapture()
        _ = try await client(server, debug: false, capture: capture).putObject(bucket: "bkt", key: "k", body: [1])
        #expect(!capture.text.contains("S3 request"))
        #expect(!capture.text.contains("S3 response"))
    }

    @Test("retries are logged at debug level with the attempt and the error")
    func retryLogged() async throws {
        let server = try ScriptedHTTPServer { _, index in index == 0 ? .s3Error(503, "SlowDown") : .ok() }
        defer { server.stop() }
        let capture = LogCapture()
        _ = try await client(server, debug: false, capture: capture).putObject(bucket: "bkt", key: "k", body: [1])
        #expect(capture.text.contains("retrying S3 request"))
        #expect(capture.text.contains("503 SlowDown"))
        #expect(!capture.text.contains(Self.secret))
    }
}

/// A swift-log handler that keeps every message with its metadata.
final class LogCapture: LogHandler, @unchecked Sendable {
    private let lines = NIOLockedValueBox<[String]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let extra = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        lines.withLockedValue { $0.append("[\(event.level)] \(event.message) \(extra)") }
    }

    var text: String { lines.withLockedValue { $0.joined(separator: "\n") } }
}
