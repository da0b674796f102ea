@testable import AWSAuth
import Foundation
import Logging
import Testing
import TestSupport

/// `aws login` credentials (aws-sdk-go-v2 `credentials/logincreds`): the token cache as the AWS CLI writes
/// it, refresh through a loopback Sign-In that verifies the DPoP proof, the cache written back, and the
/// messages that say to run `aws login` again.
@Suite struct LoginProviderTests {
    static let session = "arn:aws:iam::123456789012:user/console-user"
    static let cachedSecret = "cached-login-secret/0123456789abcdefghijklmnop"
    static let cachedRefresh = "cached-refresh-token-value"
    static let clientID = "arn:aws:signin:::devtools/same-device"

    static let config = """
        [profile console]
        login_session = \(session)
        region = us-west-2
        """

    struct Home {
        let path: String
        let keyPEM: String
        var cacheDirectory: String { path + "/.aws/login/cache" }
        var cacheFile: String { LoginTokenCache.path(directory: cacheDirectory, session: LoginProviderTests.session) }
    }

    func makeHome(config: String = Self.config) throws -> Home {
        let home = try AuthTestSupport.temporaryDirectory("login")
        try AuthTestSupport.write(config, to: home + "/.aws/config")
        return Home(path: home, keyPEM: try OpenSSLTool.generateP256Key())
    }

    /// The cache file the AWS CLI writes after `aws login` (field names of botocore's
    /// `LoginCredentialFetcher` and Go's `loginToken`), expiring `expiresIn` seconds from now.
    func writeCache(_ home: Home, expiresIn: TimeInterval, mode: Int = 0o600, extra: [String: Any] = [:]) throws {
        var document: [String: Any] = [
            "accessToken": [
                "accessKeyId": "ASIACACHED", "secretAccessKey": Self.cachedSecret, "sessionToken": "cached-session-token",
                "accountId": "123456789012", "expiresAt": RFC3339.format(Date().addingTimeInterval(expiresIn)),
            ],
            "tokenType": "aws_sigv4", "refreshToken": Self.cachedRefresh, "idToken": "cached-id-token",
            "clientId": Self.clientID, "dpopKey": home.keyPEM,
        ]
        document.merge(extra) { _, new in new }
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        try AuthTestSupport.write(String(decoding: data, as: UTF8.self), to: home.cacheFile, mode: mode)
    }

    func fake(_ home: Home, refusal: String? = nil, failFirst: Int = 0) throws -> FakeSignin {
        try FakeSignin(keyPEM: home.keyPEM, clientID: Self.clientID, refreshToken: Self.cachedRefresh,
                       refusal: refusal, failFirst: failFirst)
    }

    func provider(_ home: Home, _ signin: FakeSignin?, logger: Logger? = nil, extra: [String: String] = [:]) throws
        -> any CredentialsProvider
    {
        var env = ["AWS_PROFILE": "console"]
        if let signin { env["AWS_ENDPOINT_URL_SIGNIN"] = signin.server.url }
        env.merge(extra) { _, new in new }
        return try AWSConfig.load(environment: AuthTestSupport.environment(home: home.path, env), logger: logger)
            .credentialsProvider()
    }

