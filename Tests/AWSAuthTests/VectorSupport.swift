@testable import AWSAuth
import Foundation

/// Expected results of one signing vector and the comparison against what the signer produced.
struct SigningExpectation {
    var canonicalRequest: String?
    var stringToSign: String?
    var signature: String?
    var authorization: String?
    var signingKeyHex: String?

    /// Differences, one line each; empty when everything given matches.
    func mismatches(_ actual: SigV4Signature, signingKey: [UInt8]? = nil) -> [String] {
        var out: [String] = []
        func check(_ what: String, _ expected: String?, _ got: String) {
            guard let expected else { return }
            let trimmed = expected.trimmingCharacters(in: .newlines)
            if trimmed != got { out.append("\(what):\n  expected: \(trimmed.debugDescription)\n  got:      \(got.debugDescription)") }
        }
        check("canonical request", canonicalRequest, actual.canonicalRequest)
        check("string to sign", stringToSign, actual.stringToSign)
        check("signature", signature, actual.signature)
        check("authorization", authorization, actual.authorization)
        if let signingKey { check("signing key", signingKeyHex, Hashing.hex(signingKey)) }
        return out
    }
}

/// Tallies a suite and prints `suite: N/M passed` so test logs show the coverage of each vector set.
struct SuiteTally {
    let suite: String
    private(set) var passed = 0
    private(set) var failures: [String] = []
    var total: Int { passed + failures.count }

    init(_ suite: String) { self.suite = suite }

    mutating func record(_ name: String, _ problems: [String]) {
        if problems.isEmpty { passed += 1 } else { failures.append("\(name): " + problems.joined(separator: "\n")) }
    }

    func report() {
        print("\(suite): \(passed)/\(total) passed")
        for failure in failures { print("  FAILED \(failure)") }
    }
}

/// Splits `scheme://authority/path?query` without any decoding.
func splitURL(_ url: String) -> (authority: String, path: String, query: String) {
    var rest = Substring(url)
    if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
    let slash = rest.firstIndex(of: "/") ?? rest.endIndex
    let authority = String(rest[..<slash])
    let target = rest[slash...]
    if let q = target.firstIndex(of: "?") {
        return (authority, String(target[..<q]), String(target[target.index(after: q)...]))
    }
    return (authority, String(target), "")
}

/// `20150830T123600Z` or `2015-08-30T12:36:00Z` → Date.
func parseTimestamp(_ text: String) -> Date? {
    let compact = text.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
    return formatter.date(from: compact)
}
