import Foundation
import NIOConcurrencyHelpers

@testable import S3Destination

/// An in-memory object store for the write engine's tests: it assembles multipart uploads as S3
/// does (parts concatenated in number order on Complete), can hold every request for a while (a
/// slow or distant store), fail chosen requests, and counts the requests in flight at once.
final class EngineTestStore: ObjectStore {
    struct Object { var key: String; var body: [UInt8]; var contentType: String? }
    struct Failure: Error, CustomStringConvertible { let description: String }

    private struct State {
        var objects: [Object] = []
        var uploads: [String: (key: String, contentType: String?, parts: [Int: [UInt8]])] = [:]
        var aborted: [String] = []
        var inFlight = 0
        var mostInFlight = 0
        var requests = 0
        var putKeys: Set<String> = []
    }

    private let state = NIOLockedValueBox(State())
    /// How long each request takes.
    let delay: Duration
    /// Requests for keys containing this fail (Put, Create, parts).
    let failKeysContaining: String?
    /// Part numbers that fail.
    let failPartNumber: Int?
    /// Extra time the first PutObject of each key takes (to race it against a later one).
    let firstPutDelay: Duration

    init(delay: Duration = .zero, failKeysContaining: String? = nil, failPartNumber: Int? = nil,
         firstPutDelay: Duration = .zero) {
        self.delay = delay
        self.firstPutDelay = firstPutDelay
        self.failKeysContaining = failKeysContaining
        self.failPartNumber = failPartNumber
    }

    var objects: [Object] { state.withLockedValue { $0.objects } }
    var openUploads: Int { state.withLockedValue { $0.uploads.count } }
    var aborted: [String] { state.withLockedValue { $0.aborted } }
    var mostInFlight: Int { state.withLockedValue { $0.mostInFlight } }

    func put(key: String, body: [UInt8], contentType: String?) async throws {
        let first = state.withLockedValue { $0.putKeys.insert(key).inserted }
        if first && firstPutDelay > .zero { try await Task.sleep(for: firstPutDelay) }
        try await request(key) { $0.objects.append(Object(key: key, body: body, contentType: contentType)) }
    }

    func createMultipartUpload(key: String, contentType: String?) async throws -> String {
        let id = UUID().uuidString
        try await request(key) { $0.uploads[id] = (key, contentType, [:]) }
        return id
    }

    func uploadPart(key: String, uploadId: String, number: Int, body: [UInt8]) async throws -> UploadedPart {
        if number == failPartNumber {
            throw Failure(description: "UploadPart s3://bucket/\(key) failed: 500 InternalError: part \(number)")
        }
        try await request(key) { $0.uploads[uploadId]?.parts[number] = body }
        return UploadedPart(number: number, etag: "\"etag-\(number)\"")
    }

    func completeMultipartUpload(key: String, uploadId: String, parts: [UploadedPart]) async throws {
        try await request(nil) { state in
            guard let upload = state.uploads.removeValue(forKey: uploadId) else { return }
            let body = parts.map(\.number).flatMap { upload.parts[$0] ?? [] }
            state.objects.append(Object(key: key, body: body, contentType: upload.contentType))
        }
    }

    func abortMultipartUpload(key: String, uploadId: String) async throws {
        try await request(nil) { state in
            state.uploads[uploadId] = nil
            state.aborted.append(key)
        }
    }

    func get(key: String, maxBytes: Int) async throws -> [UInt8]? {
        state.withLockedValue { state in state.objects.last(where: { $0.key == key })?.body }
    }

    /// One request: counted in flight for `delay`, then `effect` (unless the key is to fail).
    private func request(_ key: String?, _ effect: @Sendable (inout State) -> Void) async throws {
        state.withLockedValue { state in
            state.inFlight += 1
            state.requests += 1
            state.mostInFlight = max(state.mostInFlight, state.inFlight)
        }
        defer { state.withLockedValue { $0.inFlight -= 1 } }
        if delay > .zero { try await Task.sleep(for: delay) }
        if let fail = failKeysContaining, let key, key.contains(fail) {
            throw Failure(description: "PutObject s3://bucket/\(key) failed: 403 AccessDenied: denied")
        }
        state.withLockedValue { effect(&$0) }
    }
}
