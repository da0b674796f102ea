import AWSAuth
import HTTPTransport

// The four calls of a multipart upload (aws-sdk-go-v2 `feature/s3/manager/upload.go` `multiuploader`). The upload engine drives them: it keeps the
// part bodies and the CompletedParts, sends parts concurrently, and aborts on failure.
extension S3Client {
    /// Starts a multipart upload and returns its upload id.
    ///
    /// - Parameters:
    ///   - contentType: `Content-Type` of the final object.
    ///   - headers: object headers, as for ``putObject(bucket:key:body:contentType:headers:)`` (ACL, SSE, …);
    ///     they apply to the object, not to the parts.
    ///   - checksum: overrides ``S3ClientConfig/checksums`` for this upload. With `.crc32` S3 is told
    ///     (`x-amz-checksum-algorithm: CRC32`) that every part carries a CRC32, so the parts must be sent
    ///     with the same mode.
    public func createMultipartUpload(
        bucket: String,
        key: String,
        contentType: String? = nil,
        headers: [String: String] = [:],
        checksum: S3ClientConfig.ChecksumMode? = nil
    ) async throws -> String {
        try requireKey(key, operation: "CreateMultipartUpload", bucket: bucket)
        var request = S3Request(operation: "CreateMultipartUpload", method: "POST", bucket: bucket, key: key)
        request.query = [("uploads", nil)]
        request.resultDocument = "InitiateMultipartUploadResult"
        if let contentType { request.headers.append(HTTPHeader("Content-Type", contentType)) }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            request.headers.append(HTTPHeader(name, value))
        }
        if (checksum ?? config.checksums) == .crc32,
           !request.headers.contains(where: { $0.name.lowercased() == "x-amz-checksum-algorithm" }) {
            request.headers.append(HTTPHeader("x-amz-checksum-algorithm", "CRC32"))
        }
        let response = try await send(request)
        guard let uploadId = XMLLeafReader(response.body).text("UploadId", under: "InitiateMultipartUploadResult"),
              !uploadId.isEmpty else {
            throw S3Error(
                operation: request.operation, bucket: bucket, key: key, statusCode: response.statusCode, code: "",
                message: "the answer has no <UploadId>", requestId: response.header("x-amz-request-id"))
        }
        return uploadId
    }

    /// Uploads part `partNumber` (1…10,000) of an upload. Every part but the last must be at least
    /// 5 MiB; S3 only checks that on Complete (`EntityTooSmall`).
    /// - Parameter checksum: must match what the upload was created with (default: the client's mode).
    /// - Returns: what ``completeMultipartUpload(bucket:key:uploadId:parts:)`` needs for this part.
    public func uploadPart(
        bucket: String,
        key: String,
        uploadId: String,
        partNumber: Int,
        body: [UInt8],
        checksum: S3ClientConfig.ChecksumMode? = nil
    ) async throws -> CompletedPart {
        let target = S3Location.describe(bucket: bucket, key: key)
        try requireKey(key, operation: "UploadPart", bucket: bucket)
        try requireUploadId(uploadId, operation: "UploadPart", target: target)
        if let problem = S3Limits.partNumberProblem(partNumber, partSize: body.count) {
            throw S3ClientError("UploadPart \(target) failed: \(problem)")
        }
        if body.count > S3Limits.maxPartSize {
            throw S3ClientError("UploadPart \(target) failed: part \(partNumber) has \(body.count) bytes; "
                + "S3 accepts at most \(ByteCountText.describe(S3Limits.maxPartSize)) per part: lower `part_size`")
        }
        var request = S3Request(operation: "UploadPart", method: "PUT", bucket: bucket, key: key, body: body)
        request.query = [("partNumber", String(partNumber)), ("uploadId", uploadId)]
        request.requiredHeader = "ETag"
        let checksumHeaders = checksumHeaders(for: body, given: [], mode: checksum)
        request.headers += checksumHeaders
        let response = try await send(request)
        let etag = response.header("ETag") ?? ""
        let crc32 = checksumHeaders.first { $0.name == "x-amz-checksum-crc32" }?.value
        return CompletedPart(partNumber: partNumber, etag: etag, checksumCRC32: crc32)
    }

    /// Completes an upload from its parts (in any order: they are sent sorted by number, as S3 requires).
    ///
    /// S3 may report a failure inside a `200 OK` (the status goes out before the parts are assembled);
    /// that is an ``S3Error`` here, retried when its code says so.
    /// - Throws: ``S3ClientError`` for an empty list, a duplicate or out-of-range part number.
    public func completeMultipartUpload(
        bucket: String,
        key: String,
        uploadId: String,
        parts: [CompletedPart],
        headers: [String: String] = [:]
    ) async throws -> CompleteMultipartUploadResult {
        let target = S3Location.describe(bucket: bucket, key: key)
        try requireKey(key, operation: "CompleteMultipartUpload", bucket: bucket)
        try requireUploadId(uploadId, operation: "CompleteMultipartUpload", target: target)
        let sorted = parts.sorted { $0.partNumber < $1.partNumber }
        guard !sorted.isEmpty else {
            throw S3ClientError("CompleteMultipartUpload \(target) failed: no parts (an upload needs at least one)")
        }
        for (index, part) in sorted.enumerated() {
            guard (1...S3Limits.maxParts).contains(part.partNumber) else {
                throw S3ClientError("CompleteMultipartUpload \(target) failed: part number \(part.partNumber) "
                    + "is outside 1…\(S3Limits.maxParts)")
            }
            if index > 0, sorted[index - 1].partNumber == part.partNumber {
                throw S3ClientError("CompleteMultipartUpload \(target) failed: part \(part.partNumber) is listed twice")
            }
        }
        var request = S3Request(
            operation: "CompleteMultipartUpload", method: "POST", bucket: bucket, key: key,
            body: MultipartXML.completeBody(sorted))
        request.query = [("uploadId", uploadId)]
        request.headers = [HTTPHeader("Content-Type", "application/xml")]
        // e.g. `If-None-Match: *` (a conditional write is decided when the upload completes).
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            request.headers.append(HTTPHeader(name, value))
        }
        request.resultDocument = "CompleteMultipartUploadResult"
        let response = try await send(request)
        let xml = XMLLeafReader(response.body)
        return CompleteMultipartUploadResult(
            etag: xml.text("ETag", under: "CompleteMultipartUploadResult").flatMap { $0.isEmpty ? nil : $0 }
                ?? response.header("ETag"),
            location: xml.text("Location", under: "CompleteMultipartUploadResult"),
            versionId: response.header("x-amz-version-id"),
            requestId: response.header("x-amz-request-id"))
    }

    /// Aborts an upload and frees its parts (S3 bills stored parts until then).
    ///
    /// A `NoSuchUpload` answer to a retry whose earlier attempt may have gone through counts as done;
    /// on the first attempt it is an ``S3Error`` (the id is wrong, or the upload was completed).
    public func abortMultipartUpload(bucket: String, key: String, uploadId: String) async throws {
        let target = S3Location.describe(bucket: bucket, key: key)
        try requireKey(key, operation: "AbortMultipartUpload", bucket: bucket)
        try requireUploadId(uploadId, operation: "AbortMultipartUpload", target: target)
        var request = S3Request(operation: "AbortMultipartUpload", method: "DELETE", bucket: bucket, key: key)
        request.query = [("uploadId", uploadId)]
        request.settledByEarlierAttempt = ["NoSuchUpload"]
        _ = try await send(request)
    }

    func requireKey(_ key: String, operation: String, bucket: String) throws {
        guard !key.isEmpty else {
            throw S3ClientError("\(operation) \(S3Location.describe(bucket: bucket, key: key)) failed: the object key is empty")
        }
    }

    private func requireUploadId(_ uploadId: String, operation: String, target: String) throws {
        guard !uploadId.isEmpty else {
            throw S3ClientError("\(operation) \(target) failed: the upload id is empty")
        }
    }
}
