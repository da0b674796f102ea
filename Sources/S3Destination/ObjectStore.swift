/// Where finished objects go. `S3ObjectStore` is the real one; the seam keeps batching and
/// encoding independent of the S3 client (and lets the upload engine grow multipart later).
public protocol ObjectStore: Sendable {
    /// Stores `body` under `key`. Errors must name the S3 error code and the key.
    func put(key: String, body: [UInt8], contentType: String?) async throws
}
