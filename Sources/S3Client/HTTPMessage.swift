import AWSAuth

/// A fully prepared HTTP request for the transport: URL already encoded, headers already signed.
struct HTTPRequest: Sendable {
    var method: String
    var url: String
    var headers: [HTTPHeader]
    var body: [UInt8]
    /// Responses larger than this abort the transfer (S3 answers to writes are small; reads set their own).
    var maxResponseBytes: Int = 64 << 20
}

struct HTTPResponse: Sendable {
    var statusCode: Int
    /// Header fields of the final response (interim `100 Continue` blocks dropped), names as received.
    var headers: [HTTPHeader]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }
}

/// libcurl failed before an HTTP response was complete.
struct CurlError: Error, Sendable {
    let code: Int
    let message: String
}
