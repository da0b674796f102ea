@testable import AWSAuth
import Foundation
import Testing
import TestSupport

/// IAM Identity Center (aws-sdk-go-v2 `credentials/ssocreds`): token cache, GetRoleCredentials on a loopback portal,
/// the OIDC refresh grant on a loopback OIDC service, and the messages that say to log in again.
@Suite struct SSOProviderTests {
    static let roleSecret = "sso-role-secret/0123456789abcdefghijklmnopq"
    static let startURL = "https://d-1234567890.awsapps.com/start"

    /// A portal that accepts the bearer tokens in `valid` and an OIDC service issuing `NEW-ACCESS-n`.
    final class FakeSSO: Sendable {
        let server: LoopbackHTTPServer
        let refreshes = Counter()

        init(validTokens: Set<String>, oidcStatus: Int = 200, portalBody: String? = nil) throws {
            let refreshes = self.refreshes
            server = try LoopbackHTTPServer { request in
                if request.method == "POST" && request.path == "/token" {
                    let n = refreshes.next()
                    guard oidcStatus == 200 else {
                        return .json(oidcStatus, #"{"error":"invalid_grant","error_description":"Invalid refresh token provided"}"#)
                    }
                    return .json(200, #"{"accessToken":"NEW-ACCESS-\#(n)","tokenType":"Bearer","expiresIn":28800,"refreshToken":"NEW-REFRESH-\#(n)"}"#)
                }
                guard request.path == "/federation/credentials" else { return .text(404, "") }
                let token = request.header("x-amz-sso_bearer_token") ?? ""
                guard validTokens.contains(token) || token.hasPrefix("NEW-ACCESS-") else {
                    return .json(401, #"{"message":"Session token not found or invalid"}"#)
                        .with(header: ("x-amzn-ErrorType", "UnauthorizedException:http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/"))
                }
                if let portalBody { return .json(200, portalBody) }
                return .json(200, FakeResponses.ssoRoleCredentials(
                    key: "ASIASSO", secret: SSOProviderTests.roleSecret, token: "sso-session-token",
                    expiration: Date(timeIntervalSince1970: 4_102_444_800)))
            }
        }
    }

    struct Home {
        let path: String
        func cacheFile(key: String) -> String { SSOTokenCache.path(home: path, key: key) }
    }

    func makeHome(config: String) throws -> Home {
        let home = try AuthTestSupport.temporaryDirectory("sso")
        try AuthTestSupport.write(config, to: home + "/.aws/config")
        return Home(path: home)
    }

    func writeToken(_ home: Home, key: String, _ fields: [String: Any], mode: Int = 0o600) throws {
        let data = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        try AuthTestSupport.write(String(decoding: data, as: UTF8.self), to: home.cacheFile(key: key), mode: mode)
    }

    func provider(_ home: Home, _ sso: FakeSSO, profile: String) throws -> any CredentialsProvider {
        let env = AuthTestSupport.environment(home: home.path, [
            "AWS_ENDPOINT_URL_SSO": sso.server.url, "AWS_ENDPOINT_URL_SSO_OIDC": sso.server.url,
        ])
        return try AWSConfig.load(environment: env, profile: profile).credentialsProvider()
    }

    static let legacyConfig = """
        [profile legacy]
        sso_start_url = \(startURL)
        sso_region = us-east-1
        sso_account_id = 111122223333
        sso_role_name = ReadOnly
        region = eu-west-1
        """

    static let sessionConfig = """
        [profile dev]
        sso_session = my-sso
        sso_account_id = 111122223333
        sso_role_name = ReadOnly
        [sso-session my-sso]
        sso_start_url = \(startURL)
        sso_region = us-east-1
        sso_registration_scopes = sso:account:access
        """

    @Test("cache file names are the SHA-1 of the key (botocore's vectors)")
    func cachePaths() {
        #expect(SSOTokenCache.path(home: "/h", key: "https://test.url/start")
            == "/h/.aws/sso/cache/f395038c92f1828cbb3991d2d6152d326b895606.json")
        #expect(SSOTokenCache.path(home: "/h", key: "C") == "/h/.aws/sso/cache/32096c2e0eff33d844ee6d675407ace18289357d.json")
    }

    @Test("legacy profile: cached token → GetRoleCredentials with the bearer header; expiration from epoch ms")
    func legacy() async throws {
        let home = try makeHome(config: Self.legacyConfig)
        defer { AuthTestSupport.remove(home.path) }
        try writeToken(home, key: Self.startURL, [
            "startUrl": Self.startURL, "region": "us-east-1", "accessToken": "LEGACY-TOKEN",
            "expiresAt": RFC3339.format(Date().addingTimeInterval(3600)),
        ])
        let sso = try FakeSSO(validTokens: ["LEGACY-TOKEN"])
        defer { sso.server.stop() }
        let credentials = try await provider(home, sso, profile: "legacy").credentials()
        #expect(credentials.accessKeyId == "ASIASSO")
        #expect(credentials.secretAccessKey == Self.roleSecret)
        #expect(credentials.sessionToken == "sso-session-token")
        #expect(credentials.expiration == Date(timeIntervalSince1970: 4_102_444_800))
        let request = try #require(sso.server.requests.first)
        #expect(request.method == "GET" && request.path == "/federation/credentials")
        #expect(request.formValue("account_id", inQuery: true) == "111122223333")
        #expect(request.formValue("role_name", inQuery: true) == "ReadOnly")
        #expect(request.header("x-amz-sso_bearer_token") == "LEGACY-TOKEN")
        #expect(request.header("Authorization") == nil)
    }

    @Test("legacy profile with an expired token: no call, and the message says to run aws sso login")
    func legacyExpired() async throws {
        let home = try makeHome(config: Self.legacyConfig)
        defer { AuthTestSupport.remove(home.path) }
        try writeToken(home, key: Self.startURL, [
            "accessToken": "OLD", "expiresAt": RFC3339.format(Date().addingTimeInterval(-60)),
            "refreshToken": "R", "clientId": "C", "clientSecret": "S",
        ])
        let sso = try FakeSSO(validTokens: ["OLD"])
        defer { sso.server.stop() }
        await #expect { try await provider(home, sso, profile: "legacy").credentials() } throws: { error in
            let text = "\(error)"
            return text.contains("the SSO session has expired or is invalid")
                && text.contains("aws sso login --profile legacy") && !text.contains("OLD")
        }
        #expect(sso.server.requests.isEmpty, "legacy tokens are never refreshed")
    }

