/// S3's size and count limits (docs: "Amazon S3 multipart upload limits").
enum S3Limits {
    /// Part numbers run from 1 to 10,000.
    static let maxParts = 10_000
    /// Every part but the last must be at least 5 MiB (S3 answers `EntityTooSmall` on Complete otherwise).
    static let minPartSize = 5 << 20
    /// A part, like a single PutObject, holds at most 5 GiB.
    static let maxPartSize = 5 << 30
    static let maxPutObjectSize = 5 << 30

    /// Why `partNumber` cannot be used, or `nil` when it can. `partSize` (bytes) turns the 10,000-part
    /// limit into the object size it means, so the message can say what to change.
    static func partNumberProblem(_ partNumber: Int, partSize: Int) -> String? {
        if partNumber < 1 { return "part number \(partNumber) is invalid: part numbers start at 1" }
        guard partNumber > maxParts else { return nil }
        let (objectLimit, overflow) = max(0, partSize).multipliedReportingOverflow(by: maxParts)
        return "part \(partNumber) exceeds S3's limit of \(maxParts) parts per multipart upload; with "
            + "\(ByteCountText.describe(partSize)) parts an object can hold at most "
            + "\(ByteCountText.describe(overflow ? Int.max : objectLimit)): raise `part_size` to fit the object in \(maxParts) parts"
    }
}

/// A part S3 has stored, as CompleteMultipartUpload needs it.
public struct CompletedPart: Sendable, Equatable {
    public let partNumber: Int
    /// The part's entity tag, quotes included, as UploadPart returned it.
    public let etag: String
    /// Base64 CRC32 sent with the part; required on Complete when the upload was created with
    /// `x-amz-checksum-algorithm: CRC32`.
    public let checksumCRC32: String?

    public init(partNumber: Int, etag: String, checksumCRC32: String? = nil) {
        self.partNumber = partNumber
        self.etag = etag
        self.checksumCRC32 = checksumCRC32
    }
}

/// What S3 returned for a successful CompleteMultipartUpload.
public struct CompleteMultipartUploadResult: Sendable, Equatable {
    /// Entity tag of the whole object (`"<md5 of the part md5s>-<part count>"` on S3).
    let etag: String?
    let location: String?
    let versionId: String?
    let requestId: String?

    init(etag: String?, location: String?, versionId: String?, requestId: String?) {
        self.etag = etag
        self.location = location
        self.versionId = versionId
        self.requestId = requestId
    }
}

/// A multipart upload that was created and neither completed nor aborted.
struct MultipartUploadSummary: Sendable, Equatable {
    let key: String
    let uploadId: String
    /// When it was created, as S3 wrote it (ISO 8601).
    let initiated: String?

    init(key: String, uploadId: String, initiated: String?) {
        self.key = key
        self.uploadId = uploadId
        self.initiated = initiated
    }
}

/// Byte counts for messages: `5 MiB`, `48.8 GiB`.
enum ByteCountText {
    static func describe(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) bytes" }
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(text) \(units[unit])"
    }
}
