import Foundation
import Logging

/// Credentials of an `aws login` console session (aws-sdk-go-v2 `credentials/logincreds/provider.go`,
/// `Provider.Retrieve`): the profile's `login_session` names a token cache holding 15-minute access
/// credentials; while they have more than ``refreshWindow`` left they are used as they are, otherwise
/// AWS Sign-In `CreateOAuth2Token` exchanges the cached refresh token (with a DPoP proof signed by the
/// cached key) for new ones, which are written back to the cache.
///
/// Differences from Go, on purpose:
/// - refresh 5 minutes before expiry, as botocore (`_REFRESH_THRESHOLD`) and the other temporary
///   credentials here (Go waits until they have expired);
/// - a failed early refresh keeps credentials that are still valid (with a warning);
/// - the refresh goes to the cache's `signInRegion` when it has one (botocore), else the configured region;
/// - the cache is rewritten atomically with mode 0600 (Go truncates it in place, 0666 when new);
/// - a cache whose account is not the one `login_session` names is refused.
///
/// Every failure a new login fixes says so: run `aws login --profile NAME`.
struct LoginCredentialsProvider: CredentialsProvider {
    let profileName: String
    /// The profile's `login_session` (the console identity's ARN).
    let session: String
    let cachePath: String
    /// Where Sign-In is reached, for the region chosen at refresh time.
    let endpoints: ServiceEndpoints
    let region: String
    var httpOptions = AuthHTTPOptions(connectTimeout: 5, totalTimeout: 30)
    var refreshWindow: TimeInterval = 300
    var logger: Logger?
    var now: @Sendable () -> Date = { Date() }

    var providerName: String { "login (profile \(profileName))" }

    private var loginHint: String { "Run `aws login --profile \(profileName)` to sign in again" }

    func credentials() async throws -> Credentials {
        var token: LoginCachedToken
        do {
            token = try LoginTokenCache.load(cachePath)
        } catch .unusable(let reason) {
            throw failure(reason)
        }
        if let expected = Self.account(of: session), expected != token.accountID {
            throw failure(
                "the login token cache \(cachePath) is for account \(token.accountID), but login_session "
                    + "\(session) is in account \(expected)")
        }
        let current = now()
        if current.addingTimeInterval(refreshWindow) < token.expiresAt {
            return token.credentials.withSource(providerName)
        }
        let stillValid = current < token.expiresAt
        let refreshed: SigninClient.RefreshedToken
        do {
            let endpoint = try endpoints.baseURL(for: .signin, region: token.signInRegion ?? region, includeGlobal: false)
            let client = SigninClient(endpoint: endpoint, httpOptions: httpOptions, now: now)
            refreshed = try await client.refresh(clientID: token.clientID, refreshToken: token.refreshToken, dpopKey: token.dpopKey)
        } catch let error as ServiceCallError {
            if stillValid {
                logger?.warning(
                    "could not refresh the aws login credentials early; using the current ones until they expire",
                    metadata: ["provider": "\(providerName)", "error": "\(error.message)"])
                return token.credentials.withSource(providerName)
            }
            throw refreshFailure(error)
        } catch let error as CredentialsConfigurationError {
            throw CredentialsError(provider: providerName, message: error.message)
        }
        token.accessKeyID = refreshed.accessKeyID
        token.secretAccessKey = refreshed.secretAccessKey
        token.sessionToken = refreshed.sessionToken
        token.refreshToken = refreshed.refreshToken
        token.expiresAt = current.addingTimeInterval(TimeInterval(refreshed.expiresIn))
        do {
            try LoginTokenCache.store(token, to: cachePath)
        } catch .unusable(let reason) {
            // The new credentials work for this process; the next one will need `aws login` if the old
            // refresh token was rotated away.
            logger?.warning("refreshed aws login credentials could not be written back", metadata: ["reason": "\(reason)"])
        }
        return token.credentials.withSource(providerName)
    }

    /// Go `toAccessDeniedError` wording, plus the fix when a new login is the fix.
    private func refreshFailure(_ error: ServiceCallError) -> CredentialsError {
        let prefix = "refreshing the login session failed: "
        switch error.code {
        case "TOKEN_EXPIRED":
            return failure(prefix + "login session has expired (\(error.message))")
        case "USER_CREDENTIALS_CHANGED":
            return failure(prefix + "login session password has changed (\(error.message))")
        case "INSUFFICIENT_PERMISSIONS":
            return CredentialsError(
                provider: providerName,
                message: prefix + "insufficient permissions, you may be missing permissions for the "
                    + "signin:CreateOAuth2Token action (\(error.message))")
        default:
            // Any other refusal (a revoked or unknown refresh token, `invalid_grant`, 401/403) needs a
            // new login; throttling, 5xx and network failures may pass.
            if let status = error.status, (400..<500).contains(status), !error.retryable {
                return failure(prefix + error.message)
            }
            return CredentialsError(provider: providerName, message: prefix + error.message)
        }
    }

    private func failure(_ message: String) -> CredentialsError {
        CredentialsError(provider: providerName, message: message + ". " + loginHint)
    }

    /// The account of an ARN (`arn:aws:iam::123456789012:user/x` → `123456789012`), `nil` otherwise.
    static func account(of arn: String) -> String? {
        let parts = arn.trimmingWhitespace().split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[4].count == 12, parts[4].allSatisfy(\.isNumber) else {
            return nil
        }
        return String(parts[4])
    }
}
