@testable import AWSAuth

/// A request in the test suites' text form (`METHOD /path?query HTTP/1.1`, `Name:value` lines, a blank
/// line, the body). Continuation lines (leading whitespace) are folded into the previous header.
struct RawHTTPRequest {
    var method: String
    /// The path exactly as written in the request line (the suites write it unencoded).
    var path: String
    var query: String
    var headers: [HTTPHeader]
    var body: [UInt8]

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    init(_ text: String) throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        guard !lines.isEmpty else { throw Malformed(description: "empty request") }
        let requestLine = lines.removeFirst()
        guard let firstSpace = requestLine.firstIndex(of: " ") else {
            throw Malformed(description: "bad request line: \(requestLine)")
        }
        method = String(requestLine[..<firstSpace])
        var target = String(requestLine[requestLine.index(after: firstSpace)...])
        if let version = target.range(of: " HTTP/", options: .backwards) { target = String(target[..<version.lowerBound]) }
        if let q = target.firstIndex(of: "?") {
            path = String(target[..<q])
            query = String(target[target.index(after: q)...])
        } else {
            path = target
            query = ""
        }
        headers = []
        var bodyLines: [String] = []
        var inBody = false
        for line in lines {
            if inBody { bodyLines.append(line); continue }
            if line.isEmpty { inBody = true; continue }
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += "\n" + line
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { throw Malformed(description: "bad header: \(line)") }
            headers.append(HTTPHeader(String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
        body = Array(bodyLines.joined(separator: "\n").utf8)
    }
}
