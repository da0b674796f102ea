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

/// The `server_side_encryption_configuration` block. Both values are sent on every upload,
/// including the test object. Go does not validate them (only the JSON schema does).
public struct ServerSideEncryptionConfiguration: Sendable, Equatable {
    /// `x-amz-server-side-encryption-aws-kms-key-id`.
    public var sseKMSKeyID: String
    /// `x-amz-server-side-encryption`: `AES256`, `aws:kms` or `aws:kms:dsse` per the schema.
    public var serverSideEncryption: String

    public init(sseKMSKeyID: String = "", serverSideEncryption: String = "") {
        self.sseKMSKeyID = sseKMSKeyID
        self.serverSideEncryption = serverSideEncryption
    }
}
