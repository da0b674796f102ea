@testable import AWSAuth
import Foundation
import NIOConcurrencyHelpers

/// A loopback AWS Sign-In service speaking `CreateOAuth2Token`'s wire format (restJson1, `POST /v1/token`,
/// botocore `data/signin/2023-01-01/service-2.json`) that checks every request as the real service must:
/// the `refresh_token` grant with the expected client and refresh token, and a DPoP proof (RFC 9449 §4.3)
/// whose header carries the cached key's public point, whose ES256 signature verifies with that key
/// (checked by the `openssl` program), whose `htm`/`htu` name this request, whose `iat` is within a minute
/// of now and whose `jti` was never seen before. A request failing any check is answered 400 and recorded
/// in ``problems``. Accepted requests get credentials `ASIALOGIN<n>` and refresh token `NEW-REFRESH-<n>`.
final class FakeSignin: Sendable {
    let server: LoopbackHTTPServer
    let refreshes = Counter()
    private let state = State()

    /// What the handler threads record.
    final class State: Sendable {
        let problems = NIOLockedValueBox<[String]>([])
        let seenJTIs = NIOLockedValueBox<Set<String>>([])
    }

    /// Every check a request failed, in arrival order.
    var problems: [String] { state.problems.withLockedValue { $0 } }

    static func secret(_ n: Int) -> String { "login-secret-\(n)/abcdefghijklmnopqrstuvwxyz0123" }
    static func sessionToken(_ n: Int) -> String { "login-session-token-\(n)" }

    /// - Parameters:
    ///   - refusal: answer every valid request with this AccessDeniedException `error` code instead.
    ///   - failFirst: answer the first N valid requests 500 (a retry must come with a new proof).
    init(keyPEM: String, clientID: String, refreshToken: String, refusal: String? = nil, failFirst: Int = 0,
         expiresIn: Int = 900) throws
    {
        let point = try OpenSSLTool.publicPoint(ofKey: keyPEM)
        let refreshes = refreshes, state = state
        let failures = Counter()
        server = try LoopbackHTTPServer { request in
            let problem = Self.check(request, point: point, keyPEM: keyPEM, clientID: clientID,
                                     refreshToken: refreshToken, state: state)
            if let problem {
                state.problems.withLockedValue { $0.append(problem) }
                return .json(400, #"{"error":"INVALID_REQUEST","message":"\#(problem)"}"#)
                    .with(header: ("x-amzn-ErrorType", "ValidationException"))
            }
            if failures.current < failFirst {
                failures.next()
                return .json(500, #"{"error":"server_error","message":"try again"}"#)
                    .with(header: ("x-amzn-ErrorType", "InternalServerException"))
            }
            if let refusal {
                return .json(400, #"{"error":"\#(refusal)","message":"Refresh token is no longer valid"}"#)
                    .with(header: ("x-amzn-ErrorType", "AccessDeniedException"))
            }
            let n = refreshes.next()
            return .json(200, """
                {"accessToken":{"accessKeyId":"ASIALOGIN\(n)","secretAccessKey":"\(Self.secret(n))",\
                "sessionToken":"\(Self.sessionToken(n))"},"tokenType":"aws_sigv4","expiresIn":\(expiresIn),\
                "refreshToken":"NEW-REFRESH-\(n)","idToken":"id-token-\(n)"}
                """)
        }
    }

    private static func check(
        _ request: LoopbackHTTPServer.Request, point: (x: [UInt8], y: [UInt8]), keyPEM: String, clientID: String,
        refreshToken: String, state: State
    ) -> String? {
        guard request.method == "POST", request.path == "/v1/token" else { return "unexpected \(request.method) \(request.path)" }
        guard request.header("Content-Type") == "application/json" else { return "Content-Type is not application/json" }
        guard let body = JSONValue.parse(request.body) else { return "body is not JSON" }
        guard body["grantType"] == .string("refresh_token"), body["clientId"] == .string(clientID),
              body["refreshToken"] == .string(refreshToken)
        else { return "wrong grantType, clientId or refreshToken" }
        guard request.header("Authorization") == nil else { return "CreateOAuth2Token is unsigned" }
        guard let proof = request.header("DPoP") else { return "no DPoP header" }
        let parts = proof.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let headerBytes = base64URLDecode(parts[0]), let claimBytes = base64URLDecode(parts[1]),
              let signature = base64URLDecode(parts[2]), let header = JSONValue.parse(headerBytes),
              let claims = JSONValue.parse(claimBytes)
        else { return "DPoP is not a JWS" }
        guard header["typ"] == .string("dpop+jwt"), header["alg"] == .string("ES256"),
              let jwk = header["jwk"], jwk["kty"] == .string("EC"), jwk["crv"] == .string("P-256")
        else { return "DPoP header: wrong typ, alg or jwk" }
        guard jwk["x"].flatMap(\.stringValue).flatMap(base64URLDecode) == point.x,
              jwk["y"].flatMap(\.stringValue).flatMap(base64URLDecode) == point.y
        else { return "DPoP jwk is not the cached key's public point" }
        guard signature.count == 64 else { return "DPoP signature is not raw r||s" }
        let verified = (try? OpenSSLTool.verifyES256(
            signature: signature, message: Array((parts[0] + "." + parts[1]).utf8), keyPEM: keyPEM)) ?? false
        guard verified else { return "DPoP signature does not verify with the cached key" }
        guard claims["htm"] == .string("POST") else { return "DPoP htm is not POST" }
        guard claims["htu"] == .string("http://\(request.header("Host") ?? "")/v1/token") else { return "DPoP htu is not this URL" }
        guard let iat = claims["iat"]?.integerValue, abs(Double(iat) - Date().timeIntervalSince1970) <= 60 else {
            return "DPoP iat is not now"
        }
        guard let jti = claims["jti"]?.stringValue, !jti.isEmpty else { return "DPoP has no jti" }
        guard state.seenJTIs.withLockedValue({ $0.insert(jti).inserted }) else { return "DPoP jti replayed" }
        return nil
    }

    static func base64URLDecode(_ text: String) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }
}
