@testable import AWSAuth
import Foundation
import TestSupport
import Testing
@testable import S3Client

/// PutObject against a real S3 server (Ceph RGW started by `make test`), read back with boto3.
@Suite(.serialized, .requires(.rgw)) struct RGWIntegrationTests {
    static let runId = String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36)

    func client(_ server: TestEnvironment.S3Server, endpoint: String? = nil, pathStyle: Bool = true,
                credentials: Credentials? = nil, configure: (inout S3ClientConfig) -> Void = { _ in }) throws -> S3Client {
        var config = S3ClientConfig(
            region: server.region, credentialsProvider: StaticCredentialsProvider(credentials ?? server.credentials),
            endpoint: endpoint ?? server.endpoint, usePathStyle: pathStyle, environment: [:])
        configure(&config)
        return try S3Client(config: config)
    }

    func key(_ name: String) -> String { "s3client-tests/\(Self.runId)/\(name)" }

    @Test("path style: bytes and Content-Type read back with boto3")
    func pathStyle() async throws {
        let server = try TestEnvironment.s3Server()
        let body = Array("id,name\n1,alpha\n2,beta\n".utf8)
        let result = try await client(server).putObject(
            bucket: server.bucket, key: key("path-style.csv"), body: body, contentType: "text/csv")
        let object = try Boto3Reader.get(server, key: key("path-style.csv"))
        #expect(object.bytes == body)
        #expect(object.contentType == "text/csv")
        #expect(result.etag == "\"\(Hashing.hex(Hashing.md5(body)))\"")
        #expect(result.etag == object.etag)
    }

    @Test("virtual-hosted style: Host is <bucket>.localhost:<port>")
    func virtualHosted() async throws {
        let server = try TestEnvironment.s3Server()
        // Same server, addressed by name so the client puts the bucket into the host.
        let endpoint = server.endpoint.replacingOccurrences(of: "127.0.0.1", with: "localhost")
        let c = try client(server, endpoint: endpoint, pathStyle: false)
        #expect(c.endpointDescription.contains("localhost"))
        let body = Array("{\"vhost\":true}\n".utf8)
        _ = try await c.putObject(bucket: server.bucket, key: key("vhost.json"), body: body, contentType: "application/json")
        let object = try Boto3Reader.get(server, key: key("vhost.json"))
        #expect(object.bytes == body)
        #expect(object.contentType == "application/json")
    }

    @Test("keys with spaces, unicode and + = & % ./ .. // survive the round trip", arguments: [
        "dir one/ä+b=c&d%e.txt", "naïve café ☕/a b~!*'()@$,;:[]{}|^`<>.txt", "a//b/./c/../d.txt", "trailing-slash/",
        "%20literal-percent-20", "plus+only",
    ])
    func oddKeys(name: String) async throws {
        let server = try TestEnvironment.s3Server()
        let body = Array("key: \(name)".utf8)
        _ = try await client(server).putObject(bucket: server.bucket, key: key(name), body: body)
        #expect(try Boto3Reader.get(server, key: key(name)).bytes == body)
    }

    @Test("empty body, object headers and a 6 MiB body (sent with Expect: 100-continue)")
    func bodiesAndHeaders() async throws {
        let server = try TestEnvironment.s3Server()
        let c = try client(server)
        _ = try await c.putObject(bucket: server.bucket, key: key("empty"), body: [])
        #expect(try Boto3Reader.get(server, key: key("empty")).bytes.isEmpty)

        _ = try await c.putObject(
            bucket: server.bucket, key: key("meta.bin"), body: [0, 1, 2, 255], contentType: "application/octet-stream",
            headers: ["x-amz-meta-run-id": "42", "Cache-Control": "no-cache", "x-amz-acl": "private"])
        let meta = try Boto3Reader.get(server, key: key("meta.bin"))
        #expect(meta.bytes == [0, 1, 2, 255])
        #expect(meta.metadata["run-id"] == "42")
        #expect(meta.cacheControl == "no-cache")

        var big = [UInt8](repeating: 0, count: 6 << 20)
        for i in big.indices { big[i] = UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 13) }
        _ = try await c.putObject(bucket: server.bucket, key: key("big.bin"), body: big)
        let readBack = try Boto3Reader.get(server, key: key("big.bin")).bytes
        #expect(readBack.count == big.count)
        #expect(readBack == big)
    }

    @Test("parallel uploads on one client all land")
    func parallel() async throws {
        let server = try TestEnvironment.s3Server()
        let c = try client(server)
        let count = 12
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<count {
                group.addTask {
                    _ = try await c.putObject(bucket: server.bucket, key: key("parallel/\(i)"), body: Array("n=\(i)".utf8))
                }
            }
            try await group.waitForAll()
        }
        for i in [0, count / 2, count - 1] {
            #expect(try Boto3Reader.get(server, key: key("parallel/\(i)")).bytes == Array("n=\(i)".utf8))
        }
    }

    @Test("wrong secret → 403 SignatureDoesNotMatch, and the secret appears nowhere in the error")
    func wrongSecret() async throws {
        let server = try TestEnvironment.s3Server()
        let wrongSecret = "wrong-secret-\(Self.runId)-zzzz"
        let c = try client(server, credentials: Credentials(accessKeyId: server.accessKey, secretAccessKey: wrongSecret))
        do {
            _ = try await c.putObject(bucket: server.bucket, key: key("denied.txt"), body: [1])
            Issue.record("expected SignatureDoesNotMatch")
        } catch let error as S3Error {
            #expect(error.statusCode == 403)
            #expect(error.code == "SignatureDoesNotMatch")
            #expect(error.description.hasPrefix(
                "PutObject s3://\(server.bucket)/\(key("denied.txt")) failed: 403 SignatureDoesNotMatch"))
            for text in [error.description, String(reflecting: error), "\(error)"] {
                #expect(!text.contains(wrongSecret))
                #expect(!text.contains(server.secretKey))
            }
        }
    }

    @Test("unknown access key → 403 InvalidAccessKeyId")
    func unknownKey() async throws {
        let server = try TestEnvironment.s3Server()
        let c = try client(server, credentials: Credentials(accessKeyId: "AKIDUNKNOWN000000000", secretAccessKey: server.secretKey))
        do {
            _ = try await c.putObject(bucket: server.bucket, key: key("unknown.txt"), body: [1])
            Issue.record("expected InvalidAccessKeyId")
        } catch let error as S3Error {
            #expect(error.statusCode == 403)
            #expect(error.code == "InvalidAccessKeyId")
            #expect(!error.description.contains(server.secretKey))
        }
    }

    @Test("missing bucket → 404 NoSuchBucket naming the bucket")
    func missingBucket() async throws {
        let server = try TestEnvironment.s3Server()
        let bucket = "no-such-bucket-\(Self.runId)"
        do {
            _ = try await client(server).putObject(bucket: bucket, key: "k", body: [1])
            Issue.record("expected NoSuchBucket")
        } catch let error as S3Error {
            #expect(error.statusCode == 404)
            #expect(error.code == "NoSuchBucket")
            #expect(error.description.hasPrefix("PutObject s3://\(bucket)/k failed: 404 NoSuchBucket"))
        }
    }

    @Test("HTTPS: trusted CA bundle and skip-verify work; an untrusted certificate is a clear TLS error")
    func tls() async throws {
        let server = try TestEnvironment.s3Server()
        guard let tlsEndpoint = server.tlsEndpoint, let cert = server.tlsCert else {
            throw TestEnvironment.Missing(description:
                "HTTPS tests need S3_TEST_TLS_ENDPOINT and S3_TEST_TLS_CERT (make test starts RGW with --tls-port)")
        }
        let body = Array("over tls".utf8)
        let trusted = try client(server, endpoint: tlsEndpoint) { $0.caBundlePath = cert }
        _ = try await trusted.putObject(bucket: server.bucket, key: key("tls-ca.txt"), body: body)
        #expect(try Boto3Reader.get(server, key: key("tls-ca.txt")).bytes == body)

        let unsignedPayload = try client(server, endpoint: tlsEndpoint) {
            $0.skipTLSVerify = true
            $0.payloadSigning = .unsignedOverHTTPS
        }
        _ = try await unsignedPayload.putObject(bucket: server.bucket, key: key("tls-skip.txt"), body: body)
        #expect(try Boto3Reader.get(server, key: key("tls-skip.txt")).bytes == body)

        // Virtual-hosted over HTTPS: the certificate names <bucket>.localhost.
        let vhost = try client(server, endpoint: tlsEndpoint.replacingOccurrences(of: "127.0.0.1", with: "localhost"),
                               pathStyle: false) { $0.caBundlePath = cert }
        _ = try await vhost.putObject(bucket: server.bucket, key: key("tls-vhost.txt"), body: body)
        #expect(try Boto3Reader.get(server, key: key("tls-vhost.txt")).bytes == body)

        // The test server's self-signed certificate is not in the system store.
        let untrusted = try client(server, endpoint: tlsEndpoint)
        do {
            _ = try await untrusted.putObject(bucket: server.bucket, key: key("tls-bad.txt"), body: body)
            Issue.record("expected a TLS failure")
        } catch let error as S3TransportError {
            #expect(error.endpoint == tlsEndpoint)
            #expect(error.description.contains("TLS problem"), "\(error)")
            #expect(!error.isRetryable)
        }
    }
}
