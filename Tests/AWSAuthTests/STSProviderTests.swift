@testable import AWSAuth
import Foundation
import Testing
import TestSupport

/// AssumeRole (signed) and AssumeRoleWithWebIdentity (anonymous) against a loopback STS that speaks the
/// query protocol and answers in STS's XML (aws-sdk-go-v2 `credentials/stscreds`).
@Suite struct STSProviderTests {
    static let sourceSecret = "source-secret/ABCDEFGHIJKLMNOPQRSTUVWXYZ0123"
    static let sourceToken = "source-session-token-FwoGZXIvYXdzEXAMPLE"
    static let roleSecret = "role-secret/abcdefghijklmnopqrstuvwxyz0123456"

    func stsServer(counter: Counter = Counter(), lifetime: TimeInterval = 3600) throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { request in
            let n = counter.next()
            let action = request.formValue("Action") ?? "?"
            return .xml(200, FakeResponses.stsCredentials(
                action: action, key: "ASIAROLE\(n)", secret: Self.roleSecret, token: "role-token-\(n)",
                expiration: Date().addingTimeInterval(lifetime)))
        }
    }

    @Test("a profile role: AssumeRole signed with the source profile's keys, every option on the wire", .requires(.python))
    func assumeRoleFromProfile() async throws {
        let server = try stsServer()
        defer { server.stop() }
        let home = try AuthTestSupport.temporaryDirectory("sts")
        defer { AuthTestSupport.remove(home) }
        try AuthTestSupport.write("""
            [profile role]
            role_arn = arn:aws:iam::123456789012:role/demo
            source_profile = base
            external_id = ext-123
            role_session_name = my-session
            duration_seconds = 3600
            region = eu-west-1
            """, to: home + "/.aws/config")
        try AuthTestSupport.write("""
            [base]
            aws_access_key_id = AKIDSOURCE
            aws_secret_access_key = \(Self.sourceSecret)
            aws_session_token = \(Self.sourceToken)
            """, to: home + "/.aws/credentials")
        let env = AuthTestSupport.environment(home: home, ["AWS_ENDPOINT_URL_STS": server.url])
        let provider = try AWSConfig.load(environment: env, profile: "role").credentialsProvider()
        let window = ClockWindow()
        let credentials = try await provider.credentials()

        #expect(credentials.accessKeyId == "ASIAROLE1")
        #expect(credentials.secretAccessKey == Self.roleSecret)
        #expect(credentials.sessionToken == "role-token-1")
        #expect(window.contains(credentials.expiration, offset: 3600))

        let request = try #require(server.requests.first)
        #expect(request.method == "POST" && request.path == "/")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded; charset=utf-8")
        #expect(request.formValue("Action") == "AssumeRole")
        #expect(request.formValue("Version") == "2011-06-15")
        #expect(request.formValue("RoleArn") == "arn:aws:iam::123456789012:role/demo")
        #expect(request.formValue("RoleSessionName") == "my-session")
        #expect(request.formValue("DurationSeconds") == "3600")
        #expect(request.formValue("ExternalId") == "ext-123")
        #expect(request.header("X-Amz-Security-Token") == Self.sourceToken)
        let authorization = try #require(request.header("Authorization"))
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDSOURCE/"))
        #expect(authorization.contains("/eu-west-1/sts/aws4_request"))
        #expect(authorization.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token"))

        try BotocoreCheck.verifySignature(of: request, secret: Self.sourceSecret, region: "eu-west-1", service: "sts")
    }

    @Test("the spec's role_arn: 1-hour AssumeRole on top of the chain, in the spec's region, at AWS_ENDPOINT_URL, cached", .requires(.python))
    func specRole() async throws {
        let server = try stsServer()
        defer { server.stop() }
        let env = AuthTestSupport.environment(home: nil, [
            "AWS_ENDPOINT_URL": server.url, "AWS_ACCESS_KEY_ID": "AKIDBASE", "AWS_SECRET_ACCESS_KEY": Self.sourceSecret,
        ])
        let aws = try AWSConfig.load(environment: env)
        let role = try aws.assumeRoleProvider(
            source: try aws.credentialsProvider(), roleARN: "arn:aws:iam::123456789012:role/spec", region: "ap-northeast-1",
            externalID: "spec-external", sessionName: "spec-session")
        let first = try await role.credentials()
        let second = try await role.credentials()
        #expect(first == second && first.accessKeyId == "ASIAROLE1")
        #expect(server.requests.count == 1)
        let request = try #require(server.requests.first)
        #expect(request.formValue("DurationSeconds") == "3600")
        #expect(request.formValue("ExternalId") == "spec-external")
        #expect(request.formValue("RoleSessionName") == "spec-session")
        #expect(request.header("Authorization")?.contains("Credential=AKIDBASE/") == true)
        #expect(request.header("Authorization")?.contains("/ap-northeast-1/sts/aws4_request") == true)
        try BotocoreCheck.verifySignature(of: request, secret: Self.sourceSecret, region: "ap-northeast-1", service: "sts")
    }

    @Test("defaults: 900 s below 16 minutes, a generated aws-go-sdk-<nanos> session name, no ExternalId")
    func assumeRoleDefaults() async throws {
        let server = try stsServer()
        defer { server.stop() }
        let home = try AuthTestSupport.temporaryDirectory("sts")
        defer { AuthTestSupport.remove(home) }
        try AuthTestSupport.write("""
            [default]
            role_arn = arn:aws:iam::123456789012:role/demo
            source_profile = base
            duration_seconds = 959
            [profile base]
            aws_access_key_id = AKIDSOURCE
            aws_secret_access_key = \(Self.sourceSecret)
            """, to: home + "/.aws/config")
        let env = AuthTestSupport.environment(home: home, ["AWS_ENDPOINT_URL_STS": server.url])
        _ = try await AWSConfig.load(environment: env).credentialsProvider().credentials()
        let request = try #require(server.requests.first)
        #expect(request.formValue("DurationSeconds") == "900")
        #expect(request.formValue("ExternalId") == nil)
        #expect(request.formValue("RoleSessionName")?.hasPrefix("aws-go-sdk-") == true)
        #expect(request.header("X-Amz-Security-Token") == nil)
        // No region configured anywhere: the plugin's default, us-east-1.
        #expect(request.header("Authorization")?.contains("/us-east-1/sts/aws4_request") == true)
    }

    @Test("credential_source = Environment with role_arn: the environment keys sign the call")
    func credentialSourceEnvironment() async throws {
        let server = try stsServer()
        defer { server.stop() }
        let home = try AuthTestSupport.temporaryDirectory("sts")
        defer { AuthTestSupport.remove(home) }
        try AuthTestSupport.write("""
            [profile env-role]
            role_arn = arn:aws:iam::123456789012:role/demo
            credential_source = Environment
            """, to: home + "/.aws/config")
        let env = AuthTestSupport.environment(home: home, [
            "AWS_ENDPOINT_URL_STS": server.url, "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": Self.sourceSecret,
        ])
        let credentials = try await AWSConfig.load(environment: env, profile: "env-role").credentialsProvider().credentials()
        #expect(credentials.accessKeyId == "ASIAROLE1")
        #expect(server.requests.first?.header("Authorization")?.contains("Credential=AKIDENV/") == true)

        // Without environment keys the role has no source: a clear failure, not a fall-through.
        let bare = AuthTestSupport.environment(home: home, ["AWS_ENDPOINT_URL_STS": server.url])
        await #expect {
            try await AWSConfig.load(environment: bare, profile: "env-role").credentialsProvider().credentials()
        } throws: { error in
            let text = "\(error)"
            return text.contains("credential_source Environment") && text.contains("AWS_ACCESS_KEY_ID")
        }
    }

    @Test("web identity from the environment: anonymous call, the token file re-read at each refresh")
    func webIdentity() async throws {
        let server = try stsServer()
        defer { server.stop() }
        let dir = try AuthTestSupport.temporaryDirectory("webid")
        defer { AuthTestSupport.remove(dir) }
        let tokenFile = dir + "/token"
        try AuthTestSupport.write("eyJhbGciOiJSUzI1NiJ9.first", to: tokenFile)
        let env = AuthTestSupport.environment(home: dir, [
            "AWS_ENDPOINT_URL_STS": server.url, "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile,
            "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/irsa", "AWS_ROLE_SESSION_NAME": "pod-session",
        ])
        let clock = TestClock()
        let chain = try CredentialChainBuilder(config: AWSConfig.load(environment: env)).defaultChain()
        let cache = CredentialsCache(chain, now: { clock.now })
        let first = try await cache.credentials()
        #expect(first.accessKeyId == "ASIAROLE1")

        try AuthTestSupport.write("eyJhbGciOiJSUzI1NiJ9.rotated", to: tokenFile)
        // 200 s before the first credentials expire: inside the 5-minute refresh window, however long
        // the first call took (the fake sets the expiry from its own clock when it answers).
        let expiration = try #require(first.expiration)
        clock.advance(expiration.timeIntervalSince(clock.now) - 200)
        let second = try await cache.credentials()
        #expect(second.accessKeyId == "ASIAROLE2")

        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { $0.header("Authorization") == nil && $0.header("X-Amz-Security-Token") == nil })
        #expect(requests.first?.formValue("Action") == "AssumeRoleWithWebIdentity")
        #expect(requests.first?.formValue("RoleArn") == "arn:aws:iam::123456789012:role/irsa")
        #expect(requests.first?.formValue("RoleSessionName") == "pod-session")
        #expect(requests.first?.formValue("WebIdentityToken") == "eyJhbGciOiJSUzI1NiJ9.first")
        #expect(requests.last?.formValue("WebIdentityToken") == "eyJhbGciOiJSUzI1NiJ9.rotated")
        #expect(requests.first?.formValue("DurationSeconds") == nil)
    }

    @Test("web identity without AWS_ROLE_ARN fails at configuration time with Go's message")
    func webIdentityNeedsRole() throws {
        let env = AuthTestSupport.environment(home: nil, ["AWS_WEB_IDENTITY_TOKEN_FILE": "/tmp/none"])
        #expect { try AWSConfig.load(environment: env).credentialsProvider() } throws: {
            "\($0)".hasPrefix("role ARN is not set")
        }
    }

    @Test("STS errors: the code and message of the XML error, no secret; 5xx retried, 4xx not")
    func errorsAndRetries() async throws {
        let calls = Counter()
        let server = try LoopbackHTTPServer { request in
            let n = calls.next()
            if request.formValue("RoleArn")?.hasSuffix("denied") == true {
                return .xml(403, FakeResponses.stsError(code: "AccessDenied", message: "User is not authorized to perform sts:AssumeRole"))
            }
            if n <= 2 { return .xml(503, FakeResponses.stsError(code: "ServiceUnavailable", message: "try later", type: "Receiver")) }
            return .xml(200, FakeResponses.stsCredentials(
                action: "AssumeRole", key: "ASIAOK", secret: Self.roleSecret, token: "t", expiration: Date().addingTimeInterval(900)))
        }
        defer { server.stop() }
        let client = STSClient(endpoint: server.url, region: "us-east-1")
        let source = Credentials(accessKeyId: "AKIDSOURCE", secretAccessKey: Self.sourceSecret, sessionToken: Self.sourceToken)
        let ok = try await client.assumeRole(.init(roleARN: "arn:aws:iam::1:role/ok", sessionName: "s"), source: source)
        #expect(ok.accessKeyId == "ASIAOK")
        #expect(calls.current == 3)

        let provider = AssumeRoleCredentialsProvider(
            source: StaticCredentialsProvider(source), client: client, roleARN: "arn:aws:iam::1:role/denied",
            providerName: "assume role test")
        do {
            _ = try await provider.credentials()
            Issue.record("expected AccessDenied")
        } catch {
            let text = "\(error)"
            #expect(text.contains("StatusCode: 403"))
            #expect(text.contains("AccessDenied: User is not authorized to perform sts:AssumeRole"))
            #expect(text.contains("arn:aws:iam::1:role/denied"))
            #expect(!text.contains(Self.sourceSecret) && !text.contains(Self.sourceToken))
        }
        #expect(calls.current == 4)  // 403 is not retried
    }

    @Test("malformed STS answers give a clear error, never a crash", arguments: [
        "not xml at all",
        "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>A</AccessKeyId></Credentials></AssumeRoleResult></AssumeRoleResponse>",
        "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>A</AccessKeyId><SecretAccessKey>S</SecretAccessKey><SessionToken>T</SessionToken><Expiration>tomorrow</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>",
        "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>A</AccessKeyId",
        "",
    ])
    func malformed(body: String) async throws {
        let server = try LoopbackHTTPServer { _ in .xml(200, body) }
        defer { server.stop() }
        let client = STSClient(endpoint: server.url, region: "us-east-1")
        do {
            _ = try await client.assumeRole(
                .init(roleARN: "arn:aws:iam::1:role/r", sessionName: "s"),
                source: Credentials(accessKeyId: "A", secretAccessKey: "S"))
            Issue.record("expected a malformed-response error")
        } catch let error as ServiceCallError {
            #expect(error.message.contains("malformed response"))
        }
    }

    @Test("a hanging STS endpoint times out with a clear error")
    func timeout() async throws {
        let server = try LoopbackHTTPServer { _ in .init(status: 200, delay: 3) }
        defer { server.stop() }
        var client = STSClient(endpoint: server.url, region: "us-east-1")
        client.httpOptions = AuthHTTPOptions(connectTimeout: 1, totalTimeout: 0.5)
        await #expect {
            _ = try await client.assumeRoleWithWebIdentity(.init(roleARN: "arn:aws:iam::1:role/r", sessionName: "s", token: "t"))
        } throws: { error in
            let text = "\(error)"
            return text.contains("AssumeRoleWithWebIdentity") && text.lowercased().contains("timed out")
        }
    }
}
