import Foundation
import HTTPTransport

/// The two STS operations the chain needs, over STS's query protocol (form-encoded POST, XML answer;
/// aws-sdk-go-v2 `credentials/stscreds` `assume_role_provider.go` and `web_identity_provider.go`): `AssumeRole`, signed with the source credentials, and
/// `AssumeRoleWithWebIdentity`, which is anonymous.
struct STSClient: Sendable {
    let endpoint: String
    let region: String
    var httpOptions = AuthHTTPOptions(connectTimeout: 5, totalTimeout: 30)
    var http = AuthHTTPClient.shared

    struct AssumeRoleInput: Sendable {
        var roleARN: String
        var sessionName: String
        var durationSeconds: Int?
        var externalID: String?
    }

    struct WebIdentityInput: Sendable {
        var roleARN: String
        var sessionName: String
        var token: String
        var durationSeconds: Int?
    }

    func assumeRole(_ input: AssumeRoleInput, source: Credentials) async throws -> Credentials {
        var parameters: [(String, String?)] = [
            ("Action", "AssumeRole"), ("Version", "2011-06-15"),
            ("RoleArn", input.roleARN), ("RoleSessionName", input.sessionName),
        ]
        if let duration = input.durationSeconds { parameters.append(("DurationSeconds", String(duration))) }
        if let externalID = input.externalID, !externalID.isEmpty { parameters.append(("ExternalId", externalID)) }
        return try await call("AssumeRole", parameters, signWith: source)
    }

    func assumeRoleWithWebIdentity(_ input: WebIdentityInput) async throws -> Credentials {
        var parameters: [(String, String?)] = [
            ("Action", "AssumeRoleWithWebIdentity"), ("Version", "2011-06-15"),
            ("RoleArn", input.roleARN), ("RoleSessionName", input.sessionName),
            ("WebIdentityToken", input.token),
        ]
        if let duration = input.durationSeconds { parameters.append(("DurationSeconds", String(duration))) }
        return try await call("AssumeRoleWithWebIdentity", parameters, signWith: nil)
    }

    private func call(_ operation: String, _ parameters: [(String, String?)], signWith source: Credentials?)
        async throws -> Credentials
    {
        guard let url = EndpointURL(endpoint) else {
            throw ServiceCallError(message: "invalid STS endpoint \(endpoint)", retryable: false)
        }
        let body = Array(URIEncoding.query(parameters.map { (name: $0.0, value: $0.1) }).utf8)
        let response = try await AuthRetry.run(isRetryable: { ($0 as? ServiceCallError)?.retryable ?? false }) {
            var request = SigV4Request(method: "POST", path: url.path + "/", headers: [
                HTTPHeader("Host", url.hostHeader),
                HTTPHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            ])
            if let source {
                // Signed at each attempt: a retry after a long backoff needs a fresh X-Amz-Date.
                SigV4Signer(region: region, service: "sts", options: .generic)
                    .sign(&request, credentials: source, payloadHash: .sha256(of: body))
            }
            let httpRequest = AuthHTTPRequest(
                method: "POST", url: url.origin + url.path + "/", headers: request.headers, body: body)
            let response: AuthHTTPResponse
            do {
                response = try await http.send(httpRequest, options: httpOptions)
            } catch let error as AuthHTTPError {
                throw ServiceCallError(message: "operation error STS: \(operation), \(error.message)", retryable: true)
            }
            if !response.isSuccess {
                throw Self.error(operation, response)
            }
            return response
        }
        return try Self.credentials(operation, XMLLeafReader(response.body))
    }

    static func error(_ operation: String, _ response: AuthHTTPResponse) -> ServiceCallError {
        let xml = XMLLeafReader(response.body)
        let code = xml.text("Code", under: "Error")?.trimmingWhitespace() ?? ""
        let message = xml.text("Message", under: "Error")?.trimmingWhitespace() ?? ""
        var text = "operation error STS: \(operation), https response error StatusCode: \(response.statusCode)"
        if !code.isEmpty || !message.isEmpty {
            text += ", api error \(code): \(message)"
        } else if !response.body.isEmpty {
            text += ", \(response.shortText)"
        }
        let retryableCodes: Set<String> = [
            "Throttling", "ThrottlingException", "RequestLimitExceeded", "IDPCommunicationError", "InvalidIdentityToken",
        ]
        return ServiceCallError(
            message: text, retryable: AuthRetry.isRetryable(status: response.statusCode) || retryableCodes.contains(code),
            code: code, status: response.statusCode)
    }

    static func credentials(_ operation: String, _ xml: XMLLeafReader) throws -> Credentials {
        func field(_ name: String) throws -> String {
            guard let value = xml.text(name, under: "Credentials")?.trimmingWhitespace(), !value.isEmpty else {
                throw ServiceCallError(
                    message: "operation error STS: \(operation), malformed response: no Credentials/\(name) in the XML",
                    retryable: false)
            }
            return value
        }
        let expirationText = try field("Expiration")
        guard let expiration = RFC3339.parse(expirationText) else {
            throw ServiceCallError(
                message: "operation error STS: \(operation), malformed response: Expiration is not an RFC 3339 timestamp",
                retryable: false)
        }
        return Credentials(
            accessKeyId: try field("AccessKeyId"), secretAccessKey: try field("SecretAccessKey"),
            sessionToken: try field("SessionToken"), expiration: expiration, source: "sts")
    }
}

/// A credential service answered with an error or not at all; `message` is safe to show.
struct ServiceCallError: Error, Sendable, CustomStringConvertible {
    let message: String
    let retryable: Bool
    var code: String = ""
    /// HTTP status of the answer, `nil` when there was none.
    var status: Int?

    var description: String { message }
}
