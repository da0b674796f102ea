@testable import AWSAuth
import Foundation
import TestSupport
import Testing

/// aws-c-auth's `v4` signing suite (header signing). `"normalize": false` cases (`*-unnormalized`) use
/// the S3 path rules (the wire path encoded once, never normalised); `true` cases use the generic rules.
@Suite(.requires(.sharedData)) struct AWSCAuthVectorSharedDataTests {
    @Test("aws-c-auth v4 header-signing vectors")
    func headerSigning() throws {
        let root = try SharedTestData.sigv4().appendingPathComponent("aws-c-auth/v4")
        let dirs = try FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil)
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("context.json").path) }
            .sorted { $0.path < $1.path }
        var s3Tally = SuiteTally("aws-c-auth v4 (S3 rules: *-unnormalized)")
        var genericTally = SuiteTally("aws-c-auth v4 (generic rules: normalized and non-path cases)")
        for dir in dirs {
            let name = dir.lastPathComponent
            let problems = try run(dir)
            if try context(dir)["normalize"] as? Bool == false {
                s3Tally.record(name, problems)
            } else {
                genericTally.record(name, problems)
            }
        }
        s3Tally.report()
        genericTally.report()
        #expect(s3Tally.total >= 7, "expected the *-unnormalized cases, found \(s3Tally.total)")
        #expect(s3Tally.total + genericTally.total == dirs.count)
        #expect(s3Tally.failures.isEmpty, "\(s3Tally.failures.joined(separator: "\n"))")
        #expect(genericTally.failures.isEmpty, "\(genericTally.failures.joined(separator: "\n"))")
    }

    func context(_ dir: URL) throws -> [String: Any] {
        try SharedTestData.json(dir.appendingPathComponent("context.json")) as? [String: Any] ?? [:]
    }

    func run(_ dir: URL) throws -> [String] {
        let ctx = try context(dir)
        guard let creds = ctx["credentials"] as? [String: Any],
              let keyId = creds["access_key_id"] as? String, let secret = creds["secret_access_key"] as? String,
              let region = ctx["region"] as? String, let service = ctx["service"] as? String,
              let timestamp = ctx["timestamp"] as? String, let date = parseTimestamp(timestamp)
        else { return ["unreadable context.json"] }
        let normalize = ctx["normalize"] as? Bool ?? true
        let signBody = ctx["sign_body"] as? Bool ?? false
        let omitToken = ctx["omit_session_token"] as? Bool ?? false
        let token = omitToken ? nil : creds["token"] as? String

        let raw = try RawHTTPRequest(try SharedTestData.text(dir.appendingPathComponent("request.txt")))
        let options = SigV4Signer.Options(path: normalize ? .normalizedAndEncoded : .asSent, addContentSHA256Header: signBody)
        let path = normalize ? raw.path : URIEncoding.encodePath(raw.path)
        var request = SigV4Request(method: raw.method, path: path, query: raw.query, headers: raw.headers)
        let signer = SigV4Signer(region: region, service: service, options: options)
        let credentials = Credentials(accessKeyId: keyId, secretAccessKey: secret, sessionToken: token)
        let signature = signer.sign(&request, credentials: credentials, payloadHash: .sha256(of: raw.body), date: date)

        func read(_ file: String) throws -> String? {
            let url = dir.appendingPathComponent(file)
            return FileManager.default.fileExists(atPath: url.path) ? try SharedTestData.text(url) : nil
        }
        let signedRequest = try read("header-signed-request.txt") ?? ""
        let authorization = signedRequest.split(separator: "\n")
            .first { $0.lowercased().hasPrefix("authorization:") }
            .map { String($0.dropFirst("authorization:".count)).trimmingCharacters(in: .whitespaces) }
        let expected = SigningExpectation(
            canonicalRequest: try read("header-canonical-request.txt"),
            stringToSign: try read("header-string-to-sign.txt"),
            signature: try read("header-signature.txt"),
            authorization: authorization)
        var problems = expected.mismatches(signature)
        if expected.canonicalRequest == nil || expected.signature == nil { problems.append("vector has no expectations") }
        return problems
    }
}
