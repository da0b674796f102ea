/// Where objects go: one PutObject for a small object, multipart for a large one. `S3ObjectStore`
/// is the real one; the seam keeps batching, encoding and memory accounting independent of the
/// S3 client. Errors must name the S3 operation, the key and the S3 error code.
protocol ObjectStore: Sendable {
    func put(key: String, body: [UInt8], contentType: String?) async throws
    /// Starts a multipart upload; returns its upload id.
    func createMultipartUpload(key: String, contentType: String?) async throws -> String
    /// Uploads part `number` (1…10,000); returns what Complete needs for it.
    func uploadPart(key: String, uploadId: String, number: Int, body: [UInt8]) async throws -> UploadedPart
    func completeMultipartUpload(key: String, uploadId: String, parts: [UploadedPart]) async throws
    func abortMultipartUpload(key: String, uploadId: String) async throws
    /// The whole object, or nil when the key does not exist. Objects above `maxBytes` fail
    /// (naming the key and the limit) instead of filling memory.
    func get(key: String, maxBytes: Int) async throws -> [UInt8]?
    /// Requests retried so far (reported in the end-of-stream summary).
    var retries: Int { get }
}

extension ObjectStore {
    var retries: Int { 0 }
}

/// A part as CompleteMultipartUpload lists it.
struct UploadedPart: Sendable, Equatable {
    var number: Int
    var etag: String
    var checksumCRC32: String?

    init(number: Int, etag: String, checksumCRC32: String? = nil) {
        self.number = number
        self.etag = etag
        self.checksumCRC32 = checksumCRC32
    }
}
