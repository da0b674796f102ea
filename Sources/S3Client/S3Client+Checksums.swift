import AWSAuth

// Flexible checksums on uploads (S3 verifies them and rejects a corrupted body with BadDigest).
extension S3Client {
    /// `x-amz-sdk-checksum-algorithm` + `x-amz-checksum-crc32` for a PutObject/UploadPart body, as
    /// aws-sdk-go-v2 sends them in header form; none when checksums are off or the caller already set one.
    func checksumHeaders(for body: [UInt8], given headers: [HTTPHeader], mode: S3ClientConfig.ChecksumMode? = nil)
        -> [HTTPHeader]
    {
        guard (mode ?? config.checksums) == .crc32 else { return [] }
        let hasChecksum = headers.contains {
            let name = $0.name.lowercased()
            return name.hasPrefix("x-amz-checksum-") || name == "x-amz-sdk-checksum-algorithm"
        }
        guard !hasChecksum else { return [] }
        return [HTTPHeader("x-amz-sdk-checksum-algorithm", "CRC32"), HTTPHeader("x-amz-checksum-crc32", CRC32.base64(body))]
    }
}
