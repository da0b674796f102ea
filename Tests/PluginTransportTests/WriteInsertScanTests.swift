import Foundation
import GRPCCore
@testable import Arrow
@testable import PluginTransport
@testable import StdioWire
import SwiftProtobuf
import Testing
import TestSupport

/// The stdio frame reader's Insert recognition (`WriteInsertScan`) against SwiftProtobuf's decode of
/// the same bytes: recognised frames carry exactly the record SwiftProtobuf finds, everything else
/// takes the ordinary decode.
@Suite struct WriteInsertScanTests {
    static let write = "/cloudquery.plugin.v3.Plugin/Write"

    static func record(_ count: Int, seed: Int = 0) -> Data {
        Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ seed) })
    }

    static func insertEnvelope(_ record: Data, method: String = write) throws -> Cqdests3_Stdio_V1_Envelope {
        var request = Cloudquery_Plugin_V3_Write.Request()
        var insert = Cloudquery_Plugin_V3_Write.MessageInsert()
        insert.record = record
        request.insert = insert
        var envelope = Cqdests3_Stdio_V1_Envelope()
        envelope.method = method
        envelope.message = try request.serializedBytes()
        return envelope
    }

    static func scan(_ payload: [UInt8]) -> Range<Int>? {
        payload.withUnsafeBytes { WriteInsertScan.recordRange(inEnvelope: $0) }
    }

    /// What SwiftProtobuf makes of the payload: the Insert's record if it is a Write envelope with
    /// an Insert and nothing else set, else nil.
    static func fullDecode(_ payload: [UInt8]) -> Data? {
        guard let envelope = try? Cqdests3_Stdio_V1_Envelope(serializedBytes: payload),
              envelope.method == write, !envelope.endOfStream, envelope.statusCode == 0, envelope.statusMessage.isEmpty,
              let request = try? Cloudquery_Plugin_V3_Write.Request(serializedBytes: envelope.message),
              case .insert(let insert)? = request.message
        else { return nil }
        return insert.record
    }

    @Test("Insert envelopes of every varint length are read as inserts, each record its own bytes, with later frames read while earlier ones are held",
          arguments: [1, 7, 1 << 20])
    func insertsAreReadInPlace(chunk: Int) throws {
        // 127/128 and 16383/16384: where the length varints grow a byte.
        let sizes = [1, 127, 128, 16_383, 16_384, 300_000, 5]
        let envelopes = try sizes.enumerated().map { try Self.insertEnvelope(Self.record($1, seed: $0)) }
        let stream = try envelopes.flatMap { StdioFraming.frame(try $0.serializedBytes()) }
        var reader = StdioFrameReader(StdioFramingTests.TrickleBytes(inner: StdioBytes(stream), chunk: chunk),
                                      maxFrameBytes: 1 << 21)
        var held: [(PooledPayload, Range<Int>)] = []
        for _ in sizes {
            guard case .writeInsert(let payload, let record) = try reader.next() else {
                Issue.record("an Insert envelope was not recognised")
                return
            }
            held.append((payload, record))
        }
        #expect(try reader.next() == nil)
        // Every payload is still alive here: none of their memory was handed to a later frame.
        for (k, (payload, record)) in held.enumerated() {
            #expect(Data(payload.bytes[record]) == Self.record(sizes[k], seed: k), "frame \(k)")
        }
    }

    @Test("every other shape takes SwiftProtobuf's decode")
    func otherShapesAreDecodedAsEnvelopes() throws {
        var cases: [(String, Cqdests3_Stdio_V1_Envelope)] = []
        var ended = try Self.insertEnvelope(Self.record(10))
        ended.endOfStream = true
        cases.append(("end_of_stream set", ended))
        cases.append(("another method", try Self.insertEnvelope(Self.record(10), method: "/cloudquery.plugin.v3.Plugin/Writ")))
        cases.append(("an empty record", try Self.insertEnvelope(Data())))
        var failed = try Self.insertEnvelope(Self.record(10))
        failed.statusCode = 2
        cases.append(("a status code", failed))
        var migrate = Cloudquery_Plugin_V3_Write.Request()
        migrate.migrateTable = Cloudquery_Plugin_V3_Write.MessageMigrateTable()
        migrate.migrateTable.table = Self.record(10)
        var migrateEnvelope = Cqdests3_Stdio_V1_Envelope()
        migrateEnvelope.method = Self.write
        migrateEnvelope.message = try migrate.serializedBytes()
        cases.append(("migrate_table", migrateEnvelope))
        var withUnknown = try Self.insertEnvelope(Self.record(10))
        withUnknown.message += [0x48, 0x01]  // field 9 (varint 1) of Write.Request, after the insert
        cases.append(("an unknown field beside the insert", withUnknown))
        for (name, envelope) in cases {
            let payload: [UInt8] = try envelope.serializedBytes()
            #expect(Self.scan(payload) == nil, "\(name)")
            var reader = StdioFramingTests.reader(StdioFraming.frame(payload))
            #expect(try reader.next() == .envelope(envelope), "\(name)")
        }
        // The same field twice: protobuf merges them, so it is left to SwiftProtobuf.
        let once: [UInt8] = try Self.insertEnvelope(Self.record(4)).serializedBytes()
        let message = try Self.insertEnvelope(Self.record(4)).message
        let twice = once + [0x12, UInt8(message.count)] + message
        #expect(Self.scan(twice) == nil)
    }

    /// One to three byte changes, truncations, insertions or deletions.
    static func mutate(_ bytes: inout [UInt8], using rng: inout SplitMix64) {
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0 where !bytes.isEmpty: bytes[Int.random(in: 0..<bytes.count, using: &rng)] = .random(in: 0...255, using: &rng)
            case 1 where !bytes.isEmpty: bytes.removeLast(Int.random(in: 1...min(4, bytes.count), using: &rng))
            case 2: bytes.insert(.random(in: 0...255, using: &rng), at: Int.random(in: 0...bytes.count, using: &rng))
            default: if bytes.count > 1 { bytes.remove(at: Int.random(in: 0..<bytes.count, using: &rng)) }
            }
        }
    }

    @Test("20 000 mutated payloads: whenever the scan finds a record, SwiftProtobuf finds the same record in the same payload")
    func scanAgreesWithSwiftProtobufOnMutations() throws {
        var rng = SplitMix64(seed: 14)
        let seeds: [[UInt8]] = try [0, 1, 130, 20_000].map { try Self.insertEnvelope(Self.record($0)).serializedBytes() }
        var recognised = 0
        for _ in 0..<20_000 {
            var payload = seeds.randomElement(using: &rng)!
            Self.mutate(&payload, using: &rng)
            guard let range = Self.scan(payload) else { continue }
            recognised += 1
            let decoded = Self.fullDecode(payload)
            #expect(decoded == Data(payload[range]), "payload \(payload.prefix(64))")
            if decoded != Data(payload[range]) { return }
        }
        // Mutations inside the record keep the frame an Insert: the comparison above did run.
        #expect(recognised > 1_000)
    }
}

