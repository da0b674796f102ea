@testable import Arrow
import Foundation
import S3Destination
import Testing
import TestSupport

@testable import PluginTransport

/// The payloads CLI 6.21.1 really sent (shared/testdata/cli-6.21.1) decode as protobuf and Arrow.
@Suite(.requires(.sharedData))
struct CLIPayloadSharedDataTests {
    @Test func everyWriteRequestDecodesAndCarriesItsArrowStream() throws {
        let files = try SharedTestData.cliPayloads()
        let byName = Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.bytes) })
        let requests = files.filter { $0.name.hasSuffix(".pb") }
        #expect(requests.count == 10)
        for (name, bytes) in requests {
            let request = try Cloudquery_Plugin_V3_Write.Request(serializedBytes: bytes)
            let table = String(name.dropFirst(4).split(separator: "-", maxSplits: 1)[1].dropLast(3))
            switch request.message {
            case .migrateTable(let m):
                #expect(name.contains("-migrate_table-"))
                #expect([UInt8](m.table) == byName[name.replacingOccurrences(of: ".pb", with: ".arrow")])
                let stream = try ArrowIPC.readStream([UInt8](m.table))
                #expect(stream.schema.metadata["cq:table_name"] == table)
                #expect(stream.batches.isEmpty)
            case .insert(let m):
                #expect(name.contains("-insert-"))
                #expect([UInt8](m.record) == byName[name.replacingOccurrences(of: ".pb", with: ".arrow")])
                let stream = try ArrowIPC.readStream([UInt8](m.record))
                #expect(stream.schema.metadata["cq:table_name"] == table)
                #expect(stream.batches.count == 1)
                // 5 rows in batches of 2 for harness_items; two children per item.
                let expected = table == "harness_items" ? [1, 2] : [2, 4]
                #expect(expected.contains(stream.batches[0].length))
            case .delete(let m):
                #expect(name.contains("-delete_stale-"))
                #expect(m.tableName == table)
                #expect(m.sourceName == "harness-source")
                #expect(m.syncTime.seconds > 1_700_000_000)
            default:
                Issue.record("\(name): unexpected message \(String(describing: request.message))")
            }
        }
    }

    @Test func theInitSpecOfTheHarnessIsRejectedWithTheGoMessage() async throws {
        let files = try SharedTestData.cliPayloads()
        let spec = try #require(files.first { $0.name == "003-init-spec.json" }).bytes
        let service = PluginService(plugin: DestinationPlugin(logger: .init(label: "test"), environment: [:]))
        var request = Cloudquery_Plugin_V3_Init.Request()
        request.spec = Data(spec)
        request.invocationID = "33660b5f-21f1-4c26-830d-94e6bdcfd355"
        await #expect(throws: PluginError.self) { try await service.initialize(request) }
        do {
            _ = try await service.initialize(request)
        } catch let error as PluginError {
            // That spec is a harness spec, not an S3 one. Its `tags` (a list) meets our `tags` key (a
            // map of object tags, beyond Go): decoding stops at it with encoding/json's type error,
            // before the Go plugin's first check (`bucket` is required) could fire.
            #expect(error.message == "failed to init plugin: failed to initialize client: failed to unmarshal s3 spec: "
                + "json: cannot unmarshal array into Go struct field Spec.tags of type map[string]string")
        }
    }
}
