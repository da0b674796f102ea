@testable import AWSAuth
import Foundation
import Testing

/// ECS / EKS container credentials (aws-sdk-go-v2 `credentials/endpointcreds`) against a loopback endpoint.
@Suite struct ContainerProviderTests {
    static let secret = "container-secret/0123456789abcdefghijklmnopqr"

    func server(expectAuthorization: String? = nil, counter: Counter = Counter()) throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { request in
            let n = counter.next()
            if let expected = expectAuthorization, request.header("Authorization") != expected {
                return .json(401, #"{"code":"Unauthorized","message":"bad token"}"#)
            }
            return .json(200, FakeResponses.container(
                key: "ASIACONTAINER\(n)", secret: Self.secret, token: "container-token-\(n)",
                expiration: Date().addingTimeInterval(3600)))
        }
    }

    func chain(_ env: [String: String], ecsBase: String? = nil) throws -> any CredentialsProvider {
        var config = try AWSConfig.load(environment: AuthTestSupport.environment(home: nil, env))
        if let ecsBase { config.ecsBase = ecsBase }
        return try CredentialChainBuilder(config: config).defaultChain()
    }

    @Test("full URI on loopback with AWS_CONTAINER_AUTHORIZATION_TOKEN")
    func fullURI() async throws {
        let server = try server(expectAuthorization: "Bearer-test-123")
        defer { server.stop() }
        let provider = try chain([
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.url + "/ecs/creds",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Bearer-test-123",
        ])
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyId == "ASIACONTAINER1")
        #expect(credentials.sessionToken == "container-token-1")
        #expect(credentials.expiration != nil)
        let request = try #require(server.requests.first)
        #expect(request.method == "GET" && request.path == "/ecs/creds")
        #expect(request.header("Accept") == "application/json")
    }

    @Test("the token file wins over the variable and is re-read at every fetch")
    func tokenFile() async throws {
        let dir = try AuthTestSupport.temporaryDirectory("container")
        defer { AuthTestSupport.remove(dir) }
        try AuthTestSupport.write("file-token-1", to: dir + "/token")
        let server = try server()
        defer { server.stop() }
        let provider = try chain([
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.url + "/v1/credentials",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "variable-token",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": dir + "/token",
        ])
        _ = try await provider.credentials()
        try AuthTestSupport.write("file-token-2", to: dir + "/token")
        _ = try await provider.credentials()
        #expect(server.requests.map { $0.header("Authorization") } == ["file-token-1", "file-token-2"])

        try AuthTestSupport.write("bad\r\nX-Injected: 1", to: dir + "/token")
        await #expect { try await provider.credentials() } throws: {
            "\($0)".contains("authorization token contains invalid newline sequence")
        }
        #expect(server.requests.count == 2)
    }

    @Test("relative URI goes to the ECS agent address, before any full URI")
    func relativeURI() async throws {
        let server = try server()
        defer { server.stop() }
        let provider = try chain([
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc-123",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:1/never",
        ], ecsBase: server.url)
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyId == "ASIACONTAINER1")
        #expect(server.requests.first?.path == "/v2/credentials/abc-123")
        #expect(ContainerCredentialsProvider.ecsBase == "http://169.254.170.2")
    }

    @Test("http full URIs only to loopback, ECS or EKS hosts; https anywhere", arguments: [
        ("http://127.0.0.1:8080/creds", true), ("http://127.9.9.9/creds", true), ("http://[::1]:80/c", true),
        ("http://localhost:9999/c", true), ("http://169.254.170.2/v2/c", true), ("http://169.254.170.23/v1/c", true),
        ("http://[fd00:ec2::23]/v1/c", true), ("https://creds.example.com/c", true),
        ("http://169.254.169.254/latest", false), ("http://10.0.0.1/c", false), ("http://[fd00:ec2::24]/c", false),
        ("http://192.168.1.1:80/c", false), ("ftp://127.0.0.1/c", false), ("http:///nohost", false),
    ])
    func hostRules(url: String, allowed: Bool) throws {
        do {
            try ContainerCredentialsProvider.validateFullURI(url)
            #expect(allowed, "\(url) should have been refused")
        } catch {
            #expect(!allowed, "\(url) was refused: \(error)")
            if url.hasPrefix("http://10.") {
                #expect("\(error)" == "invalid endpoint host, \"10.0.0.1\", only loopback/ecs/eks hosts are allowed")
            }
        }
    }

    @Test("error answers: JSON code/message, or the text body; 5xx retried; malformed JSON is an error")
    func errors() async throws {
        let calls = Counter(), flakyCalls = Counter()
        let server = try LoopbackHTTPServer { request in
            calls.next()
            let n = request.path == "/flaky" ? flakyCalls.next() : 0
            switch request.path {
            case "/json-error": return .json(403, #"{"code":"AccessDenied","message":"not for you"}"#)
            case "/text-error": return .text(404, "no such task")
            case "/flaky": return n <= 2 ? .text(500, "oops") : .json(200, FakeResponses.container(
                key: "ASIAFLAKY", secret: Self.secret, token: "t", expiration: Date().addingTimeInterval(3600)))
            case "/garbage": return .json(200, "{not json")
            default: return .json(200, #"{"AccessKeyId":"A"}"#)
            }
        }
        defer { server.stop() }
        func provider(_ path: String) -> ContainerCredentialsProvider {
            ContainerCredentialsProvider(
                url: server.url + path, authorizationToken: nil, authorizationTokenFile: nil, providerName: "container")
        }
        await #expect { try await provider("/json-error").credentials() } throws: { "\($0)".contains("HTTP 403, AccessDenied: not for you") }
        await #expect { try await provider("/text-error").credentials() } throws: { "\($0)".contains("HTTP 404, no such task") }
        await #expect { try await provider("/garbage").credentials() } throws: { "\($0)".contains("not a JSON object") }
        await #expect { try await provider("/partial").credentials() } throws: { "\($0)".contains("no SecretAccessKey") }
        let before = calls.current
        #expect(try await provider("/flaky").credentials().accessKeyId == "ASIAFLAKY")
        #expect(calls.current - before == 3)
    }

    @Test("credential_source = EcsContainer uses the container endpoint, and needs one of the variables")
    func credentialSourceEcs() async throws {
        let home = try AuthTestSupport.temporaryDirectory("container")
        defer { AuthTestSupport.remove(home) }
        try AuthTestSupport.write("""
            [profile ecs]
            role_arn = arn:aws:iam::1:role/r
            credential_source = EcsContainer
            """, to: home + "/.aws/config")
        #expect {
            try AWSConfig.load(environment: AuthTestSupport.environment(home: home), profile: "ecs").credentialsProvider()
        } throws: {
            "\($0)".hasPrefix("EcsContainer was specified as the credential_source, but neither")
        }
    }
}
