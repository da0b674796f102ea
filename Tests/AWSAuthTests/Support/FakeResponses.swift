@testable import AWSAuth
import Foundation
import NIOConcurrencyHelpers

/// Response bodies in the real wire formats of the credential services (aws-sdk-go-v2 `credentials/processcreds`, `stscreds`,
/// `ssocreds`, `endpointcreds`, `ec2rolecreds`).
enum FakeResponses {
    static func iso(_ date: Date) -> String { RFC3339.format(date) }

    /// STS AssumeRole / AssumeRoleWithWebIdentity success, elements deliberately not in the documented
    /// order and with an unknown element, as aws-c-auth's parser tests do.
    static func stsCredentials(
        action: String, key: String, secret: String, token: String, expiration: Date
    ) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <\(action)Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <\(action)Result>
            <Credentials>
              <SessionToken>\(token)</SessionToken>
              <Expiration>\(iso(expiration))</Expiration>
              <Unknown><Nested>ignored</Nested></Unknown>
              <SecretAccessKey>\(secret)</SecretAccessKey>
              <AccessKeyId>\(key)</AccessKeyId>
            </Credentials>
            <AssumedRoleUser>
              <Arn>arn:aws:sts::123456789012:assumed-role/demo/s1</Arn>
              <AssumedRoleId>AROAEXAMPLE:s1</AssumedRoleId>
            </AssumedRoleUser>
            <PackedPolicySize>6</PackedPolicySize>
          </\(action)Result>
          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
        </\(action)Response>
        """
    }

    static func stsError(code: String, message: String, type: String = "Sender") -> String {
        """
        <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <Error><Type>\(type)</Type><Code>\(code)</Code><Message>\(message)</Message></Error>
          <RequestId>4c6a8e3f-0000-0000-0000-000000000000</RequestId>
        </ErrorResponse>
        """
    }

    /// ECS/EKS container endpoint document.
    static func container(key: String, secret: String, token: String, expiration: Date) -> String {
        """
        {"AccessKeyId":"\(key)","SecretAccessKey":"\(secret)","Token":"\(token)","Expiration":"\(iso(expiration))",\
        "RoleArn":"arn:aws:iam::111122223333:role/task","AccountId":"111122223333"}
        """
    }

    /// IMDS role credentials document.
    static func imdsCredentials(key: String, secret: String, token: String, expiration: Date, code: String = "Success")
        -> String
    {
        """
        {"Code":"\(code)","LastUpdated":"\(iso(Date()))","Type":"AWS-HMAC","AccessKeyId":"\(key)",\
        "SecretAccessKey":"\(secret)","Token":"\(token)","Expiration":"\(iso(expiration))"}
        """
    }

    /// SSO portal GetRoleCredentials; `expiration` in epoch milliseconds.
    static func ssoRoleCredentials(key: String, secret: String, token: String, expiration: Date) -> String {
        let millis = Int64(expiration.timeIntervalSince1970 * 1000)
        return """
        {"roleCredentials":{"accessKeyId":"\(key)","secretAccessKey":"\(secret)","sessionToken":"\(token)",\
        "expiration":\(millis)}}
        """
    }
}

/// A clock the tests move by hand.
final class TestClock: Sendable {
    private let current: NIOLockedValueBox<Date>
    init(_ start: Date = Date()) { current = NIOLockedValueBox(start) }
    var now: Date { current.withLockedValue { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLockedValue { $0 = $0.addingTimeInterval(seconds) } }
}
