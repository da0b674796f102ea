import Foundation
import Logging
import S3Destination
@testable import StdioWire
import Testing

@testable import PluginTransport

/// The stdio transport answers every frame it can read, and stays in step after errors.
@Suite struct StdioTransportTests {
    static let getName = "/cloudquery.plugin.v3.Plugin/GetName"

    /// Runs the transport over `input` until it ends; the replies it wrote, decoded, and whether
    /// `run` threw.
    static func serve(_ input: [UInt8]) async throws -> (replies: [Cqdests3_Stdio_V1_Envelope], failure: Error?) {
        let inPipe = Pipe(), outPipe = Pipe()
        try inPipe.fileHandleForWriting.write(contentsOf: input)
        try inPipe.fileHandleForWriting.close()
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let transport = StdioTransport(service: PluginService(plugin: DestinationPlugin(logger: logger)), logger: logger)
        var failure: Error?
        do {
            try await transport.run(input: inPipe.fileHandleForReading, output: outPipe.fileHandleForWriting)
        } catch {
            failure = error
        }
        try outPipe.fileHandleForWriting.close()
        let output = [UInt8](outPipe.fileHandleForReading.readDataToEndOfFile())
        var reader = StdioFrameReader(StdioBytes(output), maxFrameBytes: 1 << 20)
        var replies: [Cqdests3_Stdio_V1_Envelope] = []
        while let incoming = try reader.next() {
            guard case .envelope(let envelope) = incoming else {
                Issue.record("the transport wrote an undecodable frame")
                break
            }
            replies.append(envelope)
        }
        return (replies, failure)
    }

    static func frame(_ method: String, endOfStream: Bool = false, message: [UInt8] = []) throws -> [UInt8] {
        var envelope = Cqdests3_Stdio_V1_Envelope()
        envelope.method = method
        envelope.endOfStream = endOfStream
        envelope.message = Data(message)
        return StdioFraming.frame(try envelope.serializedBytes())
    }

    @Test("an undecodable envelope gets an INVALID_ARGUMENT reply and the next call is served")
    func undecodableEnvelopeIsAnswered() async throws {
        let input = StdioFraming.frame([0x0a, 0x02, 0xc3, 0x28]) + (try Self.frame(Self.getName))
        let (replies, failure) = try await Self.serve(input)
        #expect(failure == nil)
        try #require(replies.count == 2)
        #expect(replies[0].statusCode == 3)
        #expect(replies[0].statusMessage.contains("is not a cqdests3.stdio.v1.Envelope"))
        #expect(replies[1].statusCode == 0)
        #expect(replies[1].method == Self.getName)
    }

    @Test("an undecodable request message is INVALID_ARGUMENT, not an internal error")
    func undecodableRequest() async throws {
        let (replies, _) = try await Self.serve(try Self.frame("/cloudquery.plugin.v3.Plugin/Init", message: [0x0f]))
        try #require(replies.count == 1)
        #expect(replies[0].statusCode == 3)
        #expect(replies[0].statusMessage.contains("cannot decode cloudquery.plugin.v3.Init.Request"))
    }

    @Test("a Write that is only its end_of_stream, before Init, is refused and the next unary call answered")
    func emptyWriteBeforeInit() async throws {
        let input = try Self.frame(StdioTransport.writeMethod, endOfStream: true) + (try Self.frame(Self.getName))
        let (replies, failure) = try await Self.serve(input)
        #expect(failure == nil)
        try #require(replies.count == 2)
        #expect(replies[0].statusCode == 9)
        #expect(replies[1].statusCode == 0 && replies[1].method == Self.getName)
    }

    @Test("a Write refused before Init drops its remaining requests up to end_of_stream, then serves again")
    func refusedWriteSkipsItsStream() async throws {
        let write = StdioTransport.writeMethod
        let input = try Self.frame(write, message: [0x0f]) + (try Self.frame(write)) + StdioFraming.frame([0x0f])
            + (try Self.frame(write, endOfStream: true)) + (try Self.frame(Self.getName))
        let (replies, failure) = try await Self.serve(input)
        #expect(failure == nil)
        try #require(replies.count == 2)
        #expect(replies[0].statusCode == 9)
        #expect(replies[1].method == Self.getName && replies[1].statusCode == 0)
    }

    @Test("a broken frame header ends the transport with an error naming the problem, after answering what came before")
    func brokenHeaderEndsTheStream() async throws {
        let (replies, failure) = try await Self.serve(try Self.frame(Self.getName) + [7, 0, 0, 0, 1, 0])
        #expect(replies.count == 1)
        #expect("\(try #require(failure))".contains("compressed flag 7"))
    }
}
