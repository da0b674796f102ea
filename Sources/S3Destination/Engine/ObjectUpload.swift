/// The S3 side of one object: below `part_size` it becomes one PutObject when it closes; from the
/// first whole part on it is a multipart upload whose parts leave while encoding continues,
/// listed in order on Complete, aborted (once no part is in flight) when anything fails.
///
/// A state machine owned by the `WriteSession`: it never awaits. It returns the requests to
/// queue, and learns their answers through `stored(_:kind:)`.
final class ObjectUpload {
    static let maxParts = 10_000

    let table: String
    let key: String
    let contentType: String
    let opened = ContinuousClock.now
    private(set) var uploadId: String?
    private var creating = false
    /// Parts cut before CreateMultipartUpload answered.
    private var waiting: [(number: Int, body: PartBody)] = []
    /// Requests queued or in flight that carry data (Put or parts).
    private var dataRequestsOut = 0
    private var uploaded: [UploadedPart] = []
    private var nextPartNumber = 1
    private var completing = false
    private var aborting = false
    private(set) var closed = false
    /// Set at close: what the object amounts to.
    private(set) var rows: Int64 = 0
    private(set) var bytes = 0
    private(set) var crc32: UInt32 = 0
    /// Why this object could not be written (the first cause).
    private(set) var failure: String?
    /// The stream failed elsewhere: this object stops and cleans up.
    private var abandoned = false
    /// Written (or failed and cleaned up): nothing more will happen to it.
    private(set) var isSettled = false
    private(set) var isWritten = false

    init(table: String, key: String, contentType: String) {
        self.table = table
        self.key = key
        self.contentType = contentType
    }

    /// Memory of parts waiting for the upload id.
    var waitingMemory: Int { waiting.reduce(0) { $0 + $1.body.memoryBytes } }
    var partsUploaded: Int { uploaded.count }

    /// A whole part of the open object.
    func addPart(_ body: PartBody) throws -> [PendingCall] {
        guard nextPartNumber <= Self.maxParts else {
            throw PluginError(.internal,
                "object \"\(key)\" would need more than \(Self.maxParts) parts of \(body.count) bytes (S3's limit): raise `part_size`")
        }
        let number = nextPartNumber
        nextPartNumber += 1
        dataRequestsOut += 1
        if let uploadId { return [.part(key: key, uploadId: uploadId, number: number, body: body)] }
        waiting.append((number, body))
        if creating { return [] }
        creating = true
        return [.create(key: key, contentType: contentType)]
    }

    /// The object's encoding is complete: `rest` is its last body.
    func close(rest: PartBody, rows: Int64, bytes: Int, crc32: UInt32) throws -> [PendingCall] {
        closed = true
        self.rows = rows
        self.bytes = bytes
        self.crc32 = crc32
        if nextPartNumber == 1 {
            dataRequestsOut += 1
            return [.put(key: key, contentType: contentType, body: rest)]
        }
        let last = rest.count > 0 ? try addPart(rest) : []
        return last + completeIfReady()
    }

    /// The answer to one of this object's requests.
    func stored(_ result: Result<StoreReply, any Error>, kind: PendingCall.Kind) -> [PendingCall] {
        switch result {
        case .success(.put):
            dataRequestsOut -= 1
            settle(written: true)
            return []
        case .success(.created(let id)):
            creating = false
            uploadId = id
            if failure != nil || abandoned {
                dataRequestsOut -= waiting.count
                waiting = []
                return abortIfQuiet()
            }
            let parts = waiting.map { PendingCall.part(key: key, uploadId: id, number: $0.number, body: $0.body) }
            waiting = []
            return parts + completeIfReady()
        case .success(.part(let part)):
            dataRequestsOut -= 1
            uploaded.append(part)
            return (failure != nil || abandoned) ? abortIfQuiet() : completeIfReady()
        case .success(.completed):
            settle(written: true)
            return []
        case .success(.aborted):
            settle(written: false)
            return []
        case .failure(let error):
            return failed(error, kind: kind)
        }
    }

    /// The stream failed: no more parts; the multipart upload (if any) is aborted once quiet.
    func abandon() -> [PendingCall] {
        abandoned = true
        closed = true
        dataRequestsOut -= waiting.count
        waiting = []
        if uploadId == nil && !creating && dataRequestsOut <= 0 { settle(written: false) }
        return abortIfQuiet()
    }

    private func failed(_ error: any Error, kind: PendingCall.Kind) -> [PendingCall] {
        switch kind {
        case .put:
            dataRequestsOut -= 1
            record("\(error)")
            settle(written: false)
            return []
        case .create:
            creating = false
            dataRequestsOut -= waiting.count
            waiting = []
            record("\(error)")
            settle(written: false)
            return []
        case .part, .complete:
            if kind == .part { dataRequestsOut -= 1 }
            completing = false
            record("upload multipart failed, upload id: \(uploadId ?? ""), cause: \(error)")
            return abortIfQuiet()
        case .abort:
            if let failure {
                self.failure = failure + "; AbortMultipartUpload also failed: \(error)"
            } else {
                record("AbortMultipartUpload of upload id \(uploadId ?? "") failed: \(error)")
            }
            settle(written: false)
            return []
        }
    }

    private func record(_ cause: String) {
        if failure == nil && !abandoned { failure = cause }
    }

    private func settle(written: Bool) {
        isSettled = true
        isWritten = written
    }

    private func completeIfReady() -> [PendingCall] {
        guard closed, failure == nil, !abandoned, !completing, let uploadId, dataRequestsOut == 0 else { return [] }
        completing = true
        return [.complete(key: key, uploadId: uploadId, parts: uploaded.sorted { $0.number < $1.number })]
    }

    private func abortIfQuiet() -> [PendingCall] {
        guard let uploadId, !aborting, !completing, dataRequestsOut <= 0, !isSettled else { return [] }
        aborting = true
        return [.abort(key: key, uploadId: uploadId)]
    }
}
