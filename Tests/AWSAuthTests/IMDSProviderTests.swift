@testable import AWSAuth
import Foundation
import NIOConcurrencyHelpers
import Testing
import TestSupport

/// EC2 instance metadata, IMDSv2 with the IMDSv1 fallback rules (aws-sdk-go-v2 `feature/ec2/imds`, `credentials/ec2rolecreds`), against a
/// loopback fake that enforces tokens like the real service.
@Suite struct IMDSProviderTests {
    static let secret = "imds-secret/0123456789abcdefghijklmnopqrstuv"

    /// How the fake answers the token PUT.
    enum TokenBehaviour: Sendable {
        case issue
        case status(Int)
        /// Answer with this status to the first PUT only, then issue tokens.
        case statusOnce(Int)
        case hang(Double)
    }

    final class TokenLedger: Sendable {
        private let issued = NIOLockedValueBox<Set<String>>([])
        func add(_ token: String) { issued.withLockedValue { _ = $0.insert(token) } }
        func contains(_ token: String) -> Bool { issued.withLockedValue { $0.contains(token) } }
    }

    final class FakeIMDS: Sendable {
        let server: LoopbackHTTPServer
        let puts = Counter()
        let issued = TokenLedger()

        init(token: TokenBehaviour, allowV1: Bool, expiresIn: TimeInterval = 6 * 3600, code: String = "Success") throws {
            let puts = self.puts, issued = self.issued
            server = try LoopbackHTTPServer { request in
                if request.method == "PUT" && request.path == "/latest/api/token" {
                    let n = puts.next()
                    guard let ttl = request.header("X-aws-ec2-metadata-token-ttl-seconds").flatMap(Int.init),
                          (1...21600).contains(ttl)
                    else { return .text(400, "missing or invalid TTL") }
                    switch token {
                    case .status(let status): return .text(status, "")
                    case .statusOnce(let status) where n == 1: return .text(status, "")
                    case .hang(let seconds): return .init(status: 200, body: Array("late".utf8), delay: seconds)
                    default:
                        let value = "TOKEN-\(n)"
                        issued.add(value)
                        return .text(200, value, headers: [("X-aws-ec2-metadata-token-ttl-seconds", "\(ttl)")])
                    }
                }
                let token = request.header("X-aws-ec2-metadata-token")
                let valid = token.map { issued.contains($0) } ?? false
                if !valid && (token != nil || !allowV1) { return .text(401, "") }
                switch request.path {
                case "/latest/meta-data/iam/security-credentials/": return .text(200, "test-role\nsecond-role\n")
                case "/latest/meta-data/iam/security-credentials/test-role":
                    return .text(200, FakeResponses.imdsCredentials(
                        key: "ASIAIMDS", secret: IMDSProviderTests.secret, token: "imds-token",
                        expiration: Date().addingTimeInterval(expiresIn), code: code))
                default: return .text(404, "")
                }
            }
        }

        var gets: [LoopbackHTTPServer.Request] { server.requests.filter { $0.method == "GET" } }
    }

    func provider(_ fake: FakeIMDS, _ extra: [String: String] = [:]) throws -> any CredentialsProvider {
        var env = ["AWS_EC2_METADATA_DISABLED": "false", "AWS_EC2_METADATA_SERVICE_ENDPOINT": fake.server.url + "/"]
        env.merge(extra) { _, new in new }
        let config = try AWSConfig.load(environment: AuthTestSupport.environment(home: nil, env))
        return try CredentialChainBuilder(config: config).defaultChain()
    }