/// gRPC's Write requests: Inserts copied once into pooled memory, everything else as
/// SwiftProtobuf and `ProtobufDeserializer` make it.
@Suite struct WriteMessageDeserializerTests {
    let deserializer = WriteMessageDeserializer(pool: PayloadPool())

    @Test func anInsertsRecordIsItsOwnBytesAndOtherRequestsDecodeAsBefore() throws {
        for size in [1, 127, 128, 70_000] {
            var request = Cloudquery_Plugin_V3_Write.Request()
            request.insert.record = WriteInsertScanTests.record(size, seed: size)
            let bytes: [UInt8] = try request.serializedBytes()
            #expect(bytes.withUnsafeBytes { WriteInsertScan.recordRange(inWriteRequest: $0) } != nil)
            guard case .insert(let record)? = try deserializer.deserialize(bytes) else {
                Issue.record("an Insert of \(size) bytes was not an insert")
                continue
            }
            #expect(Data(record.buffer) == request.insert.record)
        }
        var migrate = Cloudquery_Plugin_V3_Write.Request()
        migrate.migrateTable.table = Data([1, 2, 3])
        migrate.migrateTable.migrateForce = true
        guard case .migrateTable(let schema, let force)? = try deserializer.deserialize(try migrate.serializedBytes() as [UInt8]) else {
            Issue.record("migrate_table was not decoded")
            return
        }
        #expect(schema == Data([1, 2, 3]) && force)
        var emptyInsert = Cloudquery_Plugin_V3_Write.Request()
        emptyInsert.insert = Cloudquery_Plugin_V3_Write.MessageInsert()
        guard case .insert(let empty)? = try deserializer.deserialize(try emptyInsert.serializedBytes() as [UInt8]) else {
            Issue.record("an empty insert was not an insert")
            return
        }
        #expect(empty.buffer.isEmpty)
        #expect(try deserializer.deserialize([UInt8]()) == nil, "an empty oneof carries nothing")
        #expect { try deserializer.deserialize([0x12, 0x05, 0x0a]) } throws: { error in
            (error as? RPCError)?.code == .invalidArgument
                && (error as? RPCError)?.message == "Can't deserialize to message of type Request."
        }
    }

    @Test("20 000 mutated requests: whenever the scan finds a record, SwiftProtobuf finds the same record")
    func requestScanAgreesWithSwiftProtobufOnMutations() throws {
        var rng = SplitMix64(seed: 15)
        let seeds: [[UInt8]] = try [1, 130, 20_000].map {
            var request = Cloudquery_Plugin_V3_Write.Request()
            request.insert.record = WriteInsertScanTests.record($0)
            return try request.serializedBytes()
        }
        var recognised = 0
        for _ in 0..<20_000 {
            var bytes = seeds.randomElement(using: &rng)!
            WriteInsertScanTests.mutate(&bytes, using: &rng)
            guard let range = bytes.withUnsafeBytes({ WriteInsertScan.recordRange(inWriteRequest: $0) }) else { continue }
            recognised += 1
            let decoded = try? Cloudquery_Plugin_V3_Write.Request(serializedBytes: bytes)
            #expect(decoded?.insert.record == Data(bytes[range]), "request \(bytes.prefix(64))")
            if decoded?.insert.record != Data(bytes[range]) { return }
        }
        #expect(recognised > 1_000)
    }
}
