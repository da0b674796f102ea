/// Splits an IPC stream into its encapsulated messages:
/// `[0xFFFFFFFF] int32 metadataLength, flatbuffer Message (padded), body of bodyLength bytes`,
/// ending with a zero length (the end-of-stream marker `FFFFFFFF 00000000`).
/// The pre-1.0 framing without the continuation marker is accepted too.
struct IPCMessageFramer {
    /// One message: its parsed flatbuffer header and where its body lies in the payload.
    struct Message {
        let number: Int
        let headerType: UInt8
        let header: FlatTable?
        let metadataVersion: Int16
        /// Offset of the body inside the payload, and its length.
        let bodyStart: Int
        let bodyLength: Int
    }

    static let continuationMarker: UInt32 = 0xFFFF_FFFF

    let bytes: UnsafeRawBufferPointer
    private(set) var position = 0
    private var messageCount = 0

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    private func int32(at offset: Int) -> Int32 {
        Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self))
    }

    /// The next message, or nil at the end-of-stream marker.
    mutating func next() throws -> Message? {
        let number = messageCount + 1
        guard position < bytes.count else {
            throw ArrowError.truncated(
                "stream ends at byte \(position) without the end-of-stream marker "
                + "(after \(messageCount) message(s)); the payload is incomplete")
        }
        guard position + 4 <= bytes.count else {
            throw ArrowError.truncated("stream ends inside the length prefix of message \(number) at byte \(position)")
        }
        var length = int32(at: position)
        position += 4
        if UInt32(bitPattern: length) == Self.continuationMarker {
            guard position + 4 <= bytes.count else {
                throw ArrowError.truncated(
                    "stream ends after the continuation marker of message \(number) at byte \(position)")
            }
            length = int32(at: position)
            position += 4
        }
        if length == 0 { return nil }
        guard length > 0 else {
            throw ArrowError.malformed(
                "message \(number) at byte \(position - 4) has a negative metadata length (\(length)); "
                + "expected the continuation marker 0xFFFFFFFF followed by a length")
        }
        let metadataLength = Int(length)
        guard metadataLength <= bytes.count - position else {
            throw ArrowError.truncated(
                "message \(number) announces \(metadataLength) bytes of metadata at byte \(position) "
                + "but only \(bytes.count - position) remain")
        }
        let metadata = FlatBuffer(
            bytes: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + metadataLength)]),
            context: "message \(number)")
        position += metadataLength

        let root = try metadata.rootTable("Message")
        let version = try root.scalar(0, Int16.self, default: 0)
        let headerType = try root.scalar(1, UInt8.self, default: 0)
        let header = try root.table(2, name: "header")
        let bodyLength64 = try root.scalar(3, Int64.self, default: 0)
        guard bodyLength64 >= 0 else {
            throw ArrowError.malformed("message \(number) has a negative body length (\(bodyLength64))")
        }
        guard bodyLength64 <= Int64(bytes.count - position) else {
            throw ArrowError.truncated(
                "message \(number) announces a \(bodyLength64)-byte body at byte \(position) "
                + "but only \(bytes.count - position) bytes remain")
        }
        let bodyStart = position
        position += Int(bodyLength64)
        messageCount = number
        return Message(
            number: number, headerType: headerType, header: header, metadataVersion: version,
            bodyStart: bodyStart, bodyLength: Int(bodyLength64))
    }
}
