import Foundation

/// AWS Sign-In `CreateOAuth2Token` with the `refresh_token` grant: restJson1, unsigned, `POST /v1/token`,
/// the body being the `tokenInput` payload (`clientId`, `grantType`, `refreshToken`) and the answer the
/// `tokenOutput` payload (`accessToken{accessKeyId,secretAccessKey,sessionToken}`, `tokenType`,
/// `expiresIn`, `refreshToken`, `idToken`); errors carry an OAuth2 code in `error` (botocore
/// `data/signin/2023-01-01/service-2.json`). Every attempt sends a DPoP proof of its own: a retry
/// reusing one would be refused as a replay (RFC 9449 §11.1).
struct SigninClient: Sendable {
    let endpoint: String
    var httpOptions = AuthHTTPOptions(connectTimeout: 5, totalTimeout: 30)
    var http = AuthHTTPClient.shared
    var now: @Sendable () -> Date = { Date() }

    static let operation = "Signin: CreateOAuth2Token"

    struct RefreshedToken: Sendable {
        let accessKeyID: String
        let secretAccessKey: String
        let sessionToken: String
        let expiresIn: Int64
        let refreshToken: String
    }

    func refresh(clientID: String, refreshToken: String, dpopKey: String) async throws -> RefreshedToken {
        let body: JSONValue = .object([
            "clientId": .string(clientID), "grantType": .string("refresh_token"), "refreshToken": .string(refreshToken),
        ])
        let encoded = Array((try? JSONEncoder().encode(body)) ?? Data())
        let url = endpoint + "/v1/token"
        let response = try await AuthRetry.run(isRetryable: { ($0 as? ServiceCallError)?.retryable ?? false }) {
            let proof: String
            do {
                proof = try DPoPProof.make(keyPEM: dpopKey, method: "POST", url: url, now: now())
            } catch {
                throw ServiceCallError(message: "operation error \(Self.operation), \(error)", retryable: false)
            }
            let request = AuthHTTPRequest(
                method: "POST", url: url,
                headers: [
                    HTTPHeader("Content-Type", "application/json"), HTTPHeader("Accept", "application/json"),
                    HTTPHeader("DPoP", proof),
                ],
                body: encoded)
            let response: AuthHTTPResponse
            do {
                response = try await http.send(request, options: httpOptions)
            } catch let error as AuthHTTPError {
                throw ServiceCallError(message: "operation error \(Self.operation), \(error.message)", retryable: true)
            }
            guard response.isSuccess else { throw Self.error(response) }
            return response
        }
        return try Self.decode(response.body)
    }

    /// The restJson1 error (type from `x-amzn-ErrorType` / `__type`, text from `message`), with the
    /// OAuth2 code of the `error` member as `code` when there is one: that is what says whether a new
    /// login is needed (`TOKEN_EXPIRED`, `USER_CREDENTIALS_CHANGED`).
    static func error(_ response: AuthHTTPResponse) -> ServiceCallError {
        let base = SSOJSONCall.error(operation, response)
        guard let oauth = JSONValue.parse(response.body)?["error"]?.stringValue, !oauth.isEmpty else { return base }
        let message = base.message.contains(oauth) ? base.message : base.message + " (\(oauth))"
        return ServiceCallError(message: message, retryable: base.retryable, code: oauth, status: base.status)
    }

    static func decode(_ body: [UInt8]) throws -> RefreshedToken {
        func malformed(_ what: String) -> ServiceCallError {
            ServiceCallError(message: "operation error \(operation), malformed response: \(what)", retryable: false)
        }
        guard let json = JSONValue.parse(body), json.objectValue != nil else { throw malformed("not a JSON object") }
        guard let access = json["accessToken"], access.objectValue != nil else { throw malformed("accessToken missing") }
        func field(_ value: JSONValue?, _ name: String) throws -> String {
            guard let text = value?.stringValue, !text.isEmpty else { throw malformed("\(name) missing") }
            return text
        }
        guard let expiresIn = json["expiresIn"]?.integerValue, expiresIn > 0 else {
            throw malformed("expiresIn missing or not a positive number")
        }
        return RefreshedToken(
            accessKeyID: try field(access["accessKeyId"], "accessToken.accessKeyId"),
            secretAccessKey: try field(access["secretAccessKey"], "accessToken.secretAccessKey"),
            sessionToken: try field(access["sessionToken"], "accessToken.sessionToken"),
            expiresIn: expiresIn, refreshToken: try field(json["refreshToken"], "refreshToken"))
    }
}
