import Foundation

/// The two IAM Identity Center calls the chain needs, both REST+JSON and unsigned: the portal's
/// GetRoleCredentials (bearer token → role credentials) and SSO OIDC CreateToken with the
/// `refresh_token` grant (aws-sdk-go-v2 `credentials/ssocreds` `sso_credentials_provider.go`, `sso_token_provider.go`).
struct SSOPortalClient: Sendable {
    let endpoint: String
    var httpOptions = AuthHTTPOptions(connectTimeout: 5, totalTimeout: 30)
    var http = AuthHTTPClient.shared

    func roleCredentials(accessToken: String, accountID: String, roleName: String) async throws -> Credentials {
        let query = URIEncoding.query([(name: "account_id", value: accountID), (name: "role_name", value: roleName)])
        let request = AuthHTTPRequest(
            method: "GET", url: endpoint + "/federation/credentials?" + query,
            headers: [HTTPHeader("x-amz-sso_bearer_token", accessToken), HTTPHeader("Accept", "application/json")])
        let response = try await SSOJSONCall.send(request, operation: "SSO: GetRoleCredentials", http: http, options: httpOptions)
        let fail = { (message: String) in
            ServiceCallError(message: "operation error SSO: GetRoleCredentials, malformed response: \(message)", retryable: false)
        }
        guard let json = JSONValue.parse(response.body), let role = json["roleCredentials"], role.objectValue != nil else {
            throw fail("no roleCredentials object")
        }
        guard let key = role["accessKeyId"]?.stringValue, !key.isEmpty,
              let secret = role["secretAccessKey"]?.stringValue, !secret.isEmpty
        else { throw fail("accessKeyId or secretAccessKey missing") }
        guard let milliseconds = role["expiration"]?.integerValue else { throw fail("expiration missing or not a number") }
        return Credentials(
            accessKeyId: key, secretAccessKey: secret, sessionToken: role["sessionToken"]?.stringValue,
            expiration: Date(timeIntervalSince1970: Double(milliseconds) / 1000), source: "sso")
    }
}

struct SSOOIDCClient: Sendable {
    let endpoint: String
    var httpOptions = AuthHTTPOptions(connectTimeout: 5, totalTimeout: 30)
    var http = AuthHTTPClient.shared

    struct RefreshedToken: Sendable {
        let accessToken: String
        let expiresIn: Int64
        let refreshToken: String?
    }

    func refresh(clientID: String, clientSecret: String, refreshToken: String) async throws -> RefreshedToken {
        let body: [String: JSONValue] = [
            "clientId": .string(clientID), "clientSecret": .string(clientSecret),
            "grantType": .string("refresh_token"), "refreshToken": .string(refreshToken),
        ]
        let encoded = (try? JSONEncoder().encode(JSONValue.object(body))) ?? Data()
        let request = AuthHTTPRequest(
            method: "POST", url: endpoint + "/token",
            headers: [HTTPHeader("Content-Type", "application/json"), HTTPHeader("Accept", "application/json")],
            body: Array(encoded))
        let response = try await SSOJSONCall.send(request, operation: "SSO OIDC: CreateToken", http: http, options: httpOptions)
        guard let json = JSONValue.parse(response.body), json.objectValue != nil,
              let accessToken = json["accessToken"]?.stringValue, !accessToken.isEmpty,
              let expiresIn = json["expiresIn"]?.integerValue
        else {
            throw ServiceCallError(
                message: "operation error SSO OIDC: CreateToken, malformed response: accessToken or expiresIn missing",
                retryable: false)
        }
        return RefreshedToken(accessToken: accessToken, expiresIn: expiresIn, refreshToken: json["refreshToken"]?.stringValue)
    }
}

/// Sending and error decoding shared by the two JSON APIs (restJson1: the error type comes from the
/// `x-amzn-ErrorType` header or the body's `__type`/`error`, the text from `message`/`error_description`).
enum SSOJSONCall {
    static func send(
        _ request: AuthHTTPRequest, operation: String, http: AuthHTTPClient, options: AuthHTTPOptions
    ) async throws -> AuthHTTPResponse {
        try await AuthRetry.run(isRetryable: { ($0 as? ServiceCallError)?.retryable ?? false }) {
            let response: AuthHTTPResponse
            do {
                response = try await http.send(request, options: options)
            } catch let error as AuthHTTPError {
                throw ServiceCallError(message: "operation error \(operation), \(error.message)", retryable: true)
            }
            guard response.isSuccess else { throw error(operation, response) }
            return response
        }
    }

    static func error(_ operation: String, _ response: AuthHTTPResponse) -> ServiceCallError {
        let json = JSONValue.parse(response.body)
        var code = response.header("x-amzn-ErrorType") ?? json?["__type"]?.stringValue ?? json?["error"]?.stringValue ?? ""
        // `aws.protocols#Type:http://…` and `ns#Type` forms: keep the bare type.
        if let colon = code.firstIndex(of: ":") { code = String(code[..<colon]) }
        if let hash = code.lastIndex(of: "#") { code = String(code[code.index(after: hash)...]) }
        let message = json?["message"]?.stringValue ?? json?["Message"]?.stringValue
            ?? json?["error_description"]?.stringValue ?? (json == nil ? response.shortText : "")
        var text = "operation error \(operation), https response error StatusCode: \(response.statusCode)"
        if !code.isEmpty || !message.isEmpty { text += ", \(code.isEmpty ? "error" : code): \(message)" }
        let throttled = code == "TooManyRequestsException" || code == "SlowDownException"
        return ServiceCallError(
            message: text, retryable: AuthRetry.isRetryable(status: response.statusCode) || throttled, code: code,
            status: response.statusCode)
    }
}
