/// The `credentials` block: how the AWS credentials chain is configured.
struct SpecCredentials: Sendable, Equatable {
    /// Shared config/credentials profile name.
    var localProfile: String
    /// Role to assume with STS (pattern `^(arn(:[^:\n]*){5}([:/].*)?)?$` in the schema only).
    var roleARN: String
    var roleSessionName: String
    var externalID: String

    init(localProfile: String = "", roleARN: String = "", roleSessionName: String = "", externalID: String = "") {
        self.localProfile = localProfile
        self.roleARN = roleARN
        self.roleSessionName = roleSessionName
        self.externalID = externalID
    }

    var hasAnyValue: Bool {
        !localProfile.isEmpty || !roleARN.isEmpty || !roleSessionName.isEmpty || !externalID.isEmpty
    }
}
