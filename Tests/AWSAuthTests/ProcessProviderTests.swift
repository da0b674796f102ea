@testable import AWSAuth
import Foundation
import Testing

/// credential_process (aws-sdk-go-v2 `credentials/processcreds/provider.go`): `/bin/sh -c`, JSON version 1 on stdout.
@Suite struct ProcessProviderTests {
    static let secret = "process-secret/0123456789abcdefghijklmnopqrstu"

    func provider(_ command: String, timeout: Double = 60, env: [String: String] = [:]) -> ProcessCredentialsProvider {
        ProcessCredentialsProvider(
            command: command, environment: AuthTestSupport.environment(home: nil, env), timeout: timeout,
            providerName: "credential_process (profile test)")
    }

    func failure(_ command: String, timeout: Double = 60) async -> String {
        do {
            _ = try await provider(command, timeout: timeout).credentials()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test("JSON v1 with session token and expiration, through a profile's credential_process")
    func viaProfile() async throws {
        let home = try AuthTestSupport.temporaryDirectory("process")
        defer { AuthTestSupport.remove(home) }
        let script = home + "/creds.sh"
        try AuthTestSupport.write("""
            #!/bin/sh
            echo "diagnostics on stderr: \(Self.secret)" >&2
            cat <<JSON
            {"Version": 1, "AccessKeyId": "ASIAPROCESS", "SecretAccessKey": "\(Self.secret)",
             "SessionToken": "process-token", "Expiration": "2099-01-15T13:30:45Z", "AccountId": "111122223333"}
            JSON
            """, to: script, mode: 0o700)
        // Run through /bin/sh: exec-ing a file just written races with forks of parallel tests (ETXTBSY).
        try AuthTestSupport.write("[profile proc]\ncredential_process = /bin/sh \(script) --flag 'quoted arg'\n", to: home + "/.aws/config")
        let env = AuthTestSupport.environment(home: home)
        let credentials = try await AWSConfig.load(environment: env, profile: "proc").credentialsProvider().credentials()
        #expect(credentials.accessKeyId == "ASIAPROCESS")
        #expect(credentials.secretAccessKey == Self.secret)
        #expect(credentials.sessionToken == "process-token")
        #expect(credentials.expiration == RFC3339.parse("2099-01-15T13:30:45Z"))
    }

    @Test("no Expiration (or null) means long-lived; fractional seconds and offsets are accepted")
    func expirationForms() async throws {
        let noExpiry = try await provider(#"echo '{"Version":1,"AccessKeyId":"A","SecretAccessKey":"S"}'"#).credentials()
        #expect(noExpiry.expiration == nil && noExpiry.sessionToken == nil)
        let null = try await provider(#"echo '{"Version":1,"AccessKeyId":"A","SecretAccessKey":"S","Expiration":null}'"#).credentials()
        #expect(null.expiration == nil)
        let offset = try await provider(
            #"echo '{"Version":1,"AccessKeyId":"A","SecretAccessKey":"S","Expiration":"2030-01-01T02:00:00.5+02:00"}'"#
        ).credentials()
        #expect(offset.expiration == Date(timeIntervalSince1970: 1_893_456_000.5))
    }

    @Test("the command sees the configured environment")
    func environment() async throws {
        let credentials = try await provider(
            #"printf '{"Version":1,"AccessKeyId":"%s","SecretAccessKey":"S"}' "$CUSTOM_KEY""#,
            env: ["CUSTOM_KEY": "FROMENV"]
        ).credentials()
        #expect(credentials.accessKeyId == "FROMENV")
    }

    @Test("Go's validation messages; the output (it holds the secret) and stderr never appear")
    func validation() async {
        #expect(await failure(#"echo '{"Version":2,"AccessKeyId":"A","SecretAccessKey":"S"}'"#)
            .contains("wrong version in process output (not 1)"))
        #expect(await failure(#"echo '{"Version":"1","AccessKeyId":"A","SecretAccessKey":"S"}'"#)
            .contains("wrong version in process output (not 1)"))
        #expect(await failure(#"echo '{"Version":1,"SecretAccessKey":"S"}'"#).contains("missing AccessKeyId in process output"))
        #expect(await failure(#"echo '{"Version":1,"AccessKeyId":"A"}'"#).contains("missing SecretAccessKey in process output"))
        let emptyExpiration = await failure(#"echo '{"Version":1,"AccessKeyId":"A","SecretAccessKey":"S","Expiration":""}'"#)
        #expect(emptyExpiration.contains("parse failed of process output"))
        let utc = await failure(
            #"echo '{"Version":1,"AccessKeyId":"A","SecretAccessKey":"\#(Self.secret)","Expiration":"2025-01-15 13:30:45 UTC"}'"#)
        #expect(utc.contains("is not an RFC 3339 timestamp"))
        #expect(!utc.contains(Self.secret))
        let garbage = await failure("echo 'AccessKeyId=A SecretAccessKey=\(Self.secret)'")
        #expect(garbage.contains("parse failed of process output"))
        #expect(!garbage.contains(Self.secret))
        let failing = await failure("echo 'token \(Self.secret)' >&2; exit 3")
        #expect(failing.contains("error in credential_process: exit status 3"))
        #expect(!failing.contains(Self.secret))
        #expect(await failure("").contains("command must not be empty"))
    }

    @Test("a command that hangs is killed at the timeout, children included")
    func timeout() async throws {
        let dir = try AuthTestSupport.temporaryDirectory("process-timeout")
        defer { AuthTestSupport.remove(dir) }
        let marker = dir + "/child.pid"
        let message = await failure("sleep 30 & echo $! > \(marker); wait", timeout: 1)
        #expect(message.contains("credential process timed out"))
        // The background `sleep` was in the killed process group.
        let pidText = (try? String(contentsOfFile: marker, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try #require(pidText.flatMap { Int32($0) })
        try await Task.sleep(nanoseconds: 200_000_000)
        // Gone, or a zombie waiting for init to reap it (kill(pid, 0) succeeds on zombies).
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        let state = stat.split(separator: ")").last?.split(separator: " ").first ?? ""
        #expect(stat.isEmpty || state == "Z", "the child process \(pid) outlived the timeout: \(stat)")
    }
}
