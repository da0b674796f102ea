@testable import AWSAuth
import Foundation
import Testing

@Suite struct SignerBehaviourTests {
    let credentials = Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    let date = Date(timeIntervalSince1970: 1_736_944_245)  // 2025-01-15T12:30:45Z

    @Test("S3 path encoding: each byte once, slash kept, no normalisation")
    func pathEncoding() {
        #expect(URIEncoding.encodePath("dir one/ä+b=c&d%e.txt") == "dir%20one/%C3%A4%2Bb%3Dc%26d%25e.txt")
        #expect(URIEncoding.encodePath("a//b/./c/../d/") == "a//b/./c/../d/")
        #expect(URIEncoding.encodePath("-_.~AZaz09") == "-_.~AZaz09")
        #expect(URIEncoding.encode("a/b c", keepSlash: false) == "a%2Fb%20c")
        #expect(URIEncoding.query([("uploads", nil)]) == "uploads")
        #expect(URIEncoding.query([("partNumber", "1"), ("uploadId", "a/b+c=")]) == "partNumber=1&uploadId=a%2Fb%2Bc%3D")
    }

    @Test("x-amz-date, content hash and token are set once; re-signing replaces them")
    func resigning() throws {
        let temporary = Credentials(accessKeyId: "ASIAEXAMPLE", secretAccessKey: "secret", sessionToken: "TOKEN1")
        let signer = SigV4Signer(region: "eu-west-1")
        var request = SigV4Request(method: "PUT", path: "/k", headers: [HTTPHeader("Host", "b.s3.eu-west-1.amazonaws.com")])
        let first = signer.sign(&request, credentials: temporary, payloadHash: .empty, date: date)
        let second = signer.sign(&request, credentials: temporary, payloadHash: .unsigned, date: date.addingTimeInterval(60))
        for name in ["x-amz-date", "x-amz-security-token", "x-amz-content-sha256", "authorization"] {
            #expect(request.headers.filter { $0.name.lowercased() == name }.count == 1, "\(name) must appear once")
        }
        #expect(request.header("x-amz-date") == "20250115T123145Z")
        #expect(request.header("x-amz-content-sha256") == "UNSIGNED-PAYLOAD")
        #expect(request.header("authorization") == second.authorization)
        #expect(first.signature != second.signature)
        #expect(second.signedHeaders == "host;x-amz-content-sha256;x-amz-date;x-amz-security-token")
        #expect(second.credentialScope == "20250115/eu-west-1/s3/aws4_request")
    }

    @Test("hop-by-hop headers are sent but not signed; values are trimmed and collapsed")
    func headerSelection() {
        let signer = SigV4Signer(region: "us-east-1")
        var request = SigV4Request(method: "PUT", path: "/k", headers: [
            HTTPHeader("Host", "h"), HTTPHeader("Expect", "100-continue"), HTTPHeader("User-Agent", "x"),
            HTTPHeader("Transfer-Encoding", "chunked"), HTTPHeader("Content-Type", "  text/csv ;  charset=utf-8  "),
        ])
        let signature = signer.sign(&request, credentials: credentials, payloadHash: .empty, date: date)
        #expect(signature.signedHeaders == "content-type;host;x-amz-content-sha256;x-amz-date")
        #expect(signature.canonicalRequest.contains("\ncontent-type:text/csv ; charset=utf-8\n"))
        #expect(request.header("expect") == "100-continue")
    }

    @Test("signing keys are cached per day and key id, and never reused for another secret")
    func signingKeyCache() {
        let signer = SigV4Signer(region: "us-east-1")
        let key1 = signer.signingKey(credentials: credentials, date: date)
        #expect(signer.signingKey(credentials: credentials, date: date.addingTimeInterval(3600)) == key1)
        #expect(signer.signingKey(credentials: credentials, date: date.addingTimeInterval(86_400)) != key1)
        let rotated = Credentials(accessKeyId: credentials.accessKeyId, secretAccessKey: "another-secret")
        #expect(signer.signingKey(credentials: rotated, date: date) != key1)
        #expect(signer.signingKey(credentials: credentials, date: date) == key1)
        #expect(key1.count == 32)
    }

    @Test("payload hashes: SHA-256 hex of the body, the empty-body constant, UNSIGNED-PAYLOAD")
    func payloadHashes() {
        #expect(PayloadHash.sha256(of: [UInt8]()) == .empty)
        #expect(PayloadHash.sha256(of: Array("Hello, S3!\n".utf8)).value
            == "911158d6968f71fdcc5df899b1977bb616b1d24be85cfbb699e9e706f03486c3")
        #expect(PayloadHash.unsigned.value == "UNSIGNED-PAYLOAD")
        #expect(Hashing.hex(Hashing.md5(Array("abc".utf8))) == "900150983cd24fb0d6963f7d28e17f72")
    }
}
