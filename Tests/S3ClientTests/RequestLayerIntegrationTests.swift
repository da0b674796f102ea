@testable import AWSAuth
import Foundation
@testable import HTTPTransport
import TestSupport
import Testing
@testable import S3Client

/// The internal request layer (`S3Request` → `send`) with the methods later operations need: POST and
/// DELETE with query items (multipart create/abort) and GET with a response body, against the real server.
@Suite(.serialized, .requires(.rgw)) struct RequestLayerRGWTests {
    func client(_ server: TestEnvironment.S3Server) throws -> S3Client {
        try S3Client(config: S3ClientConfig(
            region: server.region, credentialsProvider: StaticCredentialsProvider(server.credentials),
            endpoint: server.endpoint, usePathStyle: true, environment: [:]))
    }

    @Test("POST ?uploads then DELETE ?uploadId: create and abort a multipart upload")
    func multipartCreateAbort() async throws {
        let server = try TestEnvironment.s3Server()
        let c = try client(server)
        let key = "s3client-tests/request-layer/multi part ä.bin"
        var create = S3Request(operation: "CreateMultipartUpload", method: "POST", bucket: server.bucket, key: key)
        create.query = [("uploads", nil)]
        create.headers = [HTTPHeader("Content-Type", "application/octet-stream")]
        let created = try await c.send(create)
        let xml = XMLLeafReader(created.body)
        #expect(xml.rootName == "InitiateMultipartUploadResult")
        #expect(xml.text("Key") == key)
        let uploadId = try #require(xml.text("UploadId"))
        #expect(!uploadId.isEmpty)

        var abort = S3Request(operation: "AbortMultipartUpload", method: "DELETE", bucket: server.bucket, key: key)
        abort.query = [("uploadId", uploadId)]
        #expect(try await c.send(abort).statusCode == 204)
        do {
            _ = try await c.send(abort)
            Issue.record("a second abort should fail")
        } catch let error as S3Error {
            #expect(error.code == "NoSuchUpload")
            #expect(error.operation == "AbortMultipartUpload")
        }
    }

    @Test("GET returns the body PutObject stored")
    func getAfterPut() async throws {
        let server = try TestEnvironment.s3Server()
        let c = try client(server)
        let key = "s3client-tests/request-layer/get me.txt"
        let body = Array("read me back\n".utf8)
        _ = try await c.putObject(bucket: server.bucket, key: key, body: body, contentType: "text/plain")
        let response = try await c.send(S3Request(operation: "GetObject", method: "GET", bucket: server.bucket, key: key))
        #expect(response.body == body)
        #expect(response.header("content-type") == "text/plain")
        #expect(response.header("content-length") == String(body.count))
    }
}
