// Stdio transport: frames then envelopes, as the plugin reads stdin (StdioWire.StdioFrameReader).
import Foundation
import FuzzSupport
import StdioWire

runFuzzer { data in
    var reader = StdioFrameReader(StdioBytes(Array(data)), maxFrameBytes: 1 << 16)
    while let incoming = try? reader.next() {
        if case .envelope(let envelope) = incoming {
            // What the transport does next with an envelope: re-encode replies from its fields.
            let _: [UInt8]? = try? envelope.serializedBytes()
        }
    }
    _ = StdioFrameReader<StdioBytes>.decode(Data(data))
}
