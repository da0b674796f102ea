import Foundation
import Logging

/// Credentials printed by an external command (`credential_process`, aws-sdk-go-v2
/// `credentials/processcreds`): run with `/bin/sh -c`, the command must print JSON version 1 on stdout:
/// `{"Version": 1, "AccessKeyId": …, "SecretAccessKey": …, "SessionToken": …, "Expiration": RFC 3339}`.
/// `Expiration` absent or null means the credentials never expire. Errors never repeat the output (it
/// holds the secret) nor the command's stderr.
struct ProcessCredentialsProvider: CredentialsProvider {
    let command: String
    let environment: [String: String]
    /// Go `processcreds.DefaultTimeout`: one minute.
    var timeout: Double = 60
    let providerName: String
    var logger: Logger?

    func credentials() async throws -> Credentials {
        guard !command.isEmpty else { throw failure("failed to prepare command: command must not be empty") }
        let outcome: ChildProcess.Outcome
        do {
            outcome = try await ChildProcess.run(command: command, environment: environment, timeout: timeout)
        } catch let error as ChildProcess.LaunchError {
            throw failure("error in credential_process: \(error.description)")
        }
        if outcome.stderrByteCount > 0 {
            logger?.debug("credential_process wrote to stderr (not shown: it may contain secrets)", metadata: [
                "provider": "\(providerName)", "bytes": "\(outcome.stderrByteCount)",
            ])
        }
        if outcome.timedOut {
            throw failure("credential process timed out after \(Int(timeout)) s: signal: killed")
        }
        if outcome.stdoutTooLarge {
            throw failure("error in credential_process: output larger than 1 MiB")
        }
        switch outcome.termination {
        case .exited(0): break
        case .exited(let code): throw failure("error in credential_process: exit status \(code)")
        case .signalled(let signal): throw failure("error in credential_process: signal \(signal)")
        }
        return try parse(outcome.stdout)
    }

    /// Validates the output in Go's order: JSON, `Version` 1, the two keys, then `Expiration`.
    func parse(_ output: [UInt8]) throws -> Credentials {
        guard let json = JSONValue.parse(output), json.objectValue != nil else {
            throw failure("parse failed of process output: not a JSON object (\(output.count) bytes; output not shown)")
        }
        func string(_ key: String) throws -> String {
            switch json[key] {
            case nil, .null?: return ""
            case .string(let value)?: return value
            case let other?:
                throw failure("parse failed of process output: \(key) is a \(other.typeName), not a string")
            }
        }
        guard case .integer(1)? = json["Version"] else {
            throw failure("wrong version in process output (not 1)")
        }
        let accessKeyID = try string("AccessKeyId")
        let secret = try string("SecretAccessKey")
        let token = try string("SessionToken")
        guard !accessKeyID.isEmpty else { throw failure("missing AccessKeyId in process output") }
        guard !secret.isEmpty else { throw failure("missing SecretAccessKey in process output") }
        var expiration: Date?
        switch json["Expiration"] {
        case nil, .null?: expiration = nil
        case .string(let text)?:
            guard let date = RFC3339.parse(text) else {
                throw failure(
                    "parse failed of process output: Expiration is not an RFC 3339 timestamp "
                        + "(e.g. 2025-01-15T13:30:45Z; the value is not shown, the output holds secrets)")
            }
            expiration = date
        case let other?:
            throw failure("parse failed of process output: Expiration is a \(other.typeName), not a string")
        }
        return Credentials(
            accessKeyId: accessKeyID, secretAccessKey: secret, sessionToken: token, expiration: expiration,
            source: providerName)
    }

    private func failure(_ message: String) -> CredentialsError {
        CredentialsError(provider: providerName, message: "process provider error: \(message)")
    }
}
