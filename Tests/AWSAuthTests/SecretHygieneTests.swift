@testable import AWSAuth
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing

/// No secret key, session token, bearer token, refresh token or client secret in any log line (at trace
/// level) or error of the credential providers.
@Suite struct SecretHygieneTests {
    final class Recorder: Sendable {
        let lines = NIOLockedValueBox<[String]>([])
        var all: String { lines.withLockedValue { $0.joined(separator: "\n") } }
    }

    struct RecordingHandler: LogHandler {
        let recorder: Recorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let meta = (event.metadata ?? [:]).merging(metadata) { a, _ in a }
            recorder.lines.withLockedValue { $0.append("\(event.level) \(event.message) \(meta)") }
        }
    }

    static let secrets = [
        "hygiene-secret-access-key/0123456789ABCDEF", "hygiene-session-token-XYZ", "hygiene-access-token-PORTAL",
        "hygiene-refresh-token-R", "hygiene-client-secret-C",
    ]

    @Test("SSO refresh failure, cache fallback, process stderr, IMDS fallback: logs and errors stay clean")
    func logsAndErrors() async throws {
        let recorder = Recorder()
        let logger = Logger(label: "hygiene") { _ in RecordingHandler(recorder: recorder) }
        var errors: [String] = []

        // SSO: early refresh refused, then the portal refuses the token.
        let home = try AuthTestSupport.temporaryDirectory("hygiene")
        defer { AuthTestSupport.remove(home) }
        try AuthTestSupport.write("""
            [profile dev]
            sso_session = s
            sso_account_id = 1
            sso_role_name = r
            [sso-session s]
            sso_start_url = https://example.awsapps.com/start
            sso_region = us-east-1
            [profile proc]
            credential_process = echo '\(Self.secrets[0]) \(Self.secrets[1])' >&2; echo '{"Version":1,"AccessKeyId":"A","SecretAccessKey":"\(Self.secrets[0])","SessionToken":"\(Self.secrets[1])","Expiration":"bad \(Self.secrets[1])"}'
            """, to: home + "/.aws/config")
        let token: [String: Any] = [
            // Inside the provider's 300 s early-refresh window, yet valid long enough that a slow run
            // (a loaded machine, a sanitizer) still reaches the early refresh before it expires.
            "accessToken": Self.secrets[2], "expiresAt": RFC3339.format(Date().addingTimeInterval(290)),
            "refreshToken": Self.secrets[3], "clientId": "cid", "clientSecret": Self.secrets[4],
        ]
        try AuthTestSupport.write(
            String(decoding: try JSONSerialization.data(withJSONObject: token), as: UTF8.self),
            to: SSOTokenCache.path(home: home, key: "s"))
        let server = try LoopbackHTTPServer { request in
            if request.path == "/token" { return .json(400, #"{"error":"invalid_grant","error_description":"nope"}"#) }
            if request.path == "/latest/api/token" { return .text(404, "") }
            return .json(401, #"{"message":"Session token not found or invalid"}"#)
        }
        defer { server.stop() }
        let env = AuthTestSupport.environment(home: home, [
            "AWS_ENDPOINT_URL_SSO": server.url, "AWS_ENDPOINT_URL_SSO_OIDC": server.url,
            "AWS_EC2_METADATA_DISABLED": "false", "AWS_EC2_METADATA_SERVICE_ENDPOINT": server.url,
        ])
        for profile in ["dev", "proc"] {
            do {
                _ = try await AWSConfig.load(environment: env, profile: profile, logger: logger).credentialsProvider()
                    .credentials()
                errors.append("no error for \(profile)")
            } catch {
                errors.append("\(error)")
                errors.append(String(reflecting: error))
            }
        }

        // A cache whose refresh fails while the old credentials still work: it logs a warning.
        let clock = TestClock()
        let flaky = FlakyProvider(secret: Self.secrets[0], token: Self.secrets[1], clock: clock)
        let cache = CredentialsCache(flaky, logger: logger, now: { clock.now })
        let first = try await cache.credentials()
        clock.advance(3500)
        let kept = try await cache.credentials()
        #expect(kept == first)

        // IMDS answering 404 to the token PUT: the IMDSv1 fallback is logged.
        let imds = IMDSClient(configuration: .init(endpoint: server.url, v1Disabled: false), logger: logger)
        _ = try? await imds.get("/latest/meta-data/iam/security-credentials/")

        let logged = recorder.all
        #expect(logged.contains("could not refresh the SSO token early"))
        #expect(logged.contains("could not refresh AWS credentials"))
        #expect(logged.contains("credential_process wrote to stderr"))
        #expect(logged.contains("falling back to IMDSv1"))
        for secret in Self.secrets {
            #expect(!logged.contains(secret), "a secret reached the log")
            for error in errors { #expect(!error.contains(secret), "a secret reached an error: \(error)") }
        }
        #expect(errors.contains { $0.contains("aws sso login --profile dev") })
        #expect(errors.contains { $0.contains("is not an RFC 3339 timestamp") })
    }

    final class FlakyProvider: CredentialsProvider, Sendable {
        let secret: String, token: String, clock: TestClock
        let calls = Counter()
        init(secret: String, token: String, clock: TestClock) { self.secret = secret; self.token = token; self.clock = clock }
        struct Down: Error, CustomStringConvertible { var description: String { "service unavailable" } }
        func credentials() async throws -> Credentials {
            if calls.next() > 1 { throw Down() }
            return Credentials(accessKeyId: "AKID", secretAccessKey: secret, sessionToken: token,
                               expiration: clock.now.addingTimeInterval(3600))
        }
    }
}
