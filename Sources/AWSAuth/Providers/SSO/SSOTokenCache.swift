import Foundation

/// The SSO access-token cache `aws sso login` writes: `~/.aws/sso/cache/<sha1(key)>.json`, where the key
/// is the sso-session name (or the start URL for legacy profiles). Fields per botocore `tokens.py` and Go
/// `sso_cached_token.go`; unknown fields survive a rewrite.
struct SSOCachedToken: Sendable {
    var accessToken: String
    var expiresAt: Date
    var refreshToken: String?
    var clientID: String?
    var clientSecret: String?
    var registrationExpiresAt: Date?
    /// The whole document as read, so a rewrite keeps what we do not interpret.
    var document: [String: JSONValue]

    var canRefresh: Bool {
        !(refreshToken ?? "").isEmpty && !(clientID ?? "").isEmpty && !(clientSecret ?? "").isEmpty
    }
}

enum SSOTokenCache {
    /// `home/.aws/sso/cache/<lower-hex SHA-1 of key>.json`.
    static func path(home: String, key: String) -> String {
        home + "/.aws/sso/cache/" + Hashing.hex(Hashing.sha1(Array(key.utf8))) + ".json"
    }

    /// Reads and validates a cache file. Errors carry Go's wording.
    static func load(_ path: String) throws -> SSOCachedToken {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SSOTokenError.unusable("failed to read cached SSO token file, open \(path): no such file or it is not readable")
        }
        guard let json = JSONValue.parse(Array(data)), let object = json.objectValue else {
            throw SSOTokenError.unusable("failed to parse cached SSO token file, \(path) is not a JSON object")
        }
        func string(_ key: String) throws -> String? {
            switch object[key] {
            case nil: return nil
            case .string(let value)?: return value
            case let other?:
                throw SSOTokenError.unusable(
                    "failed to parse cached SSO token file, field \"\(key)\", expect value to be string, got \(other.typeName)")
            }
        }
        func date(_ key: String) throws -> Date? {
            guard let text = try string(key) else { return nil }
            guard let date = RFC3339.parse(text) else {
                throw SSOTokenError.unusable(
                    "failed to parse cached SSO token file, field \"\(key)\", expected RFC3339 timestamp")
            }
            return date
        }
        guard let accessToken = try string("accessToken"), !accessToken.isEmpty, let expiresAt = try date("expiresAt") else {
            throw SSOTokenError.unusable("cached SSO token must contain accessToken and expiresAt fields")
        }
        return SSOCachedToken(
            accessToken: accessToken, expiresAt: expiresAt, refreshToken: try string("refreshToken"),
            clientID: try string("clientId"), clientSecret: try string("clientSecret"),
            registrationExpiresAt: try date("registrationExpiresAt"), document: object)
    }

    /// Writes `token` back: the known fields updated, the others kept, through a temporary file in the
    /// same directory renamed over the old one (readers never see half a file), mode 0600 (it holds a
    /// bearer token and the client secret).
    static func store(_ token: SSOCachedToken, to path: String) throws {
        var document = token.document
        document["accessToken"] = .string(token.accessToken)
        document["expiresAt"] = .string(RFC3339.format(token.expiresAt))
        if let refresh = token.refreshToken, !refresh.isEmpty { document["refreshToken"] = .string(refresh) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(JSONValue.object(document))
        } catch {
            throw SSOTokenError.unusable("unable to cache refreshed SSO token, failed to serialize it")
        }
        if let failure = PrivateFile.replace(path, with: data) {
            throw SSOTokenError.unusable("unable to cache refreshed SSO token, \(failure)")
        }
    }
}

enum SSOTokenError: Error {
    case unusable(String)
}
