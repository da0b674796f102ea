/// The `server_side_encryption_configuration` block. Both values are sent on every upload,
/// including the test object. Go does not validate them (only the JSON schema does).
struct ServerSideEncryptionConfiguration: Sendable, Equatable {
    /// `x-amz-server-side-encryption-aws-kms-key-id`.
    var sseKMSKeyID: String
    /// `x-amz-server-side-encryption`: `AES256`, `aws:kms` or `aws:kms:dsse` per the schema.
    var serverSideEncryption: String

    init(sseKMSKeyID: String = "", serverSideEncryption: String = "") {
        self.sseKMSKeyID = sseKMSKeyID
        self.serverSideEncryption = serverSideEncryption
    }
}