    func message(_ body: () async throws -> Credentials) async -> String {
        do {
            _ = try await body()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test("cache file names are the SHA-256 of the trimmed login_session, as botocore computes them", .requires(.python))
    func cachePath() throws {
        let script = """
            import sys
            from botocore.utils import generate_login_cache_key
            print(generate_login_cache_key(sys.argv[1]))
            """
        let result = try AuthTestSupport.run(try AuthTestSupport.python(), ["-c", script, Self.session], environment: [:])
        #expect(result.status == 0, "\(result.stderr)")
        let key = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(key.count == 64)
        #expect(LoginTokenCache.path(directory: "/c/", session: Self.session) == "/c/\(key).json")
        #expect(LoginTokenCache.path(directory: "/c", session: "  \(Self.session)\n") == "/c/\(key).json")
    }

    @Test("valid cached credentials are used as they are: Sign-In is not called")
    func validCache() async throws {
        let home = try makeHome()
        defer { AuthTestSupport.remove(home.path) }
        let window = ClockWindow()
        try writeCache(home, expiresIn: 800)
        let signin = try fake(home)
        defer { signin.server.stop() }
        let credentials = try await provider(home, signin).credentials()
        #expect(credentials.accessKeyId == "ASIACACHED")
        #expect(credentials.secretAccessKey == Self.cachedSecret)
        #expect(credentials.sessionToken == "cached-session-token")
        #expect(credentials.source == "login (profile console)")
        #expect(window.contains(credentials.expiration, offset: 800))
        #expect(signin.server.requests.isEmpty)
    }

    @Test("expired credentials are refreshed with a verified DPoP proof; the cache is rewritten atomically, 0600, other fields kept")
    func refresh() async throws {
        let home = try makeHome()
        defer { AuthTestSupport.remove(home.path) }
        try writeCache(home, expiresIn: -30, mode: 0o644, extra: ["signInRegion": "", "cliField": ["kept": true]])
        let signin = try fake(home)
        defer { signin.server.stop() }
        let window = ClockWindow()
        let credentials = try await provider(home, signin).credentials()
        #expect(signin.problems == [])
        #expect(signin.server.requests.count == 1)
        #expect(credentials.accessKeyId == "ASIALOGIN1")
        #expect(credentials.secretAccessKey == FakeSignin.secret(1))
        #expect(credentials.sessionToken == FakeSignin.sessionToken(1))
        #expect(window.contains(credentials.expiration, offset: 900))

        let saved = try LoginTokenCache.load(home.cacheFile)
        #expect(saved.accessKeyID == "ASIALOGIN1" && saved.secretAccessKey == FakeSignin.secret(1))
        #expect(saved.sessionToken == FakeSignin.sessionToken(1))
        #expect(saved.refreshToken == "NEW-REFRESH-1")
        #expect(saved.accountID == "123456789012" && saved.clientID == Self.clientID && saved.dpopKey == home.keyPEM)
        #expect(window.contains(saved.expiresAt, offset: 900))
        #expect(saved.document["tokenType"] == .string("aws_sigv4"))
        #expect(saved.document["idToken"] == .string("cached-id-token"))
        #expect(saved.document["cliField"] == .object(["kept": .bool(true)]))
        let mode = try FileManager.default.attributesOfItem(atPath: home.cacheFile)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let files = try FileManager.default.contentsOfDirectory(atPath: home.cacheDirectory)
        #expect(files == [(home.cacheFile as NSString).lastPathComponent], "no temporary file left behind")

        // The next process finds the refreshed cache valid: no second call.
        _ = try await provider(home, signin).credentials()
        #expect(signin.server.requests.count == 1)
    }

    @Test("botocore's LoginCredentialFetcher reads the cache we rewrote", .requires(.python))
    func botocoreReadsRewrittenCache() async throws {
        let home = try makeHome()
        defer { AuthTestSupport.remove(home.path) }
        try writeCache(home, expiresIn: -30)
        let signin = try fake(home)
        defer { signin.server.stop() }
        let window = ClockWindow()
        _ = try await provider(home, signin).credentials()
        let script = """
            import json, sys
            from botocore.credentials import LoginCredentialFetcher
            from botocore.utils import JSONFileCache, LoginTokenLoader
            fetcher = LoginCredentialFetcher(session_name=sys.argv[2],
                token_loader=LoginTokenLoader(JSONFileCache(sys.argv[1])), client_creator=None)
            creds = fetcher.load_cached_credentials()
            print(json.dumps({"access_key": creds["access_key"], "token": creds["token"],
                              "account_id": creds["account_id"], "expiry_time": creds["expiry_time"]}))
            """
        let result = try AuthTestSupport.run(
            try AuthTestSupport.python(), ["-c", script, home.cacheDirectory, Self.session], environment: [:])
        #expect(result.status == 0, "\(result.stderr)")
        let read = try #require(JSONValue.parse(Array(result.stdout.utf8)))
        #expect(read["access_key"] == .string("ASIALOGIN1"))
        #expect(read["token"] == .string(FakeSignin.sessionToken(1)))
        #expect(read["account_id"] == .string("123456789012"))
        let expiry = try #require(read["expiry_time"]?.stringValue.flatMap(RFC3339.parse))
        #expect(window.contains(expiry, offset: 900))
    }

    @Test("credentials within 5 minutes of expiry are refreshed early; a failed early refresh keeps them")
    func earlyRefresh() async throws {
        let home = try makeHome()
        defer { AuthTestSupport.remove(home.path) }
        try writeCache(home, expiresIn: 280)
        let signin = try fake(home)
        defer { signin.server.stop() }
        #expect(try await provider(home, signin).credentials().accessKeyId == "ASIALOGIN1")

        try writeCache(home, expiresIn: 280)
        let refusing = try fake(home, refusal: "TOKEN_EXPIRED")
        defer { refusing.server.stop() }
        let kept = try await provider(home, refusing).credentials()
        #expect(kept.accessKeyId == "ASIACACHED")
        #expect(refusing.server.requests.count == 1)
        #expect(try LoginTokenCache.load(home.cacheFile).refreshToken == Self.cachedRefresh)
    }

    @Test("a 500 is retried with a new proof (new jti, verified again)")
    func retryWithFreshProof() async throws {
        let home = try makeHome()
        defer { AuthTestSupport.remove(home.path) }
        try writeCache(home, expiresIn: -1)
        let signin = try fake(home, failFirst: 1)
        defer { signin.server.stop() }
        #expect(try await provider(home, signin).credentials().accessKeyId == "ASIALOGIN1")
        let proofs = signin.server.requests.compactMap { $0.header("DPoP") }
        #expect(proofs.count == 2 && proofs[0] != proofs[1])
        #expect(signin.problems == [], "the fake would refuse a replayed jti")
    }

    @Test("an expired or revoked refresh token says to run aws login, without secrets", arguments: [
        ("TOKEN_EXPIRED", "login session has expired"), ("USER_CREDENTIALS_CHANGED", "password has changed"),
        ("invalid_grant", "invalid_grant"),
    ])
    func refreshRefused(code: String, words: String) async throws {
        let home = try makeHome()
        defer { AuthTestSupport.remove(home.path) }
        try writeCache(home, expiresIn: -60)
        let signin = try fake(home, refusal: code)
        defer { signin.server.stop() }
        let text = await message { try await provider(home, signin).credentials() }
        #expect(text.contains(words), "\(text)")
        #expect(text.contains("AccessDeniedException"), "\(text)")
        #expect(text.contains("Run `aws login --profile console` to sign in again"), "\(text)")
        for secret in [Self.cachedSecret, Self.cachedRefresh, "cached-session-token", "PRIVATE KEY"] {
            #expect(!text.contains(secret))
        }
        #expect(signin.server.requests.count == 1, "an AccessDeniedException is not retried")
    }

    @Test("missing, unreadable, incomplete or foreign caches say which file and to run aws login")
    func unusableCache() async throws {
        let home = try makeHome()
        defer { AuthTestSupport.remove(home.path) }
        let hint = "Run `aws login --profile console` to sign in again"

        var text = await message { try await provider(home, nil).credentials() }
        #expect(text.contains("the login token cache \(home.cacheFile) does not exist") && text.contains(hint), "\(text)")

        try FileManager.default.createDirectory(atPath: home.cacheFile, withIntermediateDirectories: true)
        text = await message { try await provider(home, nil).credentials() }
        #expect(text.contains("\(home.cacheFile) is not readable") && text.contains(hint), "\(text)")
        AuthTestSupport.remove(home.cacheFile)

        try writeCache(home, expiresIn: 600, extra: ["dpopKey": ""])
        text = await message { try await provider(home, nil).credentials() }
        #expect(text.contains("\(home.cacheFile) has no dpopKey") && text.contains(hint), "\(text)")

        try AuthTestSupport.write("{not json", to: home.cacheFile)
        text = await message { try await provider(home, nil).credentials() }
        #expect(text.contains("is not a JSON object") && text.contains(hint), "\(text)")

        try writeCache(home, expiresIn: 600, extra: [
            "accessToken": ["accessKeyId": "A", "secretAccessKey": "S", "sessionToken": "T", "accountId": "999999999999",
                            "expiresAt": RFC3339.format(Date().addingTimeInterval(600))],
        ])
        text = await message { try await provider(home, nil).credentials() }
        #expect(text.contains("is for account 999999999999, but login_session \(Self.session) is in account 123456789012"))
        #expect(text.contains(hint) && text.contains(home.cacheFile), "\(text)")
    }

    @Test("an unusable DPoP key fails the refresh clearly and never shows the key")
    func badKey() async throws {
        let home = try makeHome()
        defer { AuthTestSupport.remove(home.path) }
        try writeCache(home, expiresIn: -1, extra: ["dpopKey": "-----BEGIN EC PRIVATE KEY-----\nbm90IGEga2V5\n-----END EC PRIVATE KEY-----\n"])
        let signin = try fake(home)
        defer { signin.server.stop() }
        let text = await message { try await provider(home, signin).credentials() }
        #expect(text.contains("the DPoP key cannot be used: it is not a PEM private key"), "\(text)")
        #expect(!text.contains("bm90IGEga2V5"))
        #expect(signin.server.requests.isEmpty)
    }

    @Test("DPoP proofs: PKCS#8 keys sign too, the signature is raw r||s that openssl verifies; other curves are refused")
    func proofKeys() throws {
        let pkcs8 = try AuthTestSupport.run(
            OpenSSLTool.executable, ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"], environment: [:])
        #expect(pkcs8.stdout.contains("BEGIN PRIVATE KEY"))
        let proof = try DPoPProof.make(keyPEM: pkcs8.stdout, method: "post", url: "https://x.test/v1/token?a=b", now: Date(),
                                       jti: "fixed-jti")
        let parts = proof.split(separator: ".").map(String.init)
        #expect(parts.count == 3)
        let claims = try #require(FakeSignin.base64URLDecode(parts[1]).flatMap(JSONValue.parse))
        #expect(claims["htm"] == .string("POST") && claims["htu"] == .string("https://x.test/v1/token"))
        #expect(claims["jti"] == .string("fixed-jti"))
        let signature = try #require(FakeSignin.base64URLDecode(parts[2]))
        #expect(signature.count == 64)
        #expect(try OpenSSLTool.verifyES256(
            signature: signature, message: Array((parts[0] + "." + parts[1]).utf8), keyPEM: pkcs8.stdout))
        let header = try #require(FakeSignin.base64URLDecode(parts[0]).flatMap(JSONValue.parse))
        let point = try OpenSSLTool.publicPoint(ofKey: pkcs8.stdout)
        #expect(header["jwk"]?["x"]?.stringValue.flatMap(FakeSignin.base64URLDecode) == point.x)

        let p384 = try AuthTestSupport.run(
            OpenSSLTool.executable, ["ecparam", "-name", "secp384r1", "-genkey", "-noout"], environment: [:])
        #expect(throws: ES256KeyError.self) {
            try DPoPProof.make(keyPEM: p384.stdout, method: "POST", url: "https://x.test/v1/token", now: Date())
        }
    }

