import Foundation

/// The token `aws login` caches for one console session (aws-sdk-go-v2 `credentials/logincreds/token.go`
/// `loginToken`, botocore `credentials.py` `LoginCredentialFetcher`): short-lived access credentials under
/// `accessToken`, and what refreshes them (`refreshToken`, `clientId`, the DPoP key `dpopKey`). Unknown
/// fields (`tokenType`, `idToken`, `identityToken`, `signInRegion`, …) survive a rewrite.
struct LoginCachedToken: Sendable {
    var accessKeyID: String
    var secretAccessKey: String
    var sessionToken: String
    var accountID: String
    var expiresAt: Date
    var refreshToken: String
    var clientID: String
    /// PEM of the session's P-256 key; it signs the DPoP proofs.
    var dpopKey: String
    /// The region the session was created in (newer CLIs write it; botocore refreshes there).
    var signInRegion: String?
    /// The whole document as read, so a rewrite keeps what we do not interpret.
    var document: [String: JSONValue]

    var credentials: Credentials {
        Credentials(
            accessKeyId: accessKeyID, secretAccessKey: secretAccessKey, sessionToken: sessionToken,
            expiration: expiresAt, source: "login")
    }
}

enum LoginTokenCache {
    /// `AWS_LOGIN_CACHE_DIRECTORY`, else `~/.aws/login/cache` (`nil` without either).
    static func directory(_ environment: EnvironmentConfig) -> String? {
        if let directory = environment["AWS_LOGIN_CACHE_DIRECTORY"] { return directory }
        return environment.home.map { $0 + "/.aws/login/cache" }
    }

    /// `<directory>/<lower-hex SHA-256 of the trimmed login_session>.json` (Go `StandardCachedTokenFilepath`,
    /// botocore `generate_login_cache_key`).
    static func path(directory: String, session: String) -> String {
        var directory = directory
        while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        let key = Hashing.hex(Hashing.sha256(Array(session.trimmingWhitespace().utf8)))
        return directory + "/" + key + ".json"
    }

    /// Reads and validates a cache file: every field Go's `loginToken.Validate` requires.
    static func load(_ path: String) throws(LoginTokenError) -> LoginCachedToken {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unusable("the login token cache \(path) does not exist")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unusable("the login token cache \(path) is not readable")
        }
        guard let object = JSONValue.parse(Array(data))?.objectValue else {
            throw .unusable("the login token cache \(path) is not a JSON object")
        }
        func string(_ value: JSONValue?, _ name: String) throws(LoginTokenError) -> String {
            guard let text = value?.stringValue, !text.isEmpty else {
                throw .unusable("the login token cache \(path) has no \(name)")
            }
            return text
        }
        guard let access = object["accessToken"], access.objectValue != nil else {
            throw .unusable("the login token cache \(path) has no accessToken")
        }
        let expiresText = try string(access["expiresAt"], "accessToken.expiresAt")
        guard let expiresAt = RFC3339.parse(expiresText) else {
            throw .unusable("the login token cache \(path) has an accessToken.expiresAt that is not an RFC 3339 time")
        }
        return LoginCachedToken(
            accessKeyID: try string(access["accessKeyId"], "accessToken.accessKeyId"),
            secretAccessKey: try string(access["secretAccessKey"], "accessToken.secretAccessKey"),
            sessionToken: try string(access["sessionToken"], "accessToken.sessionToken"),
            accountID: try string(access["accountId"], "accessToken.accountId"),
            expiresAt: expiresAt,
            refreshToken: try string(object["refreshToken"], "refreshToken"),
            clientID: try string(object["clientId"], "clientId"),
            dpopKey: try string(object["dpopKey"], "dpopKey"),
            signInRegion: object["signInRegion"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 },
            document: object)
    }

    /// Writes `token` back atomically with mode 0600: `accessToken` and `refreshToken` replaced, every
    /// other field (and every other member of `accessToken`) kept. `expiresAt` is written as the CLI
    /// writes it, `YYYY-MM-DDTHH:MM:SSZ`.
    static func store(_ token: LoginCachedToken, to path: String) throws(LoginTokenError) {
        var document = token.document
        var access = document["accessToken"]?.objectValue ?? [:]
        access["accessKeyId"] = .string(token.accessKeyID)
        access["secretAccessKey"] = .string(token.secretAccessKey)
        access["sessionToken"] = .string(token.sessionToken)
        access["accountId"] = .string(token.accountID)
        access["expiresAt"] = .string(RFC3339.format(token.expiresAt))
        document["accessToken"] = .object(access)
        document["refreshToken"] = .string(token.refreshToken)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(JSONValue.object(document)) else {
            throw .unusable("the refreshed login token could not be serialized")
        }
        if let failure = PrivateFile.replace(path, with: data) {
            throw .unusable("the refreshed login token could not be cached: \(failure)")
        }
    }
}

enum LoginTokenError: Error, Sendable {
    case unusable(String)
}
