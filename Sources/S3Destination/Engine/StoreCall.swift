/// One S3 request of the write engine, with its body loaded: what a request task carries out.
enum StoreCall: Sendable {
    case put(key: String, contentType: String, body: [UInt8])
    case create(key: String, contentType: String)
    case part(key: String, uploadId: String, number: Int, body: [UInt8])
    case complete(key: String, uploadId: String, parts: [UploadedPart])
    case abort(key: String, uploadId: String)

    /// The request body, if the call has one.
    var body: [UInt8]? {
        switch self {
        case .put(_, _, let body), .part(_, _, _, let body): return body
        case .create, .complete, .abort: return nil
        }
    }

    func perform(on store: any ObjectStore) async throws -> StoreReply {
        switch self {
        case .put(let key, let contentType, let body):
            try await store.put(key: key, body: body, contentType: contentType)
            return .put
        case .create(let key, let contentType):
            return .created(uploadId: try await store.createMultipartUpload(key: key, contentType: contentType))
        case .part(let key, let uploadId, let number, let body):
            return .part(try await store.uploadPart(key: key, uploadId: uploadId, number: number, body: body))
        case .complete(let key, let uploadId, let parts):
            try await store.completeMultipartUpload(key: key, uploadId: uploadId, parts: parts)
            return .completed
        case .abort(let key, let uploadId):
            try await store.abortMultipartUpload(key: key, uploadId: uploadId)
            return .aborted
        }
    }
}

/// What a successful `StoreCall` returned.
enum StoreReply: Sendable {
    case put
    case created(uploadId: String)
    case part(UploadedPart)
    case completed
    case aborted
}

/// A request waiting for a slot: like `StoreCall`, but its body may still be in a spill file.
enum PendingCall {
    enum Kind: Sendable { case put, create, part, complete, abort }
    case put(key: String, contentType: String, body: PartBody)
    case create(key: String, contentType: String)
    case part(key: String, uploadId: String, number: Int, body: PartBody)
    case complete(key: String, uploadId: String, parts: [UploadedPart])
    case abort(key: String, uploadId: String)

    var kind: Kind {
        switch self {
        case .put: return .put
        case .create: return .create
        case .part: return .part
        case .complete: return .complete
        case .abort: return .abort
        }
    }

    var key: String {
        switch self {
        case .put(let key, _, _), .create(let key, _), .part(let key, _, _, _), .complete(let key, _, _),
             .abort(let key, _):
            return key
        }
    }

    var body: PartBody? {
        switch self {
        case .put(_, _, let body), .part(_, _, _, let body): return body
        case .create, .complete, .abort: return nil
        }
    }

    /// Reads a spilled body: the only place a closed object's bytes come back into memory.
    func loaded() throws -> StoreCall {
        switch self {
        case .put(let key, let contentType, let body): return .put(key: key, contentType: contentType, body: try body.load())
        case .create(let key, let contentType): return .create(key: key, contentType: contentType)
        case .part(let key, let uploadId, let number, let body):
            return .part(key: key, uploadId: uploadId, number: number, body: try body.load())
        case .complete(let key, let uploadId, let parts): return .complete(key: key, uploadId: uploadId, parts: parts)
        case .abort(let key, let uploadId): return .abort(key: key, uploadId: uploadId)
        }
    }
}
