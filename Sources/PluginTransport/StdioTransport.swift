import Arrow
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging
import S3Destination
import StdioWire
import SwiftProtobuf

/// `cq-dest-s3 stdio`: the plugin's RPCs over length-prefixed frames on stdin/stdout.
///
/// Every frame carries one `Cqdests3_Stdio_V1_Envelope`. Unary call: the client sends one envelope
/// (method + request); the plugin answers one envelope (method + response, or a non-zero status).
/// Write: the client sends any number of envelopes with method `.../Write` and a `Write.Request`,
/// then one with `end_of_stream`; the plugin answers once, after the objects are uploaded. If the
/// Write fails early, the plugin answers at once and ignores the rest of that stream up to its
/// `end_of_stream`. Read: the client sends one envelope; the plugin answers one envelope per
/// `Read.Response`, then one with `end_of_stream` (or, on failure, one with a non-zero status).
/// Calls are sequential. README.md documents this for client authors.
///
/// A frame that is read whole but cannot be served (not an envelope, compressed, over the size
/// limit) is answered with an error envelope (`INVALID_ARGUMENT`, or `RESOURCE_EXHAUSTED` for the
/// size, as grpc-go answers) and serving goes on; inside a Write stream it fails that Write. Only
/// a broken frame header or input ending inside a frame ends the transport (the error reaches
/// stderr through the command).
public struct StdioTransport: Sendable {
    let service: PluginService
    let logger: Logger

    public init(service: PluginService, logger: Logger) {
        self.service = service
        self.logger = logger
    }

    static let writeMethod = WriteInsertScan.writeMethod
    static let readMethod = "/cloudquery.plugin.v3.Plugin/Read"

    /// Serves until stdin ends.
    public func run(input: FileHandle = .standardInput, output: FileHandle = .standardOutput) async throws {
        let frames = FrameReader(input: input)
        while let incoming = try await frames.next() {
            let envelope: Cqdests3_Stdio_V1_Envelope
            switch incoming {
            case .envelope(let decoded): envelope = decoded
            case .writeInsert:
                try await handleWrite(first: incoming, frames: frames, output: output)
                continue
            case .rejected(let rejection):
                try send(failure(method: "", PluginError(rejection)), to: output)
                continue
            }
            if envelope.method == Self.writeMethod {
                try await handleWrite(first: incoming, frames: frames, output: output)
            } else if envelope.method == Self.readMethod {
                try await handleRead(envelope, output: output)
            } else {
                let reply = await handleUnary(envelope)
                try send(reply, to: output)
            }
        }
    }

    private func handleUnary(_ envelope: Cqdests3_Stdio_V1_Envelope) async -> Cqdests3_Stdio_V1_Envelope {
        let method = envelope.method
        do {
            let bytes = envelope.message
            let response: any SwiftProtobuf.Message
            switch method {
            case "/cloudquery.discovery.v1.Discovery/GetVersions": response = service.getVersions()
            case "/cloudquery.plugin.v3.Plugin/GetName": response = service.getName()
            case "/cloudquery.plugin.v3.Plugin/GetVersion": response = service.getVersion()
            case "/cloudquery.plugin.v3.Plugin/GetSpecSchema": response = service.getSpecSchema()
            case "/cloudquery.plugin.v3.Plugin/Init":
                response = try await service.initialize(decodeRequest(bytes))
            case "/cloudquery.plugin.v3.Plugin/Close": response = try await service.close()
            case "/cloudquery.plugin.v3.Plugin/TestConnection":
                response = await service.testConnection(try decodeRequest(bytes))
            default:
                let name = method.split(separator: "/").last.map(String.init) ?? method
                if method.hasPrefix("/cloudquery.plugin.v3.Plugin/") {
                    throw PluginService.unimplemented(name)
                }
                throw PluginError(.unimplemented, "unknown method \"\(method)\"")
            }
            return reply(method: method, message: try response.serializedBytes())
        } catch {
            return failure(method: method, error)
        }
    }

    private func handleWrite(first: StdioIncoming, frames: FrameReader, output: FileHandle) async throws {
        let requests = StdioWriteRequests(first: first, frames: frames)
        let reply: Cqdests3_Stdio_V1_Envelope
        do {
            let response = try await service.write(messages: requests)
            reply = self.reply(method: Self.writeMethod, message: try response.serializedBytes())
        } catch {
            reply = failure(method: Self.writeMethod, error)
        }
        try send(reply, to: output)
        // After an early failure the client may still be sending: drop the rest of this stream
        // (unless its end_of_stream was already read, even if never consumed).
        if !requests.state.streamEnded { try await frames.skipWriteStream() }
    }

    private func handleRead(_ envelope: Cqdests3_Stdio_V1_Envelope, output: FileHandle) async throws {
        do {
            let request: Cloudquery_Plugin_V3_Read.Request = try decodeRequest(envelope.message)
            try await service.read(request) { response in
                try send(reply(method: Self.readMethod, message: try response.serializedBytes()), to: output)
            }
            var end = Cqdests3_Stdio_V1_Envelope()
            end.method = Self.readMethod
            end.endOfStream = true
            try send(end, to: output)
        } catch {
            try send(failure(method: Self.readMethod, error), to: output)
        }
    }

    private func reply(method: String, message: [UInt8]) -> Cqdests3_Stdio_V1_Envelope {
        var envelope = Cqdests3_Stdio_V1_Envelope()
        envelope.method = method
        envelope.message = Data(message)
        return envelope
    }

