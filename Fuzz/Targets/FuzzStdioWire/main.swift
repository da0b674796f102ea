// Stdio transport: frames then envelopes, as the plugin reads stdin (StdioWire.StdioFrameReader).
import Foundation
import FuzzSupport
import StdioWire

runFuzzer { data in
    var reader = StdioFrameReader(StdioBytes(Array(data)), maxFrameBytes: 1 << 16)
    while let incoming = try? reader.next() {
        switch incoming {
        case .envelope(let envelope):
            // What the transport does next with an envelope: re-encode replies from its fields.
            let _: [UInt8]? = try? envelope.serializedBytes()
        case .writeInsert(let payload, let record):
            // An Insert found without decoding must be what SwiftProtobuf reads in the same bytes:
            // a Write envelope, not ended, whose message holds the record.
            let bytes = Data(payload.bytes)
            guard record.lowerBound >= 0, record.upperBound <= bytes.count, !record.isEmpty,
                  let envelope = try? Cqdests3_Stdio_V1_Envelope(serializedBytes: bytes),
                  envelope.method == WriteInsertScan.writeMethod, !envelope.endOfStream,
                  envelope.message.range(of: bytes[record]) != nil
            else { fatalError("frame read as an Insert that SwiftProtobuf does not read as one") }
        case .rejected:
            break
        }
    }
    _ = StdioFrameReader<StdioBytes>.decode(Data(data))
}
