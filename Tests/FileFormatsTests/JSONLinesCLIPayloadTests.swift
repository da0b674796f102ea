@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// The rows the real CloudQuery CLI sent (shared/testdata/cli-6.21.1), encoded as the Go
/// plugin's JSON writer would write them. Expected lines derived from dest-double.txt with the
/// rules of filetypes `json/write.go` and arrow-go's `GetOneForMarshal`.
@Suite(.requires(.sharedData)) struct JSONLinesCLIPayloadSharedDataTests {
    static func stream(_ name: String) throws -> ArrowStream {
        let url = try JSONLinesTestEnvironment.sharedDirectory().appendingPathComponent("testdata/cli-6.21.1/\(name)")
        return try ArrowIPC.readStream([UInt8](try Data(contentsOf: url)))
    }

    @Test func harnessItems() throws {
        let lines = try JSONLinesEncoding.lines(Self.stream("007-insert-harness_items.arrow"))
        #expect(lines == [
            #"{"_cq_id":"93c72e87-5546-51f3-99b8-187a8a095d72","_cq_parent_id":null,"_cq_source_name":"harness-source","_cq_sync_time":"2026-11-23T00:34:32.172344Z","active":false,"amount":"1.01","blob":"AQD/","created_at":"2024-01-03T03:04:05.123456Z","day":"2024-01-02","duration":"1000ms","float32":0.25,"id":1,"int16":100,"int32":100000,"int8":-1,"ip":"192.168.1.0/24","json_col":{"a":1,"b":"s1","nested":[1,{"x":null}]},"labels":[{"key":"env","value":"test"},{"key":"n","value":"1"}],"large_text":"x","mac":"00:1a:2b:3c:4d:01","name":"item-1","price":1.5,"props":{"k":"k1","v":1},"scores":[0],"tags":["t1","common"],"uint64":9223372036854775809,"uint8":1,"uuid_col":"00000000-0000-0000-0000-000000000001"}"#,
            #"{"_cq_id":"2e7f2823-44cb-51c0-a98c-a227d9cb494e","_cq_parent_id":null,"_cq_source_name":"harness-source","_cq_sync_time":"2026-11-23T00:34:32.172344Z","active":true,"amount":"2.02","blob":"AgD/","created_at":"2024-01-04T03:04:05.123456Z","day":"2024-01-03","duration":"2000ms","float32":0.5,"id":2,"int16":200,"int32":200000,"int8":2,"ip":"2001:db8::2/128","json_col":{"a":2,"b":"s2","nested":[1,{"x":null}]},"labels":[{"key":"env","value":"test"},{"key":"n","value":"2"}],"large_text":"xx","mac":"00:1a:2b:3c:4d:02","name":"item-2","price":3,"props":{"k":"k2","v":2},"scores":[0,1],"tags":["t2","common"],"uint64":9223372036854775810,"uint8":2,"uuid_col":"00000000-0000-0000-0000-000000000002"}"#,
        ])
    }

    @Test func nullNameAndLongerLists() throws {
        let lines = try JSONLinesEncoding.lines(Self.stream("009-insert-harness_items.arrow"))
        #expect(lines.count == 2)
        #expect(lines[1].contains(#","name":null,"price":6,"#))
        #expect(lines[1].contains(#""scores":[0,1,2,3],"tags":["t4","common"]"#))
        #expect(lines[1].contains(#""float32":1,"id":4,"#))
        #expect(lines[0].contains(#""float32":0.75,"#))
        #expect(lines[0].contains(#""amount":"3.03","blob":"AwD/","#))
    }

    @Test func childTable() throws {
        let lines = try JSONLinesEncoding.lines(Self.stream("012-insert-harness_items_children.arrow"))
        #expect(lines == [
            #"{"_cq_id":"2c9e0537-365d-57cd-a23f-feac8a62b9c4","_cq_parent_id":"f00f3e08-09cf-5fdf-87ca-ea012b98d6c7","_cq_source_name":"harness-source","_cq_sync_time":"2026-11-23T00:34:32.172344Z","item_id":5,"note":"child 1 of 5","seq":1}"#,
            #"{"_cq_id":"584e6c80-ba8a-5b87-8428-dde7e7285499","_cq_parent_id":"f00f3e08-09cf-5fdf-87ca-ea012b98d6c7","_cq_source_name":"harness-source","_cq_sync_time":"2026-11-23T00:34:32.172344Z","item_id":5,"note":"child 2 of 5","seq":2}"#,
        ])
    }

    @Test func schemaOnlyPayloadWritesNothing() throws {
        let sink = try JSONLinesEncoding.encode(Self.stream("005-migrate_table-harness_items.arrow"))
        #expect(sink.bytes.isEmpty)
    }
}
