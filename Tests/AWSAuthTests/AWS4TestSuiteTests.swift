@testable import AWSAuth
import Foundation
import TestSupport
import Testing

/// The official SigV4 suite (`aws4_testsuite`, service `service`, 2015-08-30, AKIDEXAMPLE).
@Suite(.requires(.sharedData)) struct AWS4TestSuiteSharedDataTests {
    static let credentials = (keyId: "AKIDEXAMPLE", secret: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")

    /// Case directories: each holds `<name>.req` and its expectations.
    static func cases() throws -> [URL] {
        let root = try SharedTestData.sigv4().appendingPathComponent("aws4_testsuite")
        let fm = FileManager.default
        var found: [URL] = []
        func scan(_ dir: URL) throws {
            for entry in try fm.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil).sorted(by: { $0.path < $1.path }) {
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: entry.path, isDirectory: &isDir), isDir.boolValue else { continue }
                if fm.fileExists(atPath: entry.appendingPathComponent(entry.lastPathComponent + ".req").path) {
                    found.append(entry)
                } else {
                    try scan(entry)
                }
            }
        }
        try scan(root)
        return found
    }

    static func run(_ caseDir: URL, options: SigV4Signer.Options, encodePathForS3: Bool) throws -> [String] {
        let name = caseDir.lastPathComponent
        func file(_ ext: String) throws -> String {
            try SharedTestData.text(caseDir.appendingPathComponent("\(name).\(ext)"))
        }
        let raw = try RawHTTPRequest(try file("req"))
        // The session token, when a case has one, shows in the signed request (.sreq). Whether it was part
        // of the signature shows in SignedHeaders: post-sts-header-after adds it only after signing.
        let authz = try file("authz")
        let signed = try RawHTTPRequest(try file("sreq"))
        let token = authz.contains("x-amz-security-token")
            ? signed.headers.first { $0.name.lowercased() == "x-amz-security-token" }?.value : nil
        let credentials = Credentials(accessKeyId: credentials.keyId, secretAccessKey: credentials.secret, sessionToken: token)
        let path = encodePathForS3 ? URIEncoding.encodePath(raw.path) : raw.path
        var request = SigV4Request(method: raw.method, path: path, query: raw.query, headers: raw.headers)
        let signer = SigV4Signer(region: "us-east-1", service: "service", options: options)
        guard let date = parseTimestamp("20150830T123600Z") else { return ["bad date"] }
        let signature = signer.sign(&request, credentials: credentials, payloadHash: .sha256(of: raw.body), date: date)
        let expected = SigningExpectation(
            canonicalRequest: try file("creq"), stringToSign: try file("sts"), authorization: authz)
        return expected.mismatches(signature)
    }

    @Test("aws4_testsuite with S3 path rules (path-normalising cases excluded)")
    func s3Rules() throws {
        var tally = SuiteTally("aws4_testsuite (S3 rules, normalize-path excluded)")
        for dir in try Self.cases() where !dir.path.contains("/normalize-path/") {
            let options = SigV4Signer.Options(path: .asSent, addContentSHA256Header: false)
            tally.record(dir.lastPathComponent, try Self.run(dir, options: options, encodePathForS3: true))
        }
        tally.report()
        #expect(tally.total >= 25, "expected the suite's non-path cases, found \(tally.total)")
        #expect(tally.failures.isEmpty, "\(tally.failures.joined(separator: "\n"))")
    }

    @Test("aws4_testsuite with generic rules (all cases, normalize-path included)")
    func genericRules() throws {
        var tally = SuiteTally("aws4_testsuite (generic rules, all cases)")
        for dir in try Self.cases() {
            tally.record(dir.lastPathComponent, try Self.run(dir, options: .generic, encodePathForS3: false))
        }
        tally.report()
        #expect(tally.total >= 33, "expected every case of the suite, found \(tally.total)")
        #expect(tally.failures.isEmpty, "\(tally.failures.joined(separator: "\n"))")
    }
}
