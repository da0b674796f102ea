import Foundation
import NIOConcurrencyHelpers
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 that answers each request as a test script says: a status with
/// headers and body, a TCP reset, or a response cut off mid-body. It records every request (headers and
/// body) so tests can check what the client sent on each attempt. Keep-alive and `Expect: 100-continue`
/// are handled like S3 does; one thread per connection, blocking sockets with timeouts.
final class ScriptedHTTPServer: @unchecked Sendable {
    struct Request: Sendable {
        let method: String
        /// Path and query as sent (`/bucket/key?partNumber=1&uploadId=x`).
        let target: String
        let headers: [(name: String, value: String)]
        let body: [UInt8]

        func header(_ name: String) -> String? {
            let lower = name.lowercased()
            return headers.first { $0.name.lowercased() == lower }?.value
        }

        var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
        var query: String { target.contains("?") ? String(target.split(separator: "?", maxSplits: 1)[1]) : "" }
    }

    enum Reply: Sendable {
        case respond(status: Int, headers: [(String, String)], body: [UInt8])
        /// Read the request, then close with a TCP RST (SO_LINGER 0), as a crashed server or a proxy does.
        case reset
        /// Send the head with the full Content-Length but only half the body, then close.
        case truncated(status: Int, body: [UInt8])

        static func ok(_ headers: [(String, String)] = [], body: [UInt8] = []) -> Reply {
            .respond(status: 200, headers: headers, body: body)
        }

        /// An S3 error document with the given status and code; `date` goes into the `Date` header.
        static func s3Error(_ status: Int, _ code: String, message: String = "scripted error", date: Date = Date()) -> Reply {
            let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>\(code)</Code><Message>\(message)</Message>"
                + "<RequestId>scripted-\(code)</RequestId></Error>"
            return .respond(status: status, headers: [("Date", httpDate(date)), ("Content-Type", "application/xml")],
                            body: Array(xml.utf8))
        }
    }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    let port: Int
    private let listenFD: Int32
    private let script: @Sendable (_ request: Request, _ index: Int) -> Reply
    private let recorded = NIOLockedValueBox<[Request]>([])
    private let stopped = Atomic<Bool>(false)

    /// Starts listening; `script` gets each request and its 0-based index among all requests received.
    init(script: @escaping @Sendable (_ request: Request, _ index: Int) -> Reply) throws {
        self.script = script
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failed(description: "socket() failed") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw Failed(description: "bind/listen on 127.0.0.1 failed")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listenFD = fd
        port = Int(UInt16(bigEndian: addr.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "scripted-http-accept"
        thread.start()
    }

    deinit { stop() }

    var endpoint: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in arrival order.
    var requests: [Request] { recorded.withLockedValue { $0 } }

    func stop() {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        shutdown(listenFD, Int32(SHUT_RDWR))
        close(listenFD)
    }

    private func acceptLoop() {
        while !stopped.load(ordering: .relaxed) {
            let client = accept(listenFD, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            var timeout = timeval(tv_sec: 15, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let thread = Thread { [self] in serve(client) }
            thread.name = "scripted-http-conn"
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        var reader = SocketReader(fd: fd)
        defer { close(fd) }
        while !stopped.load(ordering: .relaxed) {
            guard let request = reader.readRequest(sendContinue: { send(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) })
            else { return }
            let index = recorded.withLockedValue { list -> Int in
                list.append(request)
                return list.count - 1
            }
            switch script(request, index) {
            case .respond(let status, let headers, let body):
                var head = "HTTP/1.1 \(status) Scripted\r\n"
                var names = Set<String>()
                for (name, value) in headers {
                    head += "\(name): \(value)\r\n"
                    names.insert(name.lowercased())
                }
                if !names.contains("date") { head += "Date: \(Self.httpDate(Date()))\r\n" }
                head += "Content-Length: \(request.method == "HEAD" ? 0 : body.count)\r\n\r\n"
                guard send(fd, Array(head.utf8) + (request.method == "HEAD" ? [] : body)) else { return }
            case .reset:
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                return
            case .truncated(let status, let body):
                let head = "HTTP/1.1 \(status) Scripted\r\nContent-Length: \(body.count)\r\n\r\n"
                _ = send(fd, Array(head.utf8) + body.prefix(body.count / 2))
                shutdown(fd, Int32(SHUT_RDWR))
                return
            }
        }
    }

    @discardableResult
    private func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    /// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}

/// Reads HTTP/1.1 requests (head, then a Content-Length body) from a blocking socket.
private struct SocketReader {
    let fd: Int32
    var buffer: [UInt8] = []

    mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return false }
        buffer += chunk[0..<n]
        return true
    }

    mutating func readRequest(sendContinue: () -> Void) -> ScriptedHTTPServer.Request? {
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int?
        while headEnd == nil {
            if buffer.count >= 4 {
                headEnd = (0...(buffer.count - 4)).first { buffer[$0..<($0 + 4)].elementsEqual(separator) }
            }
            if headEnd == nil, !fill() { return nil }
        }
        guard let end = headEnd else { return nil }
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        buffer.removeFirst(end + 4)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
        }
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        if length > 0, headers.contains(where: { $0.name.lowercased() == "expect" && $0.value.lowercased() == "100-continue" }) {
            sendContinue()
        }
        while buffer.count < length {
            if !fill() { return nil }
        }
        let body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        return ScriptedHTTPServer.Request(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }
}
