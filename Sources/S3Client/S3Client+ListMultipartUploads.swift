import AWSAuth
import HTTPTransport

extension S3Client {
    /// Multipart uploads of `bucket` that were neither completed nor aborted, optionally only those whose
    /// key starts with `prefix`; all pages (S3 returns up to 1,000 per answer). For tests and cleanup.
    func listMultipartUploads(bucket: String, prefix: String? = nil) async throws -> [MultipartUploadSummary] {
        var uploads: [MultipartUploadSummary] = []
        var keyMarker: String?
        var uploadIdMarker: String?
        // Bounded: a server that keeps answering "truncated" without moving the markers cannot loop forever.
        for _ in 0..<100_000 {
            var request = S3Request(operation: "ListMultipartUploads", method: "GET", bucket: bucket, key: "")
            request.query = [("uploads", nil)]
            if let prefix, !prefix.isEmpty { request.query.append(("prefix", prefix)) }
            if let keyMarker { request.query.append(("key-marker", keyMarker)) }
            if let uploadIdMarker { request.query.append(("upload-id-marker", uploadIdMarker)) }
            request.resultDocument = "ListMultipartUploadsResult"
            let xml = XMLLeafReader(try await send(request).body)
            for record in xml.records("Upload") {
                guard let key = record["Key"], let uploadId = record["UploadId"] else { continue }
                uploads.append(MultipartUploadSummary(key: key, uploadId: uploadId, initiated: record["Initiated"]))
            }
            let nextKey = xml.text("NextKeyMarker", under: "ListMultipartUploadsResult") ?? ""
            let nextUploadId = xml.text("NextUploadIdMarker", under: "ListMultipartUploadsResult") ?? ""
            let truncated = xml.text("IsTruncated", under: "ListMultipartUploadsResult") == "true"
            guard truncated, !nextKey.isEmpty || !nextUploadId.isEmpty,
                  nextKey != keyMarker || nextUploadId != uploadIdMarker else { break }
            keyMarker = nextKey
            uploadIdMarker = nextUploadId
        }
        return uploads
    }
}
