import Arrow
import Foundation
import GRPCCore
import S3Destination
import StdioWire
import SwiftProtobuf

/// Write requests as they come off the gRPC stream, made into `WriteMessage`s.
///
/// An Insert (`WriteInsertScan`) has its Arrow record copied once, into pooled memory, and decoded
/// there; with `ProtobufDeserializer<Write.Request>` each record was copied twice into fresh pages
/// (SwiftProtobuf's `bytes` field, then the Arrow reader's own copy). Any other request is decoded
/// by SwiftProtobuf and failures answered as `ProtobufDeserializer` answers them
/// (grpc/grpc-swift-protobuf `Sources/GRPCProtobuf/Coding.swift`). nil: an empty oneof, which
/// carries nothing.
struct WriteMessageDeserializer: MessageDeserializer {
    let pool: PayloadPool

    func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> WriteMessage? {
        let record: PooledPayload? = serializedMessageBytes.withUnsafeBytes { bytes in
            WriteInsertScan.recordRange(inWriteRequest: bytes).map {
                PooledPayload(copying: UnsafeRawBufferPointer(rebasing: bytes[$0]), from: pool)
            }
        }
        if let record { return .insert(record: ArrowBytes(borrowing: record.bytes, owner: record)) }
        do {
            let request = try serializedMessageBytes.withUnsafeBytes { bytes in
                try withUnownedData(bytes) { try Cloudquery_Plugin_V3_Write.Request(serializedBytes: $0) }
            }
            return WriteMessage(request)
        } catch {
            throw RPCError(code: .invalidArgument,
                           message: "Can't deserialize to message of type \(Cloudquery_Plugin_V3_Write.Request.self).", cause: error)
        }
    }
}