    @Test("IMDSv2: one token PUT, then the role list and the role document with the token")
    func v2() async throws {
        let fake = try FakeIMDS(token: .issue, allowV1: false)
        defer { fake.server.stop() }
        let chain = try provider(fake)
        let window = ClockWindow()
        let credentials = try await chain.credentials()
        #expect(credentials.accessKeyId == "ASIAIMDS")
        #expect(credentials.secretAccessKey == Self.secret)
        #expect(credentials.sessionToken == "imds-token")
        // Six hours offered, capped at one, as Go does.
        #expect(window.contains(credentials.expiration, offset: 3600))
        #expect(fake.puts.current == 1)
        #expect(fake.gets.map(\.path) == [
            "/latest/meta-data/iam/security-credentials/", "/latest/meta-data/iam/security-credentials/test-role",
        ])
        #expect(fake.gets.allSatisfy { $0.header("X-aws-ec2-metadata-token") == "TOKEN-1" })
        #expect(fake.server.requests.first?.header("X-aws-ec2-metadata-token-ttl-seconds") == "300")

        _ = try await chain.credentials()
        #expect(fake.puts.current == 1, "the token is reused while valid")
    }

    @Test("token PUT answered 403, 404 or 405: IMDSv1 without a token, and no more PUTs", arguments: [403, 404, 405])
    func v1Fallback(status: Int) async throws {
        let fake = try FakeIMDS(token: .status(status), allowV1: true)
        defer { fake.server.stop() }
        let chain = try provider(fake)
        #expect(try await chain.credentials().accessKeyId == "ASIAIMDS")
        _ = try await chain.credentials()
        #expect(fake.puts.current == 1)
        #expect(fake.gets.count == 4)
        #expect(fake.gets.allSatisfy { $0.header("X-aws-ec2-metadata-token") == nil })
    }

    @Test("with IMDSv1 disabled the token failure is final")
    func v1Disabled() async throws {
        let fake = try FakeIMDS(token: .status(403), allowV1: true)
        defer { fake.server.stop() }
        let chain = try provider(fake, ["AWS_EC2_METADATA_V1_DISABLED": "true"])
        await #expect { try await chain.credentials() } throws: { error in
            let text = "\(error)"
            return text.contains("no EC2 IMDS role found") && text.contains("IMDSv1 fallback is disabled")
        }
        #expect(fake.gets.isEmpty)
    }

    @Test("a 400 on the token PUT is an error, not a fallback")
    func badRequest() async throws {
        let fake = try FakeIMDS(token: .status(400), allowV1: true)
        defer { fake.server.stop() }
        await #expect { try await provider(fake).credentials() } throws: { "\($0)".contains("StatusCode: 400") }
        #expect(fake.gets.isEmpty)
    }

    @Test("a 401 after falling back turns the token flow back on")
    func recoversAfter401() async throws {
        let fake = try FakeIMDS(token: .statusOnce(404), allowV1: false)
        defer { fake.server.stop() }
        #expect(try await provider(fake).credentials().accessKeyId == "ASIAIMDS")
        #expect(fake.puts.current == 2)
        #expect(fake.gets.first?.header("X-aws-ec2-metadata-token") == nil)
        #expect(fake.gets.last?.header("X-aws-ec2-metadata-token") == "TOKEN-2")
    }

    @Test("a token PUT that never answers costs one short timeout, then IMDSv1")
    func hangingPut() async throws {
        let fake = try FakeIMDS(token: .hang(5), allowV1: true)
        defer { fake.server.stop() }
        #expect(try await provider(fake).credentials().accessKeyId == "ASIAIMDS")
        // It gave up on the token (no token on the GETs: IMDSv1) instead of waiting out the hang.
        #expect(fake.gets.first?.header("X-aws-ec2-metadata-token") == nil)
    }

    @Test("Code other than Success is an error naming the code")
    func failureCode() async throws {
        let fake = try FakeIMDS(token: .issue, allowV1: false, code: "AssumeRoleUnauthorizedAccess")
        defer { fake.server.stop() }
        await #expect { try await provider(fake).credentials() } throws: { error in
            let text = "\(error)"
            return text.contains("Code: AssumeRoleUnauthorizedAccess") && !text.contains(Self.secret)
        }
    }

    @Test("AWS_EC2_METADATA_DISABLED=true: nothing is sent, Go's message")
    func disabled() async throws {
        let fake = try FakeIMDS(token: .issue, allowV1: true)
        defer { fake.server.stop() }
        await #expect { try await provider(fake, ["AWS_EC2_METADATA_DISABLED": "TRUE"]).credentials() } throws: {
            "\($0)".contains(IMDSCredentialsProvider.disabledMessage)
        }
        #expect(fake.server.requests.isEmpty)
    }

    @Test("endpoint: the variable, else the profile's, else the mode's default address")
    func endpointSelection() throws {
        let home = try AuthTestSupport.temporaryDirectory("imds")
        defer { AuthTestSupport.remove(home) }
        try AuthTestSupport.write("""
            [default]
            ec2_metadata_service_endpoint_mode = IPv6
            [profile custom]
            ec2_metadata_service_endpoint = http://127.0.0.1:1338
            ec2_metadata_v1_disabled = true
            """, to: home + "/.aws/config")
        func client(_ extra: [String: String], profile: String? = nil) throws -> IMDSClient? {
            let env = AuthTestSupport.environment(home: home, extra.merging(["AWS_EC2_METADATA_DISABLED": "false"]) { a, _ in a })
            let config = try AWSConfig.load(environment: env, profile: profile)
            let chain = try CredentialChainBuilder(config: config).defaultChain()
            return (chain as? CredentialsProviderChain)?.providers.compactMap { $0 as? IMDSCredentialsProvider }.first?.client
                ?? ((chain as? CredentialsProviderChain)?.providers.last as? CredentialsProviderChain)?.providers
                    .compactMap { $0 as? IMDSCredentialsProvider }.first?.client
        }
        #expect(try client([:])?.configuration.endpoint == "http://[fd00:ec2::254]")
        #expect(try client(["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "ipv4"])?.configuration.endpoint == "http://169.254.169.254")
        #expect(try client(["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://10.1.2.3:80"])?.configuration.endpoint
            == "http://10.1.2.3:80")
        let custom = try client([:], profile: "custom")
        #expect(custom?.configuration.endpoint == "http://127.0.0.1:1338")
        #expect(custom?.configuration.v1Disabled == true)
    }
}