    @Test("sso-session: an expired token is refreshed with the refresh_token grant and written back atomically, 0600")
    func sessionRefresh() async throws {
        let home = try makeHome(config: Self.sessionConfig)
        defer { AuthTestSupport.remove(home.path) }
        try writeToken(home, key: "my-sso", [
            "startUrl": Self.startURL, "region": "us-east-1", "accessToken": "EXPIRED",
            "expiresAt": RFC3339.format(Date().addingTimeInterval(-10)), "clientId": "client-id",
            "clientSecret": "client-secret", "refreshToken": "refresh-1",
            "registrationExpiresAt": RFC3339.format(Date().addingTimeInterval(86400)), "customField": ["kept": true],
        ], mode: 0o644)
        let sso = try FakeSSO(validTokens: [])
        defer { sso.server.stop() }
        let window = ClockWindow()
        let credentials = try await provider(home, sso, profile: "dev").credentials()
        #expect(credentials.accessKeyId == "ASIASSO")

        let requests = sso.server.requests
        #expect(requests.map(\.path) == ["/token", "/federation/credentials"])
        let body = try #require(JSONValue.parse(requests[0].body))
        #expect(body["clientId"] == .string("client-id"))
        #expect(body["clientSecret"] == .string("client-secret"))
        #expect(body["grantType"] == .string("refresh_token"))
        #expect(body["refreshToken"] == .string("refresh-1"))
        #expect(requests[0].header("Content-Type") == "application/json")
        #expect(requests[1].header("x-amz-sso_bearer_token") == "NEW-ACCESS-1")

        let path = home.cacheFile(key: "my-sso")
        let saved = try SSOTokenCache.load(path)
        #expect(saved.accessToken == "NEW-ACCESS-1")
        #expect(saved.refreshToken == "NEW-REFRESH-1")
        #expect(window.contains(saved.expiresAt, offset: 28800))
        #expect(saved.document["customField"] == .object(["kept": .bool(true)]))
        #expect(saved.document["startUrl"] == .string(Self.startURL))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(leftovers == [(path as NSString).lastPathComponent], "no temporary file left behind")
    }

