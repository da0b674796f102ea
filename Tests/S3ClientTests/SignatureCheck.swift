@testable import AWSAuth
import Foundation

/// Verifies a recorded request's SigV4 signature the way S3 does: recompute it from the headers the
/// `Authorization` header lists, the `x-amz-date` and the secret key, and compare. Also checks that
/// `x-amz-content-sha256` matches the body.
enum SignatureCheck {
    struct Result {
        let signatureValid: Bool
        let payloadHashValid: Bool
        let amzDate: Date?
    }

    static func verify(_ request: ScriptedHTTPServer.Request, credentials: Credentials, region: String) -> Result {
        guard let authorization = request.header("Authorization"),
              let signedList = field("SignedHeaders=", in: authorization),
              let provided = field("Signature=", in: authorization),
              let amzDateText = request.header("x-amz-date"), let date = parseAMZDate(amzDateText),
              let payload = request.header("x-amz-content-sha256") else {
            return Result(signatureValid: false, payloadHashValid: false, amzDate: nil)
        }
        let signed = Set(signedList.split(separator: ";").map(String.init))
        let headers = request.headers.filter { signed.contains($0.name.lowercased()) }.map { HTTPHeader($0.name, $0.value) }
        let signable = SigV4Request(method: request.method, path: request.path, query: request.query, headers: headers)
        let expected = SigV4Signer(region: region).signature(
            for: signable, credentials: credentials, payloadHash: PayloadHash(payload), date: date)
        let payloadValid = payload == "UNSIGNED-PAYLOAD" || payload == Hashing.hex(Hashing.sha256(request.body))
        return Result(signatureValid: expected.signature == provided, payloadHashValid: payloadValid, amzDate: date)
    }

    /// `Name=value` up to the next `,` in an Authorization header.
    private static func field(_ name: String, in text: String) -> String? {
        guard let start = text.range(of: name) else { return nil }
        let rest = text[start.upperBound...]
        return String(rest.prefix { $0 != "," }).trimmingCharacters(in: .whitespaces)
    }

    /// `20250101T120000Z` → Date.
    static func parseAMZDate(_ text: String) -> Date? {
        let digits = Array(text.utf8)
        guard digits.count == 16, digits[8] == UInt8(ascii: "T"), digits[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int32? { Int32(String(decoding: digits[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
              let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15) else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
