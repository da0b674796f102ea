import Foundation
import Testing

@testable import PluginTransport

@Suite struct StdioFramingTests {
    @Test func framesAreGRPCsMessageFraming() {
        #expect(StdioFraming.frame([7, 8, 9]) == [0, 0, 0, 0, 3, 7, 8, 9])
        #expect(StdioFraming.frame([UInt8](repeating: 1, count: 300)).prefix(5) == [0, 0, 0, 1, 44])
    }

    @Test func readsFramesBackAndStopsCleanlyAtEOF() throws {
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: StdioFraming.frame([1, 2]) + StdioFraming.frame([]))
        try pipe.fileHandleForWriting.close()
        #expect(try StdioFraming.readFrame(from: pipe.fileHandleForReading) == [1, 2])
        #expect(try StdioFraming.readFrame(from: pipe.fileHandleForReading) == [])
        #expect(try StdioFraming.readFrame(from: pipe.fileHandleForReading) == nil)
    }

    @Test func aTruncatedOrCompressedFrameIsAnError() throws {
        let truncated = Pipe()
        try truncated.fileHandleForWriting.write(contentsOf: [0, 0, 0, 0, 9, 1])
        try truncated.fileHandleForWriting.close()
        #expect(throws: StdioError.self) { try StdioFraming.readFrame(from: truncated.fileHandleForReading) }
        let compressed = Pipe()
        try compressed.fileHandleForWriting.write(contentsOf: [1, 0, 0, 0, 0])
        try compressed.fileHandleForWriting.close()
        #expect(throws: StdioError.self) { try StdioFraming.readFrame(from: compressed.fileHandleForReading) }
    }
}