    private func failure(method: String, _ error: Error) -> Cqdests3_Stdio_V1_Envelope {
        var envelope = Cqdests3_Stdio_V1_Envelope()
        envelope.method = method
        if let error = error as? PluginError {
            envelope.statusCode = Int32(error.code.rawValue)
            envelope.statusMessage = error.message
        } else {
            envelope.statusCode = Int32(PluginError.Code.internal.rawValue)
            envelope.statusMessage = String(describing: error)
        }
        logger.error("\(method.isEmpty ? "stdio frame" : method) failed", metadata: ["error": "\(envelope.statusMessage)"])
        return envelope
    }

    private func send(_ envelope: Cqdests3_Stdio_V1_Envelope, to output: FileHandle) throws {
        try output.write(contentsOf: StdioFraming.frame(try envelope.serializedBytes()))
    }
}

/// A request message of a call; one that does not decode is the client's error.
func decodeRequest<M: SwiftProtobuf.Message>(_ bytes: Data) throws -> M {
    do {
        return try M(serializedBytes: bytes)
    } catch {
        throw PluginError(.invalidArgument, "cannot decode \(M.protoMessageName): \(error)")
    }
}

extension PluginError {
    init(_ rejection: StdioRejection) {
        self.init(PluginError.Code(rawValue: Int(rejection.statusCode)) ?? .invalidArgument, rejection.message)
    }
}

/// stdin as a frame source: read(2) straight into the frame's buffer.
struct FileHandleSource: StdioByteSource {
    let handle: FileHandle
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let start = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let read = Glibc.read(handle.fileDescriptor, start, buffer.count)
            if read >= 0 { return read }
            guard errno == EINTR else {
                throw PluginError(.internal, "reading stdin: \(String(cString: strerror(errno)))")
            }
        }
    }
}

/// Reads frames from stdin on a thread of its own (blocking reads stay off Swift's cooperative pool).
///
/// `@unchecked Sendable`: `reader` is only touched on `queue`, one read at a time (callers await
/// each `next()` before the next one: calls on the stdio transport are sequential).
final class FrameReader: @unchecked Sendable {
    private var reader: StdioFrameReader<FileHandleSource>
    private let queue = DispatchQueue(label: "cq-dest-s3.stdio.reader")
    init(input: FileHandle) {
        reader = StdioFrameReader(FileHandleSource(handle: input), maxFrameBytes: GRPCPluginServer.maxMessageBytes + 1024)
    }

    func next() async throws -> StdioIncoming? {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.reader.next() })
            }
        }
    }

    /// Drops the remaining frames of a Write stream that already failed, up to its end_of_stream.
    func skipWriteStream() async throws {
        while let incoming = try await next() {
            if case .envelope(let envelope) = incoming, envelope.endOfStream { return }
        }
    }
}

/// The Write stream as the plugin pulls it: each `next()` reads one frame, so a slow upload
/// back-pressures the client instead of buffering stdin in memory. An Insert recognised by the
/// frame reader is decoded from the frame's own memory; any other envelope through SwiftProtobuf.
struct StdioWriteRequests: AsyncSequence, Sendable {
    typealias Element = WriteMessage

    /// `@unchecked Sendable`: used by one Write stream at a time and sequentially — the engine's
    /// reader task pulls `next()` one call after another, and the transport reads `streamEnded`
    /// only after `write` has returned (the reader task is cancelled and done by then).
    final class State: @unchecked Sendable {
        var pending: StdioIncoming?
        var reachedEnd = false
        init(first: StdioIncoming) { pending = first }

        /// Whether the stream's end_of_stream has been read: consumed by the iterator, or still
        /// pending (a Write refused before it pulled anything, e.g. one sent before Init).
        var streamEnded: Bool {
            if reachedEnd { return true }
            if case .envelope(let envelope)? = pending { return envelope.endOfStream }
            return false
        }
    }

    let frames: FrameReader
    let state: State

    init(first: StdioIncoming, frames: FrameReader) {
        self.frames = frames
        self.state = State(first: first)
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let frames: FrameReader
        let state: State

        mutating func next() async throws -> Element? {
            while !state.reachedEnd {
                let incoming: StdioIncoming
                if let pending = state.pending {
                    incoming = pending
                    state.pending = nil
                } else if let read = try await frames.next() {
                    incoming = read
                } else {
                    state.reachedEnd = true
                    throw PluginError(.invalidArgument, "input ended inside a Write stream (no end_of_stream envelope)")
                }
                let envelope: Cqdests3_Stdio_V1_Envelope
                switch incoming {
                case .rejected(let rejection):
                    throw PluginError(rejection)
                case .writeInsert(let payload, let record):
                    let bytes = UnsafeRawBufferPointer(rebasing: payload.bytes[record])
                    return .insert(record: ArrowBytes(borrowing: bytes, owner: payload))
                case .envelope(let read):
                    envelope = read
                }
                if envelope.endOfStream {
                    state.reachedEnd = true
                    return nil
                }
                guard envelope.method == StdioTransport.writeMethod else {
                    throw PluginError(.invalidArgument, "got \(envelope.method) inside a Write stream; send an end_of_stream envelope first")
                }
                let request: Cloudquery_Plugin_V3_Write.Request = try decodeRequest(envelope.message)
                if let message = WriteMessage(request) { return message }
            }
            return nil
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(frames: frames, state: state) }
}
