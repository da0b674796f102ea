@testable import AWSAuth
import Foundation
import TestSupport
import Testing

/// Files written by the real AWS CLI (`aws configure set`, PyPI awscli) read back with the same result as
/// botocore's own resolution of the same files and environment (`Session(profile=…).get_credentials()`).
/// Runs the project venv's Python (`$CQ_PYTHON`).
@Suite(.serialized, .requires(.python)) struct AWSCLICompatibilityPythonTests {
    struct BotocoreView: Decodable, Equatable {
        let key: String?
        let secret: String?
        let token: String?
        let region: String?
    }

    let python: String
    let home: String

    init() throws {
        python = try AuthTestSupport.python()
        home = try AuthTestSupport.temporaryDirectory("aws-cli")
    }

    func cleanup() { AuthTestSupport.remove(home) }

    var cliEnvironment: [String: String] { ["HOME": home, "PATH": "/usr/local/bin:/usr/bin:/bin"] }

    func configure(_ arguments: String...) throws {
        let result = try AuthTestSupport.run(python, ["-m", "awscli", "configure", "set"] + arguments, environment: cliEnvironment)
        try #require(result.status == 0, "aws configure set \(arguments.joined(separator: " ")) failed: \(result.stderr)")
    }

    func configureGet(_ key: String, profile: String? = nil) throws -> String {
        let args = ["-m", "awscli", "configure", "get", key] + (profile.map { ["--profile", $0] } ?? [])
        return try AuthTestSupport.run(python, args, environment: cliEnvironment).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// botocore's credentials and region for `profile` (nil: its own default resolution) and `env`.
    func botocore(profile: String?, env: [String: String] = [:]) throws -> BotocoreView {
        let script = """
        import json, sys, botocore.session
        name = sys.argv[1] or None
        s = botocore.session.Session(profile=name)
        c = s.get_credentials()
        f = c.get_frozen_credentials() if c else None
        print(json.dumps({"key": f.access_key if f else None, "secret": f.secret_key if f else None,
                          "token": f.token if f else None, "region": s.get_config_variable("region")}))
        """
        let result = try AuthTestSupport.run(
            python, ["-c", script, profile ?? ""], environment: cliEnvironment.merging(env) { _, new in new })
        try #require(result.status == 0, "botocore failed: \(result.stderr)")
        return try JSONDecoder().decode(BotocoreView.self, from: Data(result.stdout.utf8))
    }

    func ours(profile: String?, env: [String: String] = [:]) async throws -> BotocoreView {
        let environment = AuthTestSupport.environment(home: home, env)
        let config = try AWSConfig.load(environment: environment, profile: profile)
        let credentials = try await config.credentialsProvider().credentials()
        let region = env["AWS_REGION"] ?? env["AWS_DEFAULT_REGION"] ?? config.profile.flatMap { $0.region.isEmpty ? nil : $0.region }
        return BotocoreView(key: credentials.accessKeyId, secret: credentials.secretAccessKey,
                            token: credentials.sessionToken, region: region)
    }

    @Test("static keys, session token, region and named profiles written by `aws configure set`")
    func staticProfiles() async throws {
        defer { cleanup() }
        try configure("aws_access_key_id", "AKIADEFAULT00000001")
        try configure("aws_secret_access_key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCY#EXAMPLEKEY")
        try configure("region", "eu-central-1")
        try configure("aws_access_key_id", "ASIAMFA000000000001", "--profile", "mfa")
        try configure("aws_secret_access_key", "mfa/secret+value=", "--profile", "mfa")
        try configure("aws_session_token", "IQoJb3JpZ2luX2VjEMFA//////////wEaCXVzLWVhc3QtMSJH", "--profile", "mfa")
        try configure("region", "ap-southeast-2", "--profile", "mfa")
        try configure("profile.other.region", "us-west-2")
        try configure("aws_access_key_id", "AKIAOTHER0000000001", "--profile", "other")
        try configure("aws_secret_access_key", "other-secret", "--profile", "other")
        try configure("default.s3.addressing_style", "path")
        try configure("default.s3.payload_signing_enabled", "true")
        #expect(try configureGet("aws_session_token", profile: "mfa") == "IQoJb3JpZ2luX2VjEMFA//////////wEaCXVzLWVhc3QtMSJH")

        for (profile, env) in [
            (nil, [:]), ("mfa", [:]), ("other", [:]), (nil, ["AWS_PROFILE": "mfa"]),
            (nil, ["AWS_DEFAULT_PROFILE": "other"]), (nil, ["AWS_PROFILE": "other", "AWS_DEFAULT_REGION": "sa-east-1"]),
        ] as [(String?, [String: String])] {
            let expected = try botocore(profile: profile, env: env)
            let actual = try await ours(profile: profile, env: env)
            #expect(actual == expected, "profile \(profile ?? "-") env \(env)")
            #expect(actual.key != nil)
        }
        // The nested `s3 =` block the CLI wrote parses as sub-properties (Go ignores them; no error).
        let config = try AWSConfig.load(environment: AuthTestSupport.environment(home: home))
        #expect(config.files.sections["default"]?.values["s3"]?.map == ["addressing_style": "path", "payload_signing_enabled": "true"])
    }

    @Test("a credential_process and an assume-role profile written by the CLI")
    func processAndRoleProfiles() async throws {
        defer { cleanup() }
        let script = home + "/helper.sh"
        try AuthTestSupport.write("""
            #!/bin/sh
            echo '{"Version": 1, "AccessKeyId": "ASIAHELPER00000001", "SecretAccessKey": "helper/secret", "SessionToken": "helper-token", "Expiration": "2099-01-01T00:00:00Z"}'
            """, to: script, mode: 0o700)
        // Run through /bin/sh: exec-ing a file just written races with forks of parallel tests (ETXTBSY).
        try configure("profile.helper.credential_process", "/bin/sh \(script) --profile x")
        try configure("profile.helper.region", "us-east-2")
        try configure("profile.role.role_arn", "arn:aws:iam::123456789012:role/demo")
        try configure("profile.role.source_profile", "helper")
        let expected = try botocore(profile: "helper")
        #expect(try await ours(profile: "helper") == expected)
        #expect(expected.key == "ASIAHELPER00000001")

        let role = try #require(try AWSConfig.load(environment: AuthTestSupport.environment(home: home), profile: "role").profile)
        #expect(role.roleARN == "arn:aws:iam::123456789012:role/demo")
        #expect(role.source?.credentialProcess == "/bin/sh \(script) --profile x")
    }

    @Test("the CLI's precedence of the credentials file over the config file")
    func credentialsFileWins() async throws {
        defer { cleanup() }
        try AuthTestSupport.write("""
            [profile both]
            aws_access_key_id = AKIAFROMCONFIG00001
            aws_secret_access_key = config-secret
            region = us-east-1
            """, to: home + "/.aws/config")
        try configure("aws_access_key_id", "AKIAFROMCREDS000001", "--profile", "both")
        try configure("aws_secret_access_key", "creds-secret", "--profile", "both")
        let expected = try botocore(profile: "both")
        #expect(expected.key == "AKIAFROMCREDS000001")
        #expect(try await ours(profile: "both") == expected)
    }

    @Test("an SSO token cached by botocore's own loader is found and used")
    func botocoreSSOCache() async throws {
        defer { cleanup() }
        let portal = try LoopbackHTTPServer { request in
            guard request.header("x-amz-sso_bearer_token") == "BOTOCORE-TOKEN" else { return .json(401, "{}") }
            return .json(200, FakeResponses.ssoRoleCredentials(
                key: "ASIASSOCACHE", secret: "s", token: "t", expiration: Date().addingTimeInterval(3600)))
        }
        defer { portal.stop() }
        try configure("profile.sso.sso_session", "corp")
        try configure("profile.sso.sso_account_id", "111122223333")
        try configure("profile.sso.sso_role_name", "ReadOnly")
        // `aws configure sso` (interactive) writes this section; `configure set` cannot.
        let configPath = home + "/.aws/config"
        let written = try String(contentsOfFile: configPath, encoding: .utf8)
        try AuthTestSupport.write(written + """
            [sso-session corp]
            sso_start_url = https://d-1234567890.awsapps.com/start
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access

            """, to: configPath)
        let script = """
        import datetime, os
        from botocore.utils import SSOTokenLoader
        from botocore.credentials import JSONFileCache
        cache = JSONFileCache(os.path.expanduser("~/.aws/sso/cache"))
        expires = (datetime.datetime.utcnow() + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        SSOTokenLoader(cache=cache).save_token("https://d-1234567890.awsapps.com/start",
            {"startUrl": "https://d-1234567890.awsapps.com/start", "region": "us-east-1",
             "accessToken": "BOTOCORE-TOKEN", "expiresAt": expires}, session_name="corp")
        """
        let result = try AuthTestSupport.run(python, ["-c", script], environment: cliEnvironment)
        try #require(result.status == 0, "\(result.stderr)")
        let env = AuthTestSupport.environment(home: home, ["AWS_ENDPOINT_URL_SSO": portal.url])
        let credentials = try await AWSConfig.load(environment: env, profile: "sso").credentialsProvider().credentials()
        #expect(credentials.accessKeyId == "ASIASSOCACHE")
    }

    @Test("known divergence kept on purpose: Go cuts ` ;`/` #` comments in values, botocore does not")
    func commentDivergence() async throws {
        defer { cleanup() }
        try configure("aws_access_key_id", "AKIACOMMENT00000001")
        try configure("aws_secret_access_key", "secret-part ;comment")
        #expect(try botocore(profile: nil).secret == "secret-part ;comment")
        #expect(try await ours(profile: nil).secret == "secret-part")
    }
}
