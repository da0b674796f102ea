@testable import AWSAuth
import Foundation
import TestSupport
import Testing

/// S3-specific vectors: the S3 API Reference examples and 16 requests signed by botocore.
@Suite(.requires(.sharedData)) struct S3VectorSharedDataTests {
    @Test("S3 documentation examples (header signing and chunked-upload seed)")
    func docsExamples() throws {
        let json = try SharedTestData.json(try SharedTestData.sigv4().appendingPathComponent("s3-docs-examples.json"))
        let doc = try #require(json as? [String: Any])
        let creds = try #require(doc["credentials"] as? [String: String])
        let keyId = try #require(creds["access_key_id"])
        let secret = try #require(creds["secret_access_key"])
        let credentials = Credentials(accessKeyId: keyId, secretAccessKey: secret)
        let region = try #require(doc["region"] as? String)
        let signer = SigV4Signer(region: region, service: "s3")
        let timestamp = try #require(doc["timestamp"] as? String)
        let date = try #require(parseTimestamp(timestamp))

        var examples = doc["header_examples"] as? [[String: Any]] ?? []
        if let chunked = doc["chunked_upload_example"] as? [String: Any], let seed = chunked["seed"] as? [String: Any] {
            examples.append(seed)
        }
        var tally = SuiteTally("s3-docs-examples (header signing)")
        for example in examples {
            let name = example["name"] as? String ?? "?"
            guard let method = example["method"] as? String, let url = example["url"] as? String,
                  let headerPairs = example["headers"] as? [[String]], let payload = example["payload_hash"] as? String
            else { tally.record(name, ["unreadable example"]); continue }
            let parts = splitURL(url)
            var request = SigV4Request(
                method: method, path: parts.path, query: parts.query,
                headers: headerPairs.compactMap { $0.count == 2 ? HTTPHeader($0[0], $0[1]) : nil })
            let signature = signer.sign(&request, credentials: credentials, payloadHash: PayloadHash(payload), date: date)
            let expected = SigningExpectation(
                canonicalRequest: example["canonical_request"] as? String,
                stringToSign: example["string_to_sign"] as? String,
                signature: example["signature"] as? String,
                authorization: example["authorization"] as? String,
                signingKeyHex: doc["signing_key_hex"] as? String)
            tally.record(name, expected.mismatches(signature, signingKey: signer.signingKey(credentials: credentials, date: date)))
        }
        tally.report()
        #expect(tally.total == 5, "expected 4 header examples and the chunked seed, found \(tally.total)")
        #expect(tally.failures.isEmpty, "\(tally.failures.joined(separator: "\n"))")
    }

    @Test("botocore S3 vectors (all 16)")
    func botocoreVectors() throws {
        let json = try SharedTestData.json(try SharedTestData.sigv4().appendingPathComponent("s3-botocore-vectors.json"))
        let vectors = try #require((json as? [String: Any])?["vectors"] as? [[String: Any]])
        var tally = SuiteTally("s3-botocore-vectors")
        for vector in vectors {
            let name = vector["name"] as? String ?? "?"
            tally.record(name, try Self.check(vector))
        }
        tally.report()
        #expect(tally.total == 16)
        #expect(tally.failures.isEmpty, "\(tally.failures.joined(separator: "\n"))")
    }

    static func check(_ vector: [String: Any]) throws -> [String] {
        guard let inputs = vector["inputs"] as? [String: Any], let http = vector["request"] as? [String: Any],
              let expected = vector["expected"] as? [String: Any],
              let creds = inputs["credentials"] as? [String: Any],
              let keyId = creds["access_key_id"] as? String, let secret = creds["secret_access_key"] as? String,
              let region = inputs["region"] as? String, let timestamp = inputs["timestamp"] as? String,
              let date = parseTimestamp(timestamp),
              let method = http["method"] as? String, let url = http["url"] as? String,
              let headerPairs = http["headers"] as? [[String]]
        else { return ["unreadable vector"] }
        // Headers botocore's HTTP layer adds after signing are not part of the signed request.
        let unsigned = Set(((http["unsigned_headers_present"] as? [String]) ?? []).map { $0.lowercased() } + ["authorization"])
        var headers = headerPairs.compactMap { $0.count == 2 ? HTTPHeader($0[0], $0[1]) : nil }
        let payload = headers.first { $0.name.lowercased() == "x-amz-content-sha256" }?.value ?? PayloadHash.empty.value
        headers.removeAll { unsigned.contains($0.name.lowercased()) }
        let parts = splitURL(url)
        var request = SigV4Request(method: method, path: parts.path, query: parts.query,
                                   headers: [HTTPHeader("Host", parts.authority)] + headers)
        let signer = SigV4Signer(region: region, service: "s3")
        let credentials = Credentials(accessKeyId: keyId, secretAccessKey: secret, sessionToken: creds["session_token"] as? String)
        let signature = signer.sign(&request, credentials: credentials, payloadHash: PayloadHash(payload), date: date)
        let expectation = SigningExpectation(
            canonicalRequest: expected["canonical_request"] as? String,
            stringToSign: expected["string_to_sign"] as? String,
            signature: expected["signature"] as? String,
            authorization: expected["authorization"] as? String,
            signingKeyHex: expected["signing_key_hex"] as? String)
        return expectation.mismatches(signature, signingKey: signer.signingKey(credentials: credentials, date: date))
    }
}
