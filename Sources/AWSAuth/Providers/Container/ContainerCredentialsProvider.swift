import Foundation
import HTTPTransport

/// Credentials from the container credentials endpoint: ECS task roles
/// (`AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`, appended to http://169.254.170.2) and EKS Pod Identity or
/// any local agent (`AWS_CONTAINER_CREDENTIALS_FULL_URI`), with `Authorization` from
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (re-read at every fetch, it wins) or
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN` (aws-sdk-go-v2 `credentials/endpointcreds/provider.go`).
struct ContainerCredentialsProvider: CredentialsProvider {
    let url: String
    let authorizationToken: String?
    let authorizationTokenFile: String?
    let providerName: String
    var httpOptions = AuthHTTPOptions(connectTimeout: 2, totalTimeout: 5, bypassProxy: true)
    var http = AuthHTTPClient.shared

    /// The ECS agent's address; replaceable so that tests can serve the relative-URI form on loopback.
    static let ecsBase = "http://169.254.170.2"

    /// The provider the environment describes, `nil` when neither URI variable is set. The full URI's
    /// host is checked here, at configuration time, as Go does.
    static func fromEnvironment(
        _ environment: EnvironmentConfig, ecsBase: String = ecsBase, caBundle: String? = nil
    ) throws -> ContainerCredentialsProvider? {
        let url: String
        if let relative = environment.containerRelativeURI {
            url = ecsBase + relative
        } else if let full = environment.containerFullURI {
            try validateFullURI(full)
            url = full
        } else {
            return nil
        }
        var provider = ContainerCredentialsProvider(
            url: url, authorizationToken: environment.containerAuthorizationToken,
            authorizationTokenFile: environment.containerAuthorizationTokenFile, providerName: "container credentials")
        provider.httpOptions.caBundlePath = caBundle
        return provider
    }

    static func validateFullURI(_ text: String) throws {
        guard let url = EndpointURL(text) else {
            if text.contains("://") && !text.lowercased().hasPrefix("http") {
                throw CredentialsConfigurationError(
                    "invalid URL \(text) in AWS_CONTAINER_CREDENTIALS_FULL_URI: only http and https are supported")
            }
            throw CredentialsConfigurationError("unable to parse host from local HTTP cred provider URL")
        }
        guard url.scheme == "http" else { return }
        switch ContainerHostPolicy.check(host: url.bareHost) {
        case .allowed: return
        case .notAllowed:
            throw CredentialsConfigurationError(
                "invalid endpoint host, \"\(url.bareHost)\", only loopback/ecs/eks hosts are allowed")
        case .unresolvable(let reason):
            throw CredentialsConfigurationError("failed to resolve host \"\(url.bareHost)\", \(reason)")
        }
    }

    func credentials() async throws -> Credentials {
        var headers = [HTTPHeader("Accept", "application/json")]
        if let token = try authorization() { headers.append(HTTPHeader("Authorization", token)) }
        let request = AuthHTTPRequest(method: "GET", url: url, headers: headers)
        let response: AuthHTTPResponse
        do {
            response = try await AuthRetry.run(isRetryable: { ($0 as? ServiceCallError)?.retryable ?? false }) {
                let response: AuthHTTPResponse
                do {
                    response = try await http.send(request, options: httpOptions)
                } catch let error as AuthHTTPError {
                    throw ServiceCallError(message: error.message, retryable: true)
                }
                guard response.isSuccess else { throw Self.error(response) }
                return response
            }
        } catch let error as ServiceCallError {
            throw CredentialsError(provider: providerName, message: "failed to load credentials, \(error.message)")
        }
        return try parse(response.body)
    }

    /// The token file wins over the variable; a token with CR or LF would inject headers.
    private func authorization() throws -> String? {
        var token = authorizationToken
        if let file = authorizationTokenFile {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CredentialsError(
                    provider: providerName,
                    message: "failed to load credentials, resolve auth token: failed to read authorization token "
                        + "from \(file): it does not exist or is not readable")
            }
            token = String(decoding: data, as: UTF8.self)
        }
        if let token, token.utf8.contains(where: { $0 == 10 || $0 == 13 }) {
            throw CredentialsError(
                provider: providerName,
                message: "failed to load credentials, resolve auth token: authorization token contains invalid newline sequence")
        }
        return token?.isEmpty == false ? token : nil
    }

    static func error(_ response: AuthHTTPResponse) -> ServiceCallError {
        var detail = response.shortText
        if response.header("Content-Type")?.lowercased().hasPrefix("application/json") == true,
           let json = JSONValue.parse(response.body) {
            let code = json["code"]?.stringValue ?? ""
            let message = json["message"]?.stringValue ?? ""
            if !code.isEmpty || !message.isEmpty { detail = "\(code): \(message)" }
        }
        return ServiceCallError(
            message: "HTTP \(response.statusCode)" + (detail.isEmpty ? "" : ", \(detail)"),
            retryable: AuthRetry.isRetryable(status: response.statusCode))
    }

    func parse(_ body: [UInt8]) throws -> Credentials {
        func fail(_ message: String) -> CredentialsError {
            CredentialsError(provider: providerName, message: "failed to load credentials, \(message)")
        }
        guard let json = JSONValue.parse(body), json.objectValue != nil else {
            throw fail("failed to deserialize json response: the body is not a JSON object")
        }
        guard let key = json["AccessKeyId"]?.stringValue, !key.isEmpty else { throw fail("no AccessKeyId in the response") }
        guard let secret = json["SecretAccessKey"]?.stringValue, !secret.isEmpty else {
            throw fail("no SecretAccessKey in the response")
        }
        var expiration: Date?
        if let text = json["Expiration"]?.stringValue {
            guard let date = RFC3339.parse(text) else { throw fail("Expiration is not an RFC 3339 timestamp") }
            expiration = date
        }
        return Credentials(
            accessKeyId: key, secretAccessKey: secret, sessionToken: json["Token"]?.stringValue,
            expiration: expiration, source: providerName)
    }
}
