@testable import AWSAuth
import Foundation
import Testing
@testable import S3Client
#if canImport(Glibc)
import Glibc
#endif

/// Failure paths of the libcurl transport, against local sockets only.
@Suite struct TransportTests {
    static let credentials = Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "transport-test-secret")

    func client(endpoint: String, stallTimeout: Double = 60) throws -> S3Client {
        try S3Client(config: S3ClientConfig(
            region: "us-east-1", credentialsProvider: StaticCredentialsProvider(Self.credentials), endpoint: endpoint,
            usePathStyle: true, connectTimeout: 2, stallTimeout: stallTimeout, environment: [:],
            // One attempt: these tests time a single failing transfer (retries are RetryTests' subject).
            retry: .none))
    }

    @Test("connection refused: the error names the endpoint, the object and curl's message")
    func refused() async throws {
        let port = try StalledServer.unusedPort()
        let c = try client(endpoint: "http://127.0.0.1:\(port)")
        do {
            _ = try await c.putObject(bucket: "b-1", key: "k.txt", body: Array("x".utf8))
            Issue.record("expected a transport error")
        } catch let error as S3TransportError {
            #expect(error.curlCode == 7)
            #expect(error.endpoint == "http://127.0.0.1:\(port)")
            #expect(error.description.hasPrefix("PutObject s3://b-1/k.txt failed: cannot complete request to http://127.0.0.1:\(port)"))
            #expect(error.description.contains("onnect"))
            #expect(!error.description.contains("transport-test-secret"))
        }
    }

    @Test("a server that accepts but never answers is abandoned after the stall timeout")
    func stalledServer() async throws {
        let server = try StalledServer()
        let c = try client(endpoint: "http://127.0.0.1:\(server.port)", stallTimeout: 2)
        do {
            _ = try await c.putObject(bucket: "b-1", key: "k", body: Array(repeating: 7, count: 1000))
            Issue.record("expected a timeout")
        } catch let error as S3TransportError {
            // 28 = CURLE_OPERATION_TIMEDOUT: the stall detector gave up (timings belong to `make bench`).
            #expect(error.curlCode == 28)
            #expect(error.isRetryable)
        }
    }

    @Test("cancelling the task aborts a transfer in progress")
    func cancellation() async throws {
        let server = try StalledServer()
        let c = try client(endpoint: "http://127.0.0.1:\(server.port)")
        let task = Task { try await c.putObject(bucket: "b-1", key: "k", body: [1, 2, 3]) }
        try await Task.sleep(nanoseconds: 300_000_000)
        task.cancel()
        // The server never answers: only the cancellation can end this transfer.
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
    }
}

/// A TCP listener on 127.0.0.1 that never accepts: the kernel completes connections into the backlog,
/// so a client connects, sends its request and then waits forever for an answer.
final class StalledServer {
    let fd: Int32
    let port: Int

    struct Failed: Error {}

    init() throws {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw Failed() }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socketFD, 8) == 0 else { close(socketFD); throw Failed() }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        guard named == 0 else { close(socketFD); throw Failed() }
        fd = socketFD
        port = Int(UInt16(bigEndian: addr.sin_port))
    }

    deinit { close(fd) }

    /// A port nothing listens on (bound, then released).
    static func unusedPort() throws -> Int {
        let server = try StalledServer()
        return server.port
    }
}
