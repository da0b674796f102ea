import Foundation

/// An AWS access key pair, optionally temporary (session token + expiration).
///
/// Every textual form (`description`, `debugDescription`, `dump`/Mirror) redacts the secret key and the
/// session token, so a `Credentials` value can be logged or interpolated into an error without leaking them.
/// The access key id is an identifier, not a secret (S3 itself echoes it in error bodies), so it is shown.
public struct Credentials: Sendable, Equatable {
    public let accessKeyId: String
    public let secretAccessKey: String
    public let sessionToken: String?
    /// When temporary credentials stop working; `nil` for long-lived keys.
    let expiration: Date?
    /// Which provider produced these credentials (e.g. "environment"), for diagnostics.
    public let source: String

    public init(
        accessKeyId: String,
        secretAccessKey: String,
        sessionToken: String? = nil,
        expiration: Date? = nil,
        source: String = "static"
    ) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        // An empty token means "none": sending an empty x-amz-security-token would be rejected.
        self.sessionToken = (sessionToken?.isEmpty ?? true) ? nil : sessionToken
        self.expiration = expiration
        self.source = source
    }

    /// True when `expiration` is set and lies before `date + window`. Callers refresh early by passing a window
    /// (e.g. 5 minutes) so a request signed now is not rejected as expired on arrival.
    func isExpired(at date: Date = Date(), window: TimeInterval = 0) -> Bool {
        guard let expiration else { return false }
        return expiration <= date.addingTimeInterval(window)
    }
}

extension Credentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        var text = "Credentials(accessKeyId: \(accessKeyId), secretAccessKey: <redacted>"
        text += sessionToken == nil ? ", sessionToken: nil" : ", sessionToken: <redacted>"
        if let expiration { text += ", expiration: \(expiration)" }
        text += ", source: \(source))"
        return text
    }

    public var debugDescription: String { description }

    /// `dump()` and debuggers walk the Mirror, not `description`: redact there too.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "accessKeyId": accessKeyId,
            "secretAccessKey": "<redacted>",
            "sessionToken": sessionToken == nil ? "nil" : "<redacted>",
            "expiration": expiration as Any,
            "source": source,
        ])
    }
}
