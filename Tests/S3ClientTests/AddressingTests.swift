@testable import AWSAuth
import Foundation
import Testing
@testable import S3Client

@Suite struct AddressingTests {
    static let credentials = Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret")
    static let date = Date(timeIntervalSince1970: 1_736_944_245)

    func client(region: String = "eu-west-1", endpoint: String? = nil, pathStyle: Bool = false,
                environment: [String: String] = [:]) throws -> S3Client {
        try S3Client(config: S3ClientConfig(
            region: region, credentialsProvider: StaticCredentialsProvider(Self.credentials),
            endpoint: endpoint, usePathStyle: pathStyle, environment: environment))
    }

    func url(_ client: S3Client, bucket: String, key: String) throws -> String {
        let request = S3Request(operation: "PutObject", method: "PUT", bucket: bucket, key: key)
        return try client.prepare(request, credentials: Self.credentials, date: Self.date).http.url
    }

    @Test("AWS endpoint: virtual-hosted for DNS-compatible names, path style otherwise")
    func awsEndpoint() throws {
        let c = try client()
        #expect(try url(c, bucket: "my-bucket", key: "a/b.txt") == "https://my-bucket.s3.eu-west-1.amazonaws.com/a/b.txt")
        #expect(try url(c, bucket: "my.dotted.bucket", key: "k") == "https://s3.eu-west-1.amazonaws.com/my.dotted.bucket/k")
        #expect(try url(c, bucket: "MyBucket", key: "k") == "https://s3.eu-west-1.amazonaws.com/MyBucket/k")
        #expect(try url(c, bucket: "under_score", key: "k") == "https://s3.eu-west-1.amazonaws.com/under_score/k")
        #expect(try url(c, bucket: "ab", key: "k") == "https://s3.eu-west-1.amazonaws.com/ab/k")
        #expect(try url(c, bucket: "192.168.1.1", key: "k") == "https://s3.eu-west-1.amazonaws.com/192.168.1.1/k")
        #expect(try url(try client(pathStyle: true), bucket: "my-bucket", key: "k")
            == "https://s3.eu-west-1.amazonaws.com/my-bucket/k")
        #expect(try url(try client(region: "cn-north-1"), bucket: "b-1", key: "k") == "https://b-1.s3.cn-north-1.amazonaws.com.cn/k")
    }

    @Test("custom endpoints: bucket subdomain of the endpoint host, path style for IPs, ports kept")
    func customEndpoint() throws {
        #expect(try url(try client(endpoint: "http://localhost:7480"), bucket: "test-bucket", key: "x y")
            == "http://test-bucket.localhost:7480/x%20y")
        #expect(try url(try client(endpoint: "http://127.0.0.1:7480/"), bucket: "test-bucket", key: "k")
            == "http://127.0.0.1:7480/test-bucket/k")
        #expect(try url(try client(endpoint: "http://[::1]:9000"), bucket: "test-bucket", key: "k")
            == "http://[::1]:9000/test-bucket/k")
        // Dots are fine over plain HTTP (no wildcard certificate involved) but not over HTTPS.
        #expect(try url(try client(endpoint: "http://minio.local:9000"), bucket: "abc.def", key: "k")
            == "http://abc.def.minio.local:9000/k")
        #expect(try url(try client(endpoint: "https://minio.local"), bucket: "abc.def", key: "k")
            == "https://minio.local/abc.def/k")
        // With dots, every label must itself be a valid 3–63 character bucket label (Go's rule).
        #expect(try url(try client(endpoint: "http://minio.local:9000"), bucket: "my.bucket", key: "k")
            == "http://minio.local:9000/my.bucket/k")
        // Default ports are not repeated (the Host header must match what curl sends).
        #expect(try url(try client(endpoint: "https://s3.example.com:443"), bucket: "b-1", key: "k") == "https://b-1.s3.example.com/k")
        #expect(try url(try client(endpoint: "http://gw.example.com/base/"), bucket: "b-1", key: "k", pathStyle: true)
            == "http://gw.example.com/base/b-1/k")
    }

    func url(_ client: S3Client, bucket: String, key: String, pathStyle: Bool) throws -> String {
        try url(client.withPathStyle(pathStyle), bucket: bucket, key: key)
    }

    @Test("Host header equals the URL authority and is signed")
    func hostHeader() throws {
        let c = try client(endpoint: "http://localhost:7480")
        let prepared = try c.prepare(S3Request(operation: "PutObject", method: "PUT", bucket: "test-bucket", key: "k"),
                                     credentials: Self.credentials, date: Self.date)
        #expect(prepared.http.headers.first { $0.name == "Host" }?.value == "test-bucket.localhost:7480")
        #expect(prepared.signature.canonicalRequest.contains("\nhost:test-bucket.localhost:7480\n"))
        #expect(prepared.signature.signedHeaders.hasPrefix("host;"))
    }

    @Test("endpoint precedence: configured, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, AWS")
    func endpointPrecedence() throws {
        let env = ["AWS_ENDPOINT_URL_S3": "http://s3only:1", "AWS_ENDPOINT_URL": "http://global:2"]
        #expect(try client(endpoint: "http://configured:3", environment: env).endpointDescription == "http://configured:3")
        #expect(try client(environment: env).endpointDescription == "http://s3only:1")
        #expect(try client(environment: ["AWS_ENDPOINT_URL": "http://global:2"]).endpointDescription == "http://global:2")
        var ignored = env
        ignored["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "TRUE"
        #expect(try client(environment: ignored).endpointDescription == "https://s3.eu-west-1.amazonaws.com")
        #expect(try client(environment: ["AWS_ENDPOINT_URL_S3": ""]).endpointDescription == "https://s3.eu-west-1.amazonaws.com")
    }

    @Test("unusable configuration is rejected with a message naming the setting")
    func invalidConfiguration() {
        for bad in ["localhost:9000", "ftp://host", "http://host:99999", "http://user:pw@host", "http://"] {
            #expect(throws: S3ClientError.self, "endpoint \(bad)") { try client(endpoint: bad) }
        }
        #expect { try client(region: " ") } throws: { error in
            String(describing: error).contains("region is required")
        }
        #expect { try client(environment: ["AWS_ENDPOINT_URL_S3": "nonsense"]) } throws: { error in
            String(describing: error).contains("AWS_ENDPOINT_URL_S3")
        }
    }

    @Test("header values with line breaks are refused (no header injection)")
    func headerInjection() throws {
        let c = try client()
        var request = S3Request(operation: "PutObject", method: "PUT", bucket: "b-1", key: "k")
        request.headers = [HTTPHeader("Content-Type", "text/csv\r\nx-amz-acl: public-read")]
        #expect(throws: S3ClientError.self) { try c.prepare(request, credentials: Self.credentials, date: Self.date) }
    }
}

extension S3Client {
    /// A copy of this client with `usePathStyle` changed (test helper).
    func withPathStyle(_ pathStyle: Bool) throws -> S3Client {
        var copy = config
        copy.usePathStyle = pathStyle
        return try S3Client(config: copy)
    }
}
