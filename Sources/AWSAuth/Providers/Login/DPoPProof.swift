import Foundation

/// A DPoP proof (RFC 9449 §4.2) for one Sign-In request: a JWT signed with ES256 by the `aws login`
/// session's key, whose header carries the public key (`jwk`) and whose claims bind it to this request
/// (`htm`, `htu`), this moment (`iat`) and this attempt only (`jti`, a fresh random UUID).
///
/// Layout as aws-sdk-go-v2 `credentials/logincreds/dpop.go` (`mkdpop`) and botocore
/// `credentials.py` (`_build_dpop_header`): header `{"typ":"dpop+jwt","alg":"ES256","jwk":{"kty":"EC",
/// "x","y","crv":"P-256"}}`, claims `{"jti","htm","htu","iat"}`, signature raw `r || s`.
enum DPoPProof {
    /// - Parameters:
    ///   - keyPEM: the cache's `dpopKey`.
    ///   - url: the request URL (`htu`): RFC 9449 leaves out the query and fragment.
    static func make(keyPEM: String, method: String, url: String, now: Date, jti: String = UUID().uuidString.lowercased())
        throws(ES256KeyError) -> String
    {
        let key = try ES256PrivateKey(pem: keyPEM)
        let point = try key.publicCoordinates()
        let header: JSONValue = .object([
            "typ": .string("dpop+jwt"), "alg": .string("ES256"),
            "jwk": .object([
                "kty": .string("EC"), "crv": .string("P-256"),
                "x": .string(Base64URL.encode(point.x)), "y": .string(Base64URL.encode(point.y)),
            ]),
        ])
        var target = url
        if let cut = target.firstIndex(where: { $0 == "?" || $0 == "#" }) { target = String(target[..<cut]) }
        let claims: JSONValue = .object([
            "jti": .string(jti), "htm": .string(method.uppercased()), "htu": .string(target),
            "iat": .integer(Int64(now.timeIntervalSince1970.rounded(.down))),
        ])
        let signingInput = encode(header) + "." + encode(claims)
        let signature = try key.sign(Array(signingInput.utf8))
        return signingInput + "." + Base64URL.encode(signature)
    }

    private static func encode(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a JSONValue of strings and integers cannot fail.
        return Base64URL.encode((try? encoder.encode(value)) ?? Data())
    }
}
