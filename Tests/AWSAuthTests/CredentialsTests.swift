@testable import AWSAuth
import Foundation
import Testing

@Suite struct CredentialsTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY"
    static let token = "IQoJb3JpZ2luX2VjSESSIONTOKEN//////////wEaCXVz"

    @Test("every textual form of Credentials redacts the secret and the token")
    func redaction() {
        let credentials = Credentials(
            accessKeyId: "AKIAEXAMPLEKEYID0001", secretAccessKey: Self.secret, sessionToken: Self.token,
            expiration: Date(timeIntervalSince1970: 1_800_000_000), source: "environment")
        var dumped = ""
        dump(credentials, to: &dumped)
        let forms = [
            String(describing: credentials), String(reflecting: credentials), "\(credentials)", dumped,
            String(describing: [credentials]), String(describing: Optional(credentials)),
        ]
        for form in forms {
            #expect(!form.contains(Self.secret), "secret leaked: \(form)")
            #expect(!form.contains(Self.token), "token leaked: \(form)")
            #expect(!form.contains("CYSECRET"), "part of the secret leaked: \(form)")
        }
        #expect(String(describing: credentials).contains("AKIAEXAMPLEKEYID0001"))
        #expect(String(describing: credentials).contains("<redacted>"))
    }

    @Test("expiry check honours the refresh window; long-lived keys never expire")
    func expiry() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        let soon = Credentials(accessKeyId: "A", secretAccessKey: "S", expiration: now.addingTimeInterval(120))
        #expect(!soon.isExpired(at: now))
        #expect(soon.isExpired(at: now, window: 300))
        #expect(!Credentials(accessKeyId: "A", secretAccessKey: "S").isExpired(at: .distantFuture))
        #expect(Credentials(accessKeyId: "A", secretAccessKey: "S", sessionToken: "").sessionToken == nil)
    }
}

@Suite struct EnvironmentCredentialsProviderTests {
    @Test("reads AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN")
    func primaryVariables() async throws {
        let provider = EnvironmentCredentialsProvider(environment: [
            "AWS_ACCESS_KEY_ID": "AKID1", "AWS_SECRET_ACCESS_KEY": "secret1", "AWS_SESSION_TOKEN": "token1",
        ])
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyId == "AKID1")
        #expect(credentials.secretAccessKey == "secret1")
        #expect(credentials.sessionToken == "token1")
        #expect(credentials.source == "environment")
    }

    @Test("aliases AWS_ACCESS_KEY / AWS_SECRET_KEY are used only when the primary names are empty or unset")
    func aliases() async throws {
        let aliasOnly = try await EnvironmentCredentialsProvider(environment: [
            "AWS_ACCESS_KEY": "AKID2", "AWS_SECRET_KEY": "secret2",
        ]).credentials()
        #expect(aliasOnly.accessKeyId == "AKID2" && aliasOnly.secretAccessKey == "secret2")
        #expect(aliasOnly.sessionToken == nil)

        let both = try await EnvironmentCredentialsProvider(environment: [
            "AWS_ACCESS_KEY_ID": "AKID1", "AWS_ACCESS_KEY": "AKID2",
            "AWS_SECRET_ACCESS_KEY": "", "AWS_SECRET_KEY": "secret2",
        ]).credentials()
        #expect(both.accessKeyId == "AKID1")
        #expect(both.secretAccessKey == "secret2")
    }

    @Test("missing or partial keys are reported as not found, naming the variable but never its value")
    func partial() async throws {
        let secretValue = "partial-secret-value-123"
        do {
            _ = try await EnvironmentCredentialsProvider(environment: ["AWS_SECRET_ACCESS_KEY": secretValue]).credentials()
            Issue.record("expected CredentialsNotFound")
        } catch let error as CredentialsNotFound {
            #expect(error.reason.contains("AWS_ACCESS_KEY_ID"))
            #expect(!String(describing: error).contains(secretValue))
        }
        do {
            _ = try await EnvironmentCredentialsProvider(environment: ["AWS_ACCESS_KEY_ID": "AKID", "AWS_SESSION_TOKEN": "tok"]).credentials()
            Issue.record("expected CredentialsNotFound")
        } catch let error as CredentialsNotFound {
            #expect(error.reason.contains("AWS_SECRET_ACCESS_KEY"))
            #expect(!String(describing: error).contains("tok"))
        }
        await #expect(throws: CredentialsNotFound.self) {
            try await EnvironmentCredentialsProvider(environment: [:]).credentials()
        }
    }
}

@Suite struct CredentialsProviderChainTests {
    struct Failing: CredentialsProvider {
        struct Broken: Error {}
        var providerName: String { "broken" }
        func credentials() async throws -> Credentials { throw Broken() }
    }

    actor CallCounter {
        var calls = 0
        func hit() { calls += 1 }
    }

    struct Counting: CredentialsProvider {
        let counter: CallCounter
        func credentials() async throws -> Credentials {
            await counter.hit()
            return Credentials(accessKeyId: "COUNTED", secretAccessKey: "x")
        }
    }

    @Test("skips providers that have nothing and returns the first credentials found")
    func firstFound() async throws {
        let chain = CredentialsProviderChain([
            EnvironmentCredentialsProvider(environment: [:]),
            StaticCredentialsProvider(Credentials(accessKeyId: "STATIC", secretAccessKey: "s")),
            StaticCredentialsProvider(Credentials(accessKeyId: "LATER", secretAccessKey: "s")),
        ])
        #expect(try await chain.credentials().accessKeyId == "STATIC")
    }

    @Test("reports why every provider was skipped")
    func nothingFound() async throws {
        let chain = CredentialsProviderChain([
            EnvironmentCredentialsProvider(environment: ["AWS_SECRET_ACCESS_KEY": "hidden-secret-999"]),
            EnvironmentCredentialsProvider(environment: [:]),
        ])
        do {
            _ = try await chain.credentials()
            Issue.record("expected NoCredentialsFound")
        } catch let error as NoCredentialsFound {
            #expect(error.skipped.count == 2)
            let text = String(describing: error)
            #expect(text.contains("no AWS credentials found"))
            #expect(text.contains("environment: AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID"))
            #expect(!text.contains("hidden-secret-999"))
        }
    }

    @Test("a configured provider that fails stops the chain")
    func hardFailureStops() async throws {
        let counter = CallCounter()
        let chain = CredentialsProviderChain([Failing(), Counting(counter: counter)])
        await #expect(throws: Failing.Broken.self) { try await chain.credentials() }
        #expect(await counter.calls == 0)
    }
}
