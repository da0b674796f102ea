import AWSAuth
import Foundation
import HTTPTransport

/// Text of the `aws_debug` request and response logs, with secrets removed: the signature part of
/// `Authorization`, session tokens, SSE-C keys and anything named like a secret are replaced, and as a last
/// line of defence every literal occurrence of the secret key and token is scrubbed from the text.
enum DebugLog {
    static let redacted = "<redacted>"

    static func request(_ request: HTTPRequest, operation: String, attempt: Int, credentials: Credentials) -> String {
        var text = "S3 request \(operation) (attempt \(attempt)): \(request.method) \(request.url)\n"
        text += headerLines(request.headers)
        text += "(body \(request.body.count) bytes)"
        return scrub(text, credentials: credentials)
    }

    static func response(_ response: HTTPResponse, operation: String, milliseconds: Int, credentials: Credentials) -> String {
        var text = "S3 response \(operation): \(response.statusCode) after \(milliseconds) ms\n"
        text += headerLines(response.headers)
        text += "(body \(response.body.count) bytes)"
        return scrub(text, credentials: credentials)
    }

    static func headerLines(_ headers: [HTTPHeader]) -> String {
        var text = ""
        for header in headers {
            text += "  \(header.name): \(value(of: header))\n"
        }
        return text
    }

    /// A header's value as it may be logged.
    static func value(of header: HTTPHeader) -> String {
        let name = header.name.lowercased()
        if name == "authorization" {
            // Keep the scope and signed-header list (they explain signature mismatches), drop the signature.
            guard let signature = header.value.range(of: "Signature=") else { return redacted }
            return header.value[..<signature.upperBound] + redacted
        }
        return isSecretHeader(name) ? redacted : header.value
    }

    /// Headers whose value is a credential: session tokens, SSE-C keys, cookies, anything named secret,
    /// token or password. `name` is lower-case.
    static func isSecretHeader(_ name: String) -> Bool {
        name == "authorization" || name.hasSuffix("-customer-key") || name.contains("secret")
            || name.contains("password") || name.contains("token") || name == "cookie" || name == "set-cookie"
    }

    /// Replaces the secret access key and session token wherever they appear verbatim.
    static func scrub(_ text: String, credentials: Credentials) -> String {
        var text = text
        for secret in [credentials.secretAccessKey, credentials.sessionToken ?? ""] where secret.count >= 4 {
            text = text.replacingOccurrences(of: secret, with: redacted)
        }
        return text
    }
}