    @Test("sso-session: a token within 5 minutes of expiry is refreshed early; a failed early refresh keeps it")
    func earlyRefresh() async throws {
        let home = try makeHome(config: Self.sessionConfig)
        defer { AuthTestSupport.remove(home.path) }
        let soon: [String: Any] = [
            "accessToken": "ALMOST", "expiresAt": RFC3339.format(Date().addingTimeInterval(280)),
            "clientId": "c", "clientSecret": "s", "refreshToken": "r",
        ]
        try writeToken(home, key: "my-sso", soon)
        let good = try FakeSSO(validTokens: ["ALMOST"])
        defer { good.server.stop() }
        _ = try await provider(home, good, profile: "dev").credentials()
        #expect(good.refreshes.current == 1)
        #expect(good.server.requests.last?.header("x-amz-sso_bearer_token") == "NEW-ACCESS-1")

        try writeToken(home, key: "my-sso", soon)
        let failing = try FakeSSO(validTokens: ["ALMOST"], oidcStatus: 400)
        defer { failing.server.stop() }
        let credentials = try await provider(home, failing, profile: "dev").credentials()
        #expect(credentials.accessKeyId == "ASIASSO")
        #expect(failing.server.requests.last?.header("x-amz-sso_bearer_token") == "ALMOST")
        #expect(try SSOTokenCache.load(home.cacheFile(key: "my-sso")).accessToken == "ALMOST")
    }

    @Test("sso-session: expired and not refreshable, or the refresh refused: say to log in again")
    func sessionExpired() async throws {
        let home = try makeHome(config: Self.sessionConfig)
        defer { AuthTestSupport.remove(home.path) }
        try writeToken(home, key: "my-sso", ["accessToken": "X", "expiresAt": RFC3339.format(Date().addingTimeInterval(-1))])
        let sso = try FakeSSO(validTokens: [], oidcStatus: 400)
        defer { sso.server.stop() }
        await #expect { try await provider(home, sso, profile: "dev").credentials() } throws: { error in
            let text = "\(error)"
            return text.contains("cached SSO token is expired, or not present, and cannot be refreshed")
                && text.contains("aws sso login --profile dev")
        }
        #expect(sso.server.requests.isEmpty)

        try writeToken(home, key: "my-sso", [
            "accessToken": "X", "expiresAt": RFC3339.format(Date().addingTimeInterval(-1)),
            "clientId": "c", "clientSecret": "client-secret-value", "refreshToken": "refresh-token-value",
        ])
        await #expect { try await provider(home, sso, profile: "dev").credentials() } throws: { error in
            let text = "\(error)"
            return text.contains("unable to refresh SSO token") && text.contains("invalid_grant")
                && text.contains("aws sso login --profile dev")
                && !text.contains("client-secret-value") && !text.contains("refresh-token-value")
        }