    @Test("AWS_LOGIN_CACHE_DIRECTORY moves the cache; [services] endpoint_url reaches Sign-In")
    func cacheDirectoryAndServicesEndpoint() async throws {
        let signinHome = try makeHome()
        defer { AuthTestSupport.remove(signinHome.path) }
        let signin = try fake(signinHome)
        defer { signin.server.stop() }
        let home = try makeHome(config: Self.config + "\nservices = local\n[services local]\nsignin =\n  endpoint_url = \(signin.server.url)\n")
        defer { AuthTestSupport.remove(home.path) }
        let moved = Home(path: home.path + "/elsewhere", keyPEM: signinHome.keyPEM)
        try writeCache(moved, expiresIn: -1)
        let provider = try AWSConfig.load(
            environment: AuthTestSupport.environment(
                home: home.path, ["AWS_PROFILE": "console", "AWS_LOGIN_CACHE_DIRECTORY": moved.cacheDirectory]))
            .credentialsProvider()
        #expect(try await provider.credentials().accessKeyId == "ASIALOGIN1")
        #expect(signin.problems == [])
        #expect(try LoginTokenCache.load(moved.cacheFile).refreshToken == "NEW-REFRESH-1")
    }

    @Test("role_arn beside login_session: AssumeRole signed with the refreshed login credentials (verified by botocore)", .requires(.python))
    func roleOnTop() async throws {
        let home = try makeHome(config: Self.config + "\nrole_arn = arn:aws:iam::123456789012:role/deploy\n")
        defer { AuthTestSupport.remove(home.path) }
        try writeCache(home, expiresIn: -1)
        let signin = try fake(home)
        defer { signin.server.stop() }
        let sts = try LoopbackHTTPServer { _ in
            .xml(200, FakeResponses.stsCredentials(
                action: "AssumeRole", key: "ASIAROLE", secret: "role-secret", token: "role-token",
                expiration: Date().addingTimeInterval(3600)))
        }
        defer { sts.stop() }
        let credentials = try await provider(home, signin, extra: ["AWS_ENDPOINT_URL_STS": sts.url]).credentials()
        #expect(credentials.accessKeyId == "ASIAROLE")
        #expect(signin.server.requests.count == 1 && signin.problems == [])
        let call = try #require(sts.requests.first)
        #expect(call.formValue("RoleArn") == "arn:aws:iam::123456789012:role/deploy")
        #expect(call.header("X-Amz-Security-Token") == FakeSignin.sessionToken(1))
        #expect(call.header("Authorization")?.contains("Credential=ASIALOGIN1/") == true)
        try BotocoreCheck.verifySignature(of: call, secret: FakeSignin.secret(1), region: "us-west-2", service: "sts")
    }

