@testable import AWSAuth
import Foundation
@testable import HTTPTransport
import Testing
@testable import S3Client

/// The multipart calls' wire form and error handling, against a scripted local server.
@Suite struct MultipartRequestTests {
    static let initiate = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>bkt</Bucket>\
        <Key>big/file.bin</Key><UploadId>upload-&amp;-1</UploadId></InitiateMultipartUploadResult>
        """.utf8)
    static let completed = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <CompleteMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Location>http://x/bkt/big/file.bin</Location>\
        <Bucket>bkt</Bucket><Key>big/file.bin</Key><ETag>"3858f62230ac3c915f300c664312c11f-3"</ETag></CompleteMultipartUploadResult>
        """.utf8)

    static func signed(_ request: ScriptedHTTPServer.Request) -> Bool {
        SignatureCheck.verify(request, credentials: ScriptedClient.credentials, region: ScriptedClient.region).signatureValid
    }

    static func signedHeaders(_ request: ScriptedHTTPServer.Request) -> [String] {
        guard let auth = request.header("Authorization"), let range = auth.range(of: "SignedHeaders=") else { return [] }
        return auth[range.upperBound...].prefix { $0 != "," }.split(separator: ";").map(String.init)
    }

    @Test("CreateMultipartUpload: POST ?uploads with object headers and x-amz-checksum-algorithm, all signed")
    func create() async throws {
        let server = try ScriptedHTTPServer { _, _ in .ok(body: Self.initiate) }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        let uploadId = try await client.createMultipartUpload(
            bucket: "bkt", key: "big/file.bin", contentType: "application/vnd.apache.parquet",
            headers: ["x-amz-acl": "bucket-owner-full-control", "x-amz-server-side-encryption": "aws:kms",
                      "x-amz-server-side-encryption-aws-kms-key-id": "testkey-1"])
        #expect(uploadId == "upload-&-1")
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/bkt/big/file.bin?uploads")
        #expect(request.header("x-amz-checksum-algorithm") == "CRC32")
        #expect(request.header("x-amz-acl") == "bucket-owner-full-control")
        #expect(request.header("x-amz-server-side-encryption-aws-kms-key-id") == "testkey-1")
        let signed = Self.signedHeaders(request)
        for name in ["content-type", "x-amz-acl", "x-amz-checksum-algorithm", "x-amz-server-side-encryption",
                     "x-amz-server-side-encryption-aws-kms-key-id"] {
            #expect(signed.contains(name), "\(name) not signed")
        }
        #expect(Self.signed(request))
    }

    @Test("checksums: .none sends no checksum headers on create, part and PutObject")
    func checksumsOff() async throws {
        let server = try ScriptedHTTPServer { request, _ in
            request.method == "POST" ? .ok(body: Self.initiate) : .ok([("ETag", "\"p\"")])
        }
        defer { server.stop() }
        let client = try ScriptedClient.make(server) { $0.checksums = .none }
        let id = try await client.createMultipartUpload(bucket: "bkt", key: "k")
        let part = try await client.uploadPart(bucket: "bkt", key: "k", uploadId: id, partNumber: 1, body: [1, 2, 3])
        _ = try await client.putObject(bucket: "bkt", key: "k", body: [1, 2, 3])
        #expect(part.checksumCRC32 == nil)
        #expect(server.requests.count == 3)
        for request in server.requests {
            #expect(!request.headers.contains { $0.name.lowercased().contains("checksum") })
        }
    }

    @Test("UploadPart: PUT ?partNumber=&uploadId= with the body's CRC32 (signed); the ETag is kept with quotes")
    func uploadPart() async throws {
        let server = try ScriptedHTTPServer { _, _ in .ok([("ETag", "\"5d41402abc4b2a76b9719d911017c592\"")]) }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        let body = Array("Hello, S3!\n".utf8)
        let part = try await client.uploadPart(bucket: "bkt", key: "dir one/ä.bin", uploadId: "a/b+c=", partNumber: 7, body: body)
        #expect(part == CompletedPart(partNumber: 7, etag: "\"5d41402abc4b2a76b9719d911017c592\"", checksumCRC32: "Ul+QCw=="))
        let request = try #require(server.requests.first)
        #expect(request.method == "PUT")
        #expect(request.target == "/bkt/dir%20one/%C3%A4.bin?partNumber=7&uploadId=a%2Fb%2Bc%3D")
        #expect(request.header("x-amz-checksum-crc32") == "Ul+QCw==")
        #expect(request.header("x-amz-sdk-checksum-algorithm") == "CRC32")
        #expect(Self.signedHeaders(request).contains("x-amz-checksum-crc32"))
        #expect(request.body == body)
        #expect(Self.signed(request))
    }

    @Test("an UploadPart answer without its ETag (a head cut off) is retried")
    func missingETagRetried() async throws {
        let server = try ScriptedHTTPServer { _, index in index == 0 ? .ok() : .ok([("ETag", "\"p2\"")]) }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        let part = try await client.uploadPart(bucket: "bkt", key: "k", uploadId: "u", partNumber: 2, body: [1, 2])
        #expect(part.etag == "\"p2\"")
        #expect(server.requests.count == 2)

        let never = try ScriptedHTTPServer { _, _ in .ok() }
        defer { never.stop() }
        do {
            _ = try await ScriptedClient.make(never, maxAttempts: 2).uploadPart(bucket: "bkt", key: "k", uploadId: "u", partNumber: 1, body: [1])
            Issue.record("expected a missing-ETag error")
        } catch let error as S3Error {
            #expect(error.description.hasPrefix("UploadPart s3://bkt/k failed: 200: the answer has no ETag header"))
            #expect(error.attempts == 2)
        }
    }

    @Test("part numbers outside 1…10,000 are refused before sending, naming the limit and `part_size`")
    func partNumberLimits() async throws {
        let server = try ScriptedHTTPServer { _, _ in .ok([("ETag", "\"p\"")]) }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        let partSize = 5 << 20
        do {
            _ = try await client.uploadPart(bucket: "bkt", key: "k", uploadId: "u", partNumber: 10_001,
                                            body: [UInt8](repeating: 0, count: partSize))
            Issue.record("expected the part limit error")
        } catch let error as S3ClientError {
            #expect(error.description.hasPrefix("UploadPart s3://bkt/k failed: part 10001 exceeds S3's limit of 10000 parts"))
            #expect(error.description.contains("with 5 MiB parts an object can hold at most 48.8 GiB"))
            #expect(error.description.contains("raise `part_size`"))
        }
        await #expect(throws: S3ClientError.self) {
            try await client.uploadPart(bucket: "bkt", key: "k", uploadId: "u", partNumber: 0, body: [1])
        }
        await #expect(throws: S3ClientError.self) {
            try await client.uploadPart(bucket: "bkt", key: "k", uploadId: "", partNumber: 1, body: [1])
        }
        #expect(server.requests.isEmpty)
        _ = try await client.uploadPart(bucket: "bkt", key: "k", uploadId: "u", partNumber: 10_000, body: [1])
        #expect(server.requests.count == 1)
        #expect(S3Limits.partNumberProblem(1, partSize: 1) == nil)
        #expect(S3Limits.partNumberProblem(10_000, partSize: 1) == nil)
    }

    @Test("Complete sends the parts sorted by number with ETags and checksums, and returns the object's ETag")
    func completeBody() async throws {
        let server = try ScriptedHTTPServer { _, _ in .ok(body: Self.completed) }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        let parts = [
            CompletedPart(partNumber: 3, etag: "\"c3\"", checksumCRC32: "AAAAAw=="),
            CompletedPart(partNumber: 1, etag: "\"a1\"", checksumCRC32: "AAAAAQ=="),
            CompletedPart(partNumber: 2, etag: "\"b2\"", checksumCRC32: nil),
        ]
        let result = try await client.completeMultipartUpload(bucket: "bkt", key: "big/file.bin", uploadId: "u-1", parts: parts)
        #expect(result.etag == "\"3858f62230ac3c915f300c664312c11f-3\"")
        #expect(result.location == "http://x/bkt/big/file.bin")
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/bkt/big/file.bin?uploadId=u-1")
        let expected = #"<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">"#
            + "<Part><PartNumber>1</PartNumber><ETag>&quot;a1&quot;</ETag><ChecksumCRC32>AAAAAQ==</ChecksumCRC32></Part>"
            + "<Part><PartNumber>2</PartNumber><ETag>&quot;b2&quot;</ETag></Part>"
            + "<Part><PartNumber>3</PartNumber><ETag>&quot;c3&quot;</ETag><ChecksumCRC32>AAAAAw==</ChecksumCRC32></Part>"
            + "</CompleteMultipartUpload>"
        #expect(String(decoding: request.body, as: UTF8.self) == expected)
        // What S3 reads back from that body: the same parts, in order.
        let parsed = XMLLeafReader(request.body).records("Part")
        #expect(parsed.map { $0["ETag"] } == ["\"a1\"", "\"b2\"", "\"c3\""])
        #expect(Self.signed(request))
    }

    @Test("Complete refuses an empty list, duplicates and out-of-range numbers without sending")
    func completeValidation() async throws {
        let server = try ScriptedHTTPServer { _, _ in .ok(body: Self.completed) }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        let cases: [([CompletedPart], String)] = [
            ([], "no parts"),
            ([CompletedPart(partNumber: 1, etag: "a"), CompletedPart(partNumber: 1, etag: "b")], "part 1 is listed twice"),
            ([CompletedPart(partNumber: 10_001, etag: "a")], "outside 1…10000"),
        ]
        for (parts, message) in cases {
            do {
                _ = try await client.completeMultipartUpload(bucket: "bkt", key: "k", uploadId: "u", parts: parts)
                Issue.record("expected: \(message)")
            } catch let error as S3ClientError {
                #expect(error.description.hasPrefix("CompleteMultipartUpload s3://bkt/k failed: "))
                #expect(error.description.contains(message))
            }
        }
        #expect(server.requests.isEmpty)
    }

    @Test("Complete with If-None-Match: the header is sent and signed; S3's 412 is final, not retried")
    func completeConditional() async throws {
        let server = try ScriptedHTTPServer { _, _ in .s3Error(412, "PreconditionFailed", message: "At least one of the pre-conditions you specified did not hold") }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        do {
            _ = try await client.completeMultipartUpload(
                bucket: "bkt", key: "k", uploadId: "u", parts: [CompletedPart(partNumber: 1, etag: "\"e\"")],
                headers: ["If-None-Match": "*"])
            Issue.record("a 412 was taken for success")
        } catch let error as S3Error {
            #expect(error.statusCode == 412 && error.code == "PreconditionFailed")
        }
        #expect(server.requests.count == 1)
        let request = try #require(server.requests.first)
        #expect(request.header("If-None-Match") == "*")
        #expect(Self.signedHeaders(request).contains("if-none-match"))
        #expect(Self.signed(request))
    }

    @Test("Complete answered 200 with a retryable <Error> (after keep-alive whitespace) is retried")
    func completeErrorIn200Retried() async throws {
        let errorIn200 = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            \("                                                                ")
            <Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>
            """.utf8)
        let server = try ScriptedHTTPServer { _, index in index == 0 ? .ok(body: errorIn200) : .ok(body: Self.completed) }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        let result = try await client.completeMultipartUpload(
            bucket: "bkt", key: "k", uploadId: "u", parts: [CompletedPart(partNumber: 1, etag: "\"e\"")])
        #expect(result.etag == "\"3858f62230ac3c915f300c664312c11f-3\"")
        #expect(server.requests.count == 2)
        #expect(client.retryCount == 1)
    }

    @Test("Complete answered 200 with a final <Error> fails with that code; an empty 200 is retried")
    func completeErrorIn200Final() async throws {
        let invalidPart = Array("<Error><Code>InvalidPart</Code><Message>One or more of the specified parts could not be found.</Message></Error>".utf8)
        let server = try ScriptedHTTPServer { _, _ in .ok(body: invalidPart) }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        do {
            _ = try await client.completeMultipartUpload(bucket: "bkt", key: "k", uploadId: "u", parts: [CompletedPart(partNumber: 1, etag: "e")])
            Issue.record("expected InvalidPart")
        } catch let error as S3Error {
            #expect(error.code == "InvalidPart")
            #expect(error.statusCode == 200)
            #expect(error.description.hasPrefix("CompleteMultipartUpload s3://bkt/k failed: 200 InvalidPart: One or more"))
        }
        #expect(server.requests.count == 1)

        let empty = try ScriptedHTTPServer { _, index in index == 0 ? .ok() : .ok(body: Self.completed) }
        defer { empty.stop() }
        let retrying = try ScriptedClient.make(empty)
        _ = try await retrying.completeMultipartUpload(bucket: "bkt", key: "k", uploadId: "u", parts: [CompletedPart(partNumber: 1, etag: "e")])
        #expect(empty.requests.count == 2)
    }

    @Test("Abort: DELETE ?uploadId=; NoSuchUpload after a reset attempt means done, on a first attempt it is an error")
    func abort() async throws {
        let server = try ScriptedHTTPServer { _, index in index == 0 ? .reset : .s3Error(404, "NoSuchUpload") }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        try await client.abortMultipartUpload(bucket: "bkt", key: "k", uploadId: "u-9")
        #expect(server.requests.count == 2)
        #expect(server.requests.allSatisfy { $0.method == "DELETE" && $0.target == "/bkt/k?uploadId=u-9" })

        let gone = try ScriptedHTTPServer { _, _ in .s3Error(404, "NoSuchUpload") }
        defer { gone.stop() }
        let client2 = try ScriptedClient.make(gone)
        do {
            try await client2.abortMultipartUpload(bucket: "bkt", key: "k", uploadId: "u-9")
            Issue.record("expected NoSuchUpload")
        } catch let error as S3Error {
            #expect(error.code == "NoSuchUpload")
            #expect(error.operation == "AbortMultipartUpload")
        }
    }

    @Test("ListMultipartUploads follows the key and upload-id markers across pages")
    func listPages() async throws {
        let page1 = Array("""
            <ListMultipartUploadsResult><Bucket>bkt</Bucket><IsTruncated>true</IsTruncated>\
            <NextKeyMarker>p/b</NextKeyMarker><NextUploadIdMarker>id-2</NextUploadIdMarker>\
            <Upload><Key>p/a</Key><UploadId>id-1</UploadId><Initiator><ID>x</ID></Initiator><Initiated>2026-01-01T00:00:00.000Z</Initiated></Upload>\
            <Upload><Key>p/b</Key><UploadId>id-2</UploadId><Initiator><ID>y</ID></Initiator></Upload>\
            </ListMultipartUploadsResult>
            """.utf8)
        let page2 = Array("""
            <ListMultipartUploadsResult><IsTruncated>false</IsTruncated>\
            <Upload><Key>p/c</Key><UploadId>id-3</UploadId></Upload></ListMultipartUploadsResult>
            """.utf8)
        let server = try ScriptedHTTPServer { _, index in .ok(body: index == 0 ? page1 : page2) }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        let uploads = try await client.listMultipartUploads(bucket: "bkt", prefix: "p/")
        #expect(uploads == [
            MultipartUploadSummary(key: "p/a", uploadId: "id-1", initiated: "2026-01-01T00:00:00.000Z"),
            MultipartUploadSummary(key: "p/b", uploadId: "id-2", initiated: nil),
            MultipartUploadSummary(key: "p/c", uploadId: "id-3", initiated: nil),
        ])
        #expect(server.requests.map(\.target) == [
            "/bkt?uploads&prefix=p%2F",
            "/bkt?uploads&prefix=p%2F&key-marker=p%2Fb&upload-id-marker=id-2",
        ])
        #expect(server.requests.allSatisfy(Self.signed))
    }

    @Test("GetObject: 404 NoSuchKey is nil, NoSuchBucket is an error; HeadObject: 404 is nil")
    func getAndHead() async throws {
        let server = try ScriptedHTTPServer { request, _ in
            switch (request.method, request.path) {
            case ("GET", "/bkt/missing"): return .s3Error(404, "NoSuchKey")
            case ("GET", "/nobucket/k"): return .s3Error(404, "NoSuchBucket")
            case ("HEAD", "/bkt/missing"): return .respond(status: 404, headers: [], body: [])
            case ("HEAD", _): return .ok([("ETag", "\"h\""), ("Content-Type", "text/csv"), ("x-amz-server-side-encryption", "AES256")], body: [1, 2, 3])
            default: return .ok(body: [9, 8, 7])
            }
        }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        #expect(try await client.getObject(bucket: "bkt", key: "missing") == nil)
        #expect(try await client.getObject(bucket: "bkt", key: "present") == [9, 8, 7])
        do {
            _ = try await client.getObject(bucket: "nobucket", key: "k")
            Issue.record("expected NoSuchBucket")
        } catch let error as S3Error {
            #expect(error.code == "NoSuchBucket")
        }
        #expect(try await client.headObject(bucket: "bkt", key: "missing") == nil)
        let meta = try #require(try await client.headObject(bucket: "bkt", key: "present"))
        #expect(meta.etag == "\"h\"")
        #expect(meta.contentType == "text/csv")
        #expect(meta.header("X-Amz-Server-Side-Encryption") == "AES256")
        #expect(server.requests.count == 5)
    }

    @Test("GetObject over maxBytes: an S3TransportError marked responseTooLarge (the plugin's Read names the fix by it)")
    func getObjectOverTheLimit() async throws {
        let server = try ScriptedHTTPServer { _, _ in .ok(body: [UInt8](repeating: 7, count: 4096)) }
        defer { server.stop() }
        let client = try ScriptedClient.make(server)
        do {
            _ = try await client.getObject(bucket: "bkt", key: "big", maxBytes: 100)
            Issue.record("expected the transfer to stop at 100 bytes")
        } catch let error as S3TransportError {
            #expect(error.responseTooLarge)
            #expect(error.description.contains("larger than 100 bytes"))
        }
        #expect(try await client.getObject(bucket: "bkt", key: "small", maxBytes: 4096)?.count == 4096)
    }
}
