/// The `credentials` block: how the AWS credentials chain is configured.
public struct SpecCredentials: Sendable, Equatable {
    /// Shared config/credentials profile name.
    public var localProfile: String
    /// Role to assume with STS (pattern `^(arn(:[^:\n]*){5}([:/].*)?)?$` in the schema only).
    public var roleARN: String
    public var roleSessionName: String
    public var externalID: String

    public init(localProfile: String = "", roleARN: String = "", roleSessionName: String = "", externalID: String = "") {
        self.localProfile = localProfile
        self.roleARN = roleARN
        self.roleSessionName = roleSessionName
        self.externalID = externalID
    }

    var hasAnyValue: Bool {
        !localProfile.isEmpty || !roleARN.isEmpty || !roleSessionName.isEmpty || !externalID.isEmpty
    }
}
