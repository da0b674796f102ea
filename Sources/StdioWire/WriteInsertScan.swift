/// Finds the Arrow record of a Write request carrying one Insert without decoding it, so the
/// record is used where it was received instead of being copied out (SwiftProtobuf copies every
/// `bytes` field it decodes: on stdio the envelope's `message`, then the Insert's `record`).
///
/// Only the exact shape every client sends is recognised — in a `Write.Request` only `insert` (2),
/// and in that only `Write.MessageInsert.record` (1), non-empty (cloudquery/plugin-pb
/// `plugin/v3/plugin.proto`; proto3 leaves zero values out); on stdio, an envelope with its
/// `method` (1) the Write method and its `message` (2), once each and nothing else. Anything else,
/// including malformed input, returns nil and takes the ordinary SwiftProtobuf decode, so the
/// answer for any input is the one the full decode would give.
public enum WriteInsertScan {
    /// The Write method's name, as the stdio envelope's `method` carries it.
    public static let writeMethod = "/cloudquery.plugin.v3.Plugin/Write"
    private static let writeMethodBytes = Array(writeMethod.utf8)

    /// The byte range of the Insert's record inside a stdio envelope's `payload`, or nil.
    static func recordRange(inEnvelope payload: UnsafeRawBufferPointer) -> Range<Int>? {
        guard let envelope = lengthDelimitedFields(payload, 0..<payload.count, expecting: [1, 2]),
              payload[envelope[0]].elementsEqual(writeMethodBytes)
        else { return nil }
        return recordRange(payload, inWriteRequest: envelope[1])
    }

    /// The byte range of the Insert's record inside a serialized `Write.Request`, or nil.
    public static func recordRange(inWriteRequest request: UnsafeRawBufferPointer) -> Range<Int>? {
        recordRange(request, inWriteRequest: 0..<request.count)
    }

    private static func recordRange(_ bytes: UnsafeRawBufferPointer, inWriteRequest range: Range<Int>) -> Range<Int>? {
        guard let request = lengthDelimitedFields(bytes, range, expecting: [2]),
              let insert = lengthDelimitedFields(bytes, request[0], expecting: [1]),
              !insert[0].isEmpty
        else { return nil }
        return insert[0]
    }

    /// The value ranges of the fields `numbers`, in that order, when the message in `range` holds
    /// exactly those fields, each once and length-delimited (wire type 2), in any order; else nil.
    private static func lengthDelimitedFields(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>,
                                              expecting numbers: [UInt64]) -> [Range<Int>]? {
        var found = [Range<Int>?](repeating: nil, count: numbers.count)
        var at = range.lowerBound
        while at < range.upperBound {
            guard let tag = varint(bytes, &at, end: range.upperBound), tag & 7 == 2,
                  let slot = numbers.firstIndex(of: tag >> 3), found[slot] == nil,
                  let length = varint(bytes, &at, end: range.upperBound),
                  length <= UInt64(range.upperBound - at)
            else { return nil }
            found[slot] = at..<at + Int(length)
            at += Int(length)
        }
        return found.allSatisfy { $0 != nil } ? found.map { $0! } : nil
    }

    /// A base-128 varint of at most 10 bytes (protobuf's encoding), or nil if cut short or too long.
    private static func varint(_ bytes: UnsafeRawBufferPointer, _ at: inout Int, end: Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while at < end, shift < 64 {
            let byte = bytes[at]
            at += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }
}
