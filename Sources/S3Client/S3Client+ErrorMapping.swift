import AWSAuth
import Foundation
import HTTPTransport

// Error answers → S3Error, and the masking that keeps secrets out of what S3 echoes back.
extension S3Client {
    /// Maps an error answer to ``S3Error``, from its XML body when there is one, else from the status.
    static func error(from response: HTTPResponse, for request: S3Request) -> S3Error {
        let xml = XMLLeafReader(response.body)
        let fromBody = xml.rootName == "Error"
        func field(_ name: String) -> String? {
            guard fromBody, let text = xml.text(name, under: "Error"), !text.isEmpty else { return nil }
            return text
        }
        let message = field("Message")
            ?? (fromBody ? "" : HTTPStatus.reason(response.statusCode))
        return S3Error(
            operation: request.operation,
            bucket: request.bucket,
            key: request.key.isEmpty ? nil : request.key,
            statusCode: response.statusCode,
            code: field("Code") ?? "",
            message: message,
            requestId: field("RequestId") ?? response.header("x-amz-request-id"),
            hostId: field("HostId") ?? response.header("x-amz-id-2"),
            bucketRegion: response.header("x-amz-bucket-region") ?? field("Region"),
            serverCanonicalRequest: field("CanonicalRequest").map(maskingSecretHeaders),
            serverStringToSign: field("StringToSign"))
    }
}

extension S3Client {
    /// A canonical request lists header values, the session token and any SSE-C key among them: mask
    /// those lines before the text reaches a log or an error.
    static func maskingSecretHeaders(_ canonicalRequest: String) -> String {
        canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let colon = line.firstIndex(of: ":") else { return String(line) }
            let name = line[..<colon].lowercased()
            return DebugLog.isSecretHeader(name) ? "\(name):\(DebugLog.redacted)" : String(line)
        }.joined(separator: "\n")
    }
}

enum HTTPStatus {
    /// Reason phrase for responses without an S3 error document.
    static func reason(_ status: Int) -> String {
        switch status {
        case 301: return "Moved Permanently (wrong region or endpoint?)"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 411: return "Length Required"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "HTTP status \(status)"
        }
    }
}
