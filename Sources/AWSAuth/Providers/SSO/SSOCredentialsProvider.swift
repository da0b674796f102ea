import Foundation
import Logging

/// Role credentials through IAM Identity Center (aws-sdk-go-v2 `credentials/ssocreds`): the access token
/// `aws sso login` cached is exchanged for role credentials with GetRoleCredentials.
///
/// - Legacy profiles (`sso_start_url` in the profile) use the token as it is; once expired the user
///   must log in again.
/// - `sso_session` profiles refresh the token through SSO OIDC CreateToken when it is within
///   ``refreshWindow`` of expiry (Go waits until it has expired; refreshing early means a sync never
///   starts with a token about to lapse) and write it back to the cache. If the refresh fails while the
///   old token is still valid, the old token is used.
///
/// Every failure that a new login fixes says so: `run aws sso login --profile NAME`.
struct SSOCredentialsProvider: CredentialsProvider {
    enum TokenSource: Sendable {
        case legacy(cachePath: String)
        case session(cachePath: String, oidc: SSOOIDCClient)
    }

    let profileName: String
    let accountID: String
    let roleName: String
    let portal: SSOPortalClient
    let tokenSource: TokenSource
    var refreshWindow: TimeInterval = 300
    var logger: Logger?
    var now: @Sendable () -> Date = { Date() }

    var providerName: String { "sso (profile \(profileName))" }

    private var loginHint: String {
        "The SSO session associated with this profile has expired or is otherwise invalid. "
            + "To refresh this SSO session run `aws sso login --profile \(profileName)`"
    }

    func credentials() async throws -> Credentials {
        let token = try await accessToken()
        do {
            let credentials = try await portal.roleCredentials(accessToken: token, accountID: accountID, roleName: roleName)
            return credentials.withSource(providerName)
        } catch let error as ServiceCallError {
            // 401 / UnauthorizedException: the portal no longer accepts the token; only a new login helps.
            let refused = error.code == "UnauthorizedException" || error.status == 401
            let hint = refused ? ". \(loginHint)" : ""
            throw CredentialsError(provider: providerName, message: error.message + hint)
        }
    }

    private func accessToken() async throws -> String {
        switch tokenSource {
        case .legacy(let path):
            let token: SSOCachedToken
            do {
                token = try SSOTokenCache.load(path)
            } catch SSOTokenError.unusable(let reason) {
                throw failure("the SSO session has expired or is invalid: \(reason)")
            }
            guard now() < token.expiresAt else { throw failure("the SSO session has expired or is invalid") }
            return token.accessToken

        case .session(let path, let oidc):
            var token: SSOCachedToken
            do {
                token = try SSOTokenCache.load(path)
            } catch SSOTokenError.unusable(let reason) {
                throw failure(reason)
            }
            let current = now()
            guard current.addingTimeInterval(refreshWindow) >= token.expiresAt else { return token.accessToken }
            let stillValid = current < token.expiresAt
            let registrationOver = token.registrationExpiresAt.map { current >= $0 } ?? false
            guard token.canRefresh, !registrationOver,
                  let clientID = token.clientID, let secret = token.clientSecret, let refresh = token.refreshToken
            else {
                if stillValid { return token.accessToken }
                throw failure(
                    "refresh cached SSO token failed, cached SSO token is expired, or not present, and cannot be refreshed")
            }
            do {
                let refreshed = try await oidc.refresh(clientID: clientID, clientSecret: secret, refreshToken: refresh)
                token.accessToken = refreshed.accessToken
                token.expiresAt = current.addingTimeInterval(TimeInterval(refreshed.expiresIn))
                if let newRefresh = refreshed.refreshToken, !newRefresh.isEmpty { token.refreshToken = newRefresh }
            } catch let error as ServiceCallError {
                if stillValid {
                    logger?.warning("could not refresh the SSO token early; using the current one until it expires",
                                    metadata: ["provider": "\(providerName)", "error": "\(error.message)"])
                    return token.accessToken
                }
                throw failure("refresh cached SSO token failed, unable to refresh SSO token, \(error.message)")
            }
            do {
                try SSOTokenCache.store(token, to: path)
            } catch SSOTokenError.unusable(let reason) {
                // The new token works for this process; only the next one will have to refresh again.
                logger?.warning("refreshed SSO token could not be written back", metadata: ["reason": "\(reason)"])
            }
            return token.accessToken
        }
    }

    private func failure(_ message: String) -> CredentialsError {
        CredentialsError(provider: providerName, message: message + ". " + loginHint)
    }
}
