import Foundation
import Testing

/// Independent checks with botocore (the AWS CLI's library), run through the project's Python.
enum BotocoreCheck {
    /// Recomputes the SigV4 signature of a request the fake server received with botocore's
    /// `SigV4Auth` (same timestamp, same signed headers) and requires it to equal the one sent.
    static func verifySignature(
        of request: LoopbackHTTPServer.Request, secret: String, region: String, service: String
    ) throws {
        let python = try AuthTestSupport.python()
        let authorization = try #require(request.header("Authorization"))
        let signed = authorization.components(separatedBy: "SignedHeaders=").last?
            .components(separatedBy: ",").first?.split(separator: ";").map(String.init) ?? []
        var headers: [String: String] = [:]
        for name in signed { headers[name] = request.header(name) }
        let accessKey = authorization.components(separatedBy: "Credential=").last?
            .components(separatedBy: "/").first ?? ""
        let input: [String: Any] = [
            "method": request.method, "url": "http://\(request.header("Host") ?? "")\(request.path)"
                + (request.query.isEmpty ? "" : "?\(request.query)"),
            "headers": headers, "body": request.bodyText, "access_key": accessKey, "secret": secret,
            "token": request.header("X-Amz-Security-Token") ?? "", "region": region, "service": service,
            "authorization": authorization,
        ]
        let script = """
        import json, sys
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        d = json.load(sys.stdin)
        req = AWSRequest(method=d["method"], url=d["url"], data=d["body"].encode(), headers=d["headers"])
        auth = SigV4Auth(Credentials(d["access_key"], d["secret"], d["token"] or None), d["service"], d["region"])
        req.context["timestamp"] = d["headers"]["x-amz-date"] if "x-amz-date" in d["headers"] else d["headers"]["X-Amz-Date"]
        canonical = auth.canonical_request(req)
        sts = auth.string_to_sign(req, canonical)
        sig = auth.signature(sts, req)
        got = d["authorization"].split("Signature=")[-1]
        print("match" if sig == got else "mismatch\\n" + canonical)
        """
        let json = String(decoding: try JSONSerialization.data(withJSONObject: input), as: UTF8.self)
        let result = try AuthTestSupport.run(python, ["-c", script], environment: ["PATH": "/usr/bin:/bin"], stdin: json)
        #expect(result.status == 0, "botocore check failed: \(result.stderr)")
        #expect(result.stdout.hasPrefix("match"), "botocore computed another signature:\n\(result.stdout)")
    }
}