        AuthTestSupport.remove(home.cacheFile(key: "my-sso"))
        await #expect { try await provider(home, sso, profile: "dev").credentials() } throws: {
            "\($0)".contains("failed to read cached SSO token file") && "\($0)".contains("aws sso login --profile dev")
        }
    }

    @Test("the portal refusing the token (401) also says to log in again")
    func portalUnauthorized() async throws {
        let home = try makeHome(config: Self.legacyConfig)
        defer { AuthTestSupport.remove(home.path) }
        try writeToken(home, key: Self.startURL, [
            "accessToken": "REVOKED", "expiresAt": RFC3339.format(Date().addingTimeInterval(3600)),
        ])
        let sso = try FakeSSO(validTokens: [])
        defer { sso.server.stop() }
        await #expect { try await provider(home, sso, profile: "legacy").credentials() } throws: { error in
            let text = "\(error)"
            return text.contains("StatusCode: 401") && text.contains("UnauthorizedException: Session token not found or invalid")
                && text.contains("aws sso login --profile legacy") && !text.contains("REVOKED")
        }
    }

    @Test("malformed portal answers and cache files give clear errors", arguments: [
        #"{"roleCredentials":{"accessKeyId":"A"}}"#, #"{"roleCredentials":"nope"}"#, "[]", "not json",
        #"{"roleCredentials":{"accessKeyId":"A","secretAccessKey":"S","expiration":"soon"}}"#,
    ])
    func malformedPortal(body: String) async throws {
        let home = try makeHome(config: Self.legacyConfig)
        defer { AuthTestSupport.remove(home.path) }
        try writeToken(home, key: Self.startURL, ["accessToken": "T", "expiresAt": RFC3339.format(Date().addingTimeInterval(3600))])
        let sso = try FakeSSO(validTokens: ["T"], portalBody: body)
        defer { sso.server.stop() }
        await #expect { try await provider(home, sso, profile: "legacy").credentials() } throws: {
            "\($0)".contains("malformed response")
        }
    }

    @Test("broken cache files", arguments: [
        ("{}", "must contain accessToken and expiresAt"),
        (#"{"accessToken":"T","expiresAt":"yesterday"}"#, "expected RFC3339 timestamp"),
        (#"{"accessToken":5,"expiresAt":"2030-01-01T00:00:00Z"}"#, "expect value to be string"),
        ("garbage", "failed to parse cached SSO token file"),
    ])
    func brokenCache(content: String, message: String) throws {
        let dir = try AuthTestSupport.temporaryDirectory("sso-cache")
        defer { AuthTestSupport.remove(dir) }
        try AuthTestSupport.write(content, to: dir + "/t.json")
        #expect(throws: SSOTokenError.self) { try SSOTokenCache.load(dir + "/t.json") }
        do {
            _ = try SSOTokenCache.load(dir + "/t.json")
        } catch SSOTokenError.unusable(let reason) {
            #expect(reason.contains(message), "\(reason)")
        }
    }

    @Test("SSO configuration validation (Go's messages)")
    func validation() throws {
        let home = try makeHome(config: """
            [profile partial]
            sso_start_url = \(Self.startURL)
            sso_role_name = ReadOnly
            [profile mismatch]
            sso_session = s
            sso_region = eu-west-1
            sso_account_id = 1
            sso_role_name = r
            [profile incomplete-session]
            sso_session = empty
            sso_account_id = 1
            sso_role_name = r
            [sso-session s]
            sso_start_url = \(Self.startURL)
            sso_region = us-east-1
            [sso-session empty]
            sso_registration_scopes = sso:account:access
            """)
        defer { AuthTestSupport.remove(home.path) }
        func message(_ profile: String) -> String {
            do {
                _ = try AWSConfig.load(environment: AuthTestSupport.environment(home: home.path), profile: profile)
                    .credentialsProvider()
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        #expect(message("partial") == "profile \"partial\" is configured to use SSO but is missing required configuration: sso_region, sso_account_id")
        #expect(message("mismatch") == "sso_region in profile \"mismatch\" must match sso_region in sso-session")
        #expect(message("incomplete-session") == "profile \"incomplete-session\" is configured to use SSO but is missing required configuration: sso_region, sso_start_url")
    }
}

extension LoopbackHTTPServer.Response {
    func with(header: (String, String)) -> Self {
        var copy = self
        copy.headers.append(header)
        return copy
    }
}
