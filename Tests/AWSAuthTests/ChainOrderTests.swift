@testable import AWSAuth
import Foundation
import Testing

/// The order of aws-sdk-go-v2's default chain (`config/resolve_credentials.go` `resolveCredentialChain`) and the error that lists what
/// was tried when nothing is found.
@Suite struct ChainOrderTests {
    func home(config: String = "", credentials: String = "") throws -> String {
        let home = try AuthTestSupport.temporaryDirectory("chain")
        if !config.isEmpty { try AuthTestSupport.write(config, to: home + "/.aws/config") }
        if !credentials.isEmpty { try AuthTestSupport.write(credentials, to: home + "/.aws/credentials") }
        return home
    }

    func fetch(_ env: [String: String], profile: String? = nil) async throws -> Credentials {
        try await AWSConfig.load(environment: env, profile: profile).credentialsProvider().credentials()
    }

    static let profiles = "[default]\naws_access_key_id = DEFAULTKEY\naws_secret_access_key = s\n"
        + "[named]\naws_access_key_id = NAMEDKEY\naws_secret_access_key = s\naws_session_token = named-token\n"

    @Test("environment keys come before the profile, also with AWS_PROFILE set")
    func environmentFirst() async throws {
        let dir = try home(credentials: Self.profiles)
        defer { AuthTestSupport.remove(dir) }
        let keys = ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "s"]
        #expect(try await fetch(AuthTestSupport.environment(home: dir, keys)).accessKeyId == "ENVKEY")
        #expect(try await fetch(AuthTestSupport.environment(home: dir, keys.merging(["AWS_PROFILE": "named"]) { a, _ in a }))
            .accessKeyId == "ENVKEY")
        #expect(try await fetch(AuthTestSupport.environment(home: dir)).accessKeyId == "DEFAULTKEY")
        let named = try await fetch(AuthTestSupport.environment(home: dir, ["AWS_PROFILE": "named"]))
        #expect(named.accessKeyId == "NAMEDKEY" && named.sessionToken == "named-token")
    }

    @Test("a profile chosen in code (local_profile) ignores environment keys")
    func profileInCode() async throws {
        let dir = try home(credentials: Self.profiles)
        defer { AuthTestSupport.remove(dir) }
        let env = AuthTestSupport.environment(home: dir, ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "s"])
        #expect(try await fetch(env, profile: "named").accessKeyId == "NAMEDKEY")
        #expect(try await fetch(env, profile: "").accessKeyId == "ENVKEY")
    }

    @Test("partial environment keys are skipped; the profile is used")
    func partialEnvironment() async throws {
        let dir = try home(credentials: Self.profiles)
        defer { AuthTestSupport.remove(dir) }
        #expect(try await fetch(AuthTestSupport.environment(home: dir, ["AWS_ACCESS_KEY_ID": "ONLYID"])).accessKeyId
            == "DEFAULTKEY")
    }

    @Test("a profile without credential settings falls through to container credentials")
    func profileThenContainer() async throws {
        let server = try LoopbackHTTPServer { _ in
            .json(200, FakeResponses.container(key: "ASIACONTAINER", secret: "s", token: "t", expiration: Date().addingTimeInterval(3600)))
        }
        defer { server.stop() }
        let dir = try home(config: "[default]\nregion = eu-west-1\n")
        defer { AuthTestSupport.remove(dir) }
        let env = AuthTestSupport.environment(home: dir, ["AWS_CONTAINER_CREDENTIALS_FULL_URI": server.url + "/c"])
        #expect(try await fetch(env).accessKeyId == "ASIACONTAINER")
    }

    @Test("web identity from the environment comes before the profile")
    func webIdentityBeforeProfile() async throws {
        let server = try LoopbackHTTPServer { _ in
            .xml(200, FakeResponses.stsCredentials(
                action: "AssumeRoleWithWebIdentity", key: "ASIAWEBID", secret: "s", token: "t",
                expiration: Date().addingTimeInterval(3600)))
        }
        defer { server.stop() }
        let dir = try home(credentials: Self.profiles)
        defer { AuthTestSupport.remove(dir) }
        try AuthTestSupport.write("jwt", to: dir + "/token")
        let env = AuthTestSupport.environment(home: dir, [
            "AWS_WEB_IDENTITY_TOKEN_FILE": dir + "/token", "AWS_ROLE_ARN": "arn:aws:iam::1:role/r",
            "AWS_ENDPOINT_URL_STS": server.url,
        ])
        #expect(try await fetch(env).accessKeyId == "ASIAWEBID")
    }

    @Test("nothing configured: one error listing every provider tried and why, then Go's IMDS sentence")
    func nothingFound() async throws {
        let dir = try home()
        defer { AuthTestSupport.remove(dir) }
        // IMDS on a loopback port nobody listens on: refused at once.
        let env = AuthTestSupport.environment(home: dir, [
            "AWS_EC2_METADATA_DISABLED": "false", "AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:9",
        ])
        do {
            _ = try await fetch(env)
            Issue.record("expected NoCredentialsFound")
        } catch let error as NoCredentialsFound {
            #expect(error.skipped.map(\.provider) == [
                "environment", "web identity", "shared config profile default", "container credentials",
                "EC2 instance metadata (IMDS)",
            ])
            let text = "\(error)"
            #expect(text.contains("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set"))
            #expect(text.contains("no profile \"default\" in \(dir)/.aws/credentials or \(dir)/.aws/config"))
            #expect(text.contains("no EC2 IMDS role found"))
        }
    }

    @Test("a configured source that fails stops the chain (no silent fall-through)")
    func failureStops() async throws {
        let dir = try home(config: "[default]\ncredential_process = exit 7\n")
        defer { AuthTestSupport.remove(dir) }
        await #expect { try await fetch(AuthTestSupport.environment(home: dir)) } throws: { error in
            error is CredentialsError && "\(error)".contains("exit status 7")
        }
    }

    @Test("role_arn on a profile with static keys assumes the role with those keys (Go's order)")
    func roleOnStaticKeys() async throws {
        let server = try LoopbackHTTPServer { _ in
            .xml(200, FakeResponses.stsCredentials(
                action: "AssumeRole", key: "ASIAROLE", secret: "s", token: "t", expiration: Date().addingTimeInterval(3600)))
        }
        defer { server.stop() }
        let dir = try home(credentials: """
            [default]
            aws_access_key_id = STATICKEY
            aws_secret_access_key = s
            role_arn = arn:aws:iam::1:role/r
            """)
        defer { AuthTestSupport.remove(dir) }
        let credentials = try await fetch(AuthTestSupport.environment(home: dir, ["AWS_ENDPOINT_URL_STS": server.url]))
        #expect(credentials.accessKeyId == "ASIAROLE")
        #expect(server.requests.first?.header("Authorization")?.contains("Credential=STATICKEY/") == true)
    }

    @Test("mfa_serial cannot be served by a plugin: configuration error with Go's sentence")
    func mfaSerial() throws {
        let dir = try home(config: """
            [default]
            role_arn = arn:aws:iam::1:role/r
            source_profile = base
            mfa_serial = arn:aws:iam::1:mfa/me
            [profile base]
            aws_access_key_id = A
            aws_secret_access_key = S
            """)
        defer { AuthTestSupport.remove(dir) }
        #expect { try AWSConfig.load(environment: AuthTestSupport.environment(home: dir)).credentialsProvider() } throws: {
            "\($0)".hasPrefix("assume role with MFA enabled, but AssumeRoleTokenProvider session option not set.")
        }
    }

    @Test("configuration errors of branches Go does not reach do not surface")
    func unreachedBranches() async throws {
        let dir = try home(config: "[default]\ncredential_source = Bogus\nrole_arn = arn:aws:iam::1:role/r\n")
        defer { AuthTestSupport.remove(dir) }
        let withKeys = AuthTestSupport.environment(home: dir, ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "s"])
        #expect(try await fetch(withKeys).accessKeyId == "ENVKEY")
        #expect { try AWSConfig.load(environment: AuthTestSupport.environment(home: dir)).credentialsProvider() } throws: {
            "\($0)" == "credential_source values must be EcsContainer, Ec2InstanceMetadata, or Environment"
        }
    }
}