    @Test("Sign-In's default endpoint follows the region's partition")
    func defaultEndpoints() throws {
        let endpoints = ServiceEndpoints(environment: try EnvironmentConfig([:]), profile: nil)
        #expect(try endpoints.baseURL(for: .signin, region: "us-west-2", includeGlobal: false)
            == "https://us-west-2.signin.aws.amazon.com")
        #expect(try endpoints.baseURL(for: .signin, region: "cn-north-1", includeGlobal: false)
            == "https://cn-north-1.signin.amazonaws.cn")
        #expect(try endpoints.baseURL(for: .signin, region: "us-gov-west-1", includeGlobal: false)
            == "https://us-gov-west-1.signin.amazonaws-us-gov.com")
    }

    @Test("no secret, token or DPoP key in the log of a refresh, a failed early refresh or a refused one")
    func secretsStayOutOfLogs() async throws {
        let recorder = SecretHygieneTests.Recorder()
        let logger = Logger(label: "login-hygiene") { _ in SecretHygieneTests.RecordingHandler(recorder: recorder) }
        let home = try makeHome()
        defer { AuthTestSupport.remove(home.path) }
        var errors: [String] = []

        try writeCache(home, expiresIn: -1)
        let good = try fake(home)
        defer { good.server.stop() }
        _ = try await provider(home, good, logger: logger).credentials()

        try writeCache(home, expiresIn: 280)
        let refusing = try fake(home, refusal: "TOKEN_EXPIRED")
        defer { refusing.server.stop() }
        _ = try await provider(home, refusing, logger: logger).credentials()
        try writeCache(home, expiresIn: -1)
        errors.append(await message { try await provider(home, refusing, logger: logger).credentials() })

        let logged = recorder.all
        #expect(logged.contains("could not refresh the aws login credentials early"))
        let keyBody = home.keyPEM.split(separator: "\n").dropFirst().first.map(String.init) ?? "?"
        for secret in [Self.cachedSecret, Self.cachedRefresh, "cached-session-token", FakeSignin.secret(1),
                       FakeSignin.sessionToken(1), "NEW-REFRESH-1", keyBody, "PRIVATE KEY"] {
            #expect(!logged.contains(secret), "a secret reached the log")
            for error in errors { #expect(!error.contains(secret), "a secret reached an error") }
        }
        let dpop = try #require(good.server.requests.first?.header("DPoP"))
        #expect(!logged.contains(dpop.prefix(40)))
    }
}
