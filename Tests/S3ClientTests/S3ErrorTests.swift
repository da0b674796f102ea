@testable import AWSAuth
@testable import HTTPTransport
import Testing
@testable import S3Client

@Suite struct S3ErrorTests {
    let request = S3Request(operation: "PutObject", method: "PUT", bucket: "my-bucket", key: "dir/file one.csv")

    func response(_ status: Int, _ body: String, headers: [HTTPHeader] = []) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers, body: Array(body.utf8))
    }

    @Test("S3 error XML becomes S3Error; description names operation, object, status and code")
    func signatureMismatch() {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match &amp; so on</Message>\
            <AWSAccessKeyId>AKIDEXAMPLE</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256\n20250115T123045Z</StringToSign>\
            <CanonicalRequest>PUT\n/k\nx-amz-security-token:TOKENVALUE123\n</CanonicalRequest><RequestId>tx000001</RequestId><HostId>host-7</HostId></Error>
            """
        let error = S3Client.error(from: response(403, body), for: request)
        #expect(error.statusCode == 403)
        #expect(error.code == "SignatureDoesNotMatch")
        #expect(error.message == "The request signature we calculated does not match & so on")
        #expect(error.requestId == "tx000001")
        #expect(error.hostId == "host-7")
        // The session token S3 echoes in its canonical request is masked before it is kept.
        #expect(error.serverCanonicalRequest == "PUT\n/k\nx-amz-security-token:<redacted>\n")
        #expect(error.serverStringToSign?.hasPrefix("AWS4-HMAC-SHA256") == true)
        #expect(error.description == "PutObject s3://my-bucket/dir/file one.csv failed: 403 SignatureDoesNotMatch: "
            + "The request signature we calculated does not match & so on (request id tx000001)")
        #expect(!error.isRetryable)
    }

    @Test("without an error document the status explains the failure; ids come from headers")
    func noBody() {
        let error = S3Client.error(
            from: response(404, "", headers: [HTTPHeader("x-amz-request-id", "REQ9"), HTTPHeader("x-amz-id-2", "HID")]),
            for: request)
        #expect(error.code == "")
        #expect(error.message == "Not Found")
        #expect(error.requestId == "REQ9")
        #expect(error.hostId == "HID")
        #expect(error.description == "PutObject s3://my-bucket/dir/file one.csv failed: 404: Not Found (request id REQ9)")
    }

    @Test("wrong-region answers point at the bucket's region")
    func permanentRedirect() {
        let error = S3Client.error(
            from: response(301, "<Error><Code>PermanentRedirect</Code><Message>Use the right endpoint.</Message></Error>",
                           headers: [HTTPHeader("x-amz-bucket-region", "eu-central-1")]),
            for: request)
        #expect(error.bucketRegion == "eu-central-1")
        #expect(error.description.contains("the bucket is in region eu-central-1"))
    }

    @Test("retry classification: throttling and 5xx retry, client errors do not")
    func retryable() {
        #expect(S3Client.error(from: response(503, "<Error><Code>SlowDown</Code></Error>"), for: request).isRetryable)
        #expect(S3Client.error(from: response(500, ""), for: request).isRetryable)
        #expect(S3Client.error(from: response(400, "<Error><Code>RequestTimeout</Code></Error>"), for: request).isRetryable)
        #expect(!S3Client.error(from: response(403, "<Error><Code>AccessDenied</Code></Error>"), for: request).isRetryable)
        let refused = S3TransportError(operation: "PutObject", bucket: "b", key: "k", endpoint: "http://x", curlCode: 7, message: "refused")
        let tls = S3TransportError(operation: "PutObject", bucket: "b", key: "k", endpoint: "https://x", curlCode: 60, message: "cert")
        #expect(refused.isRetryable)
        #expect(!tls.isRetryable)
        #expect(tls.description.contains("TLS problem"))
    }
}
