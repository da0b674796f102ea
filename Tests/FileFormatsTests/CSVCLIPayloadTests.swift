@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// The rows the real CloudQuery CLI sent (shared/testdata/cli-6.21.1) as the Go plugin's CSV
/// writer would write them: columns in table order (`_cq_sync_time`, `_cq_source_name` first),
/// `ValueStr` cells. Note `json_col`: CSV keeps the text the source stored (with its spaces),
/// where JSON Lines embeds the compacted value.
@Suite(.requires(.sharedData)) struct CSVCLIPayloadSharedDataTests {
    static func stream(_ name: String) throws -> ArrowStream {
        let url = try JSONLinesTestEnvironment.sharedDirectory().appendingPathComponent("testdata/cli-6.21.1/\(name)")
        return try ArrowIPC.readStream([UInt8](try Data(contentsOf: url)))
    }

    @Test func harnessItems() throws {
        #expect(try CSVEncoding.lines(Self.stream("007-insert-harness_items.arrow")) == [
            "_cq_sync_time,_cq_source_name,_cq_id,_cq_parent_id,id,name,int8,int16,int32,uint8,uint64,float32,price,active,"
                + "created_at,day,blob,large_text,tags,scores,props,labels,uuid_col,json_col,ip,mac,amount,duration",
            #"2026-11-23T00:34:32.172344Z,harness-source,93c72e87-5546-51f3-99b8-187a8a095d72,,1,item-1,-1,100,100000,1,"#
                + #"9223372036854775809,0.25,1.5,false,2024-01-03T03:04:05.123456Z,2024-01-02,AQD/,x,"[""t1"",""common""]",[0],"#
                + #""{""k"":""k1"",""v"":1}","[{""key"":""env"",""value"":""test""},{""key"":""n"",""value"":""1""}]","#
                + #"00000000-0000-0000-0000-000000000001,"{""a"": 1, ""b"": ""s1"", ""nested"": [1, {""x"": null}]}","#
                + #"192.168.1.0/24,00:1a:2b:3c:4d:01,1.01,1000ms"#,
            #"2026-11-23T00:34:32.172344Z,harness-source,2e7f2823-44cb-51c0-a98c-a227d9cb494e,,2,item-2,2,200,200000,2,"#
                + #"9223372036854775810,0.5,3,true,2024-01-04T03:04:05.123456Z,2024-01-03,AgD/,xx,"[""t2"",""common""]","[0,1]","#
                + #""{""k"":""k2"",""v"":2}","[{""key"":""env"",""value"":""test""},{""key"":""n"",""value"":""2""}]","#
                + #"00000000-0000-0000-0000-000000000002,"{""a"": 2, ""b"": ""s2"", ""nested"": [1, {""x"": null}]}","#
                + #"2001:db8::2/128,00:1a:2b:3c:4d:02,2.02,2000ms"#,
        ])
    }

    @Test func childTable() throws {
        #expect(try CSVEncoding.lines(Self.stream("012-insert-harness_items_children.arrow")) == [
            "_cq_sync_time,_cq_source_name,_cq_id,_cq_parent_id,item_id,seq,note",
            "2026-11-23T00:34:32.172344Z,harness-source,2c9e0537-365d-57cd-a23f-feac8a62b9c4,"
                + "f00f3e08-09cf-5fdf-87ca-ea012b98d6c7,5,1,child 1 of 5",
            "2026-11-23T00:34:32.172344Z,harness-source,584e6c80-ba8a-5b87-8428-dde7e7285499,"
                + "f00f3e08-09cf-5fdf-87ca-ea012b98d6c7,5,2,child 2 of 5",
        ])
    }

    /// A migrate_table payload has a schema and no batch: no write, so not even a header.
    @Test func schemaOnlyPayloadWritesNothing() throws {
        #expect(try CSVEncoding.encode(Self.stream("005-migrate_table-harness_items.arrow")).bytes.isEmpty)
    }

    /// Athena mode on real data: the json column is compacted and re-marshalled (sorted keys).
    @Test func athenaRewritesTheJSONColumn() throws {
        let batch = try #require(try Self.stream("007-insert-harness_items.arrow").batches.first)
        let sanitized = try AthenaJSONSanitizer.sanitize(batch)
        let index = try #require(batch.schema.fieldIndex(named: "json_col"))
        #expect(sanitized.columns[index].string(at: 0) == #"{"a":1,"b":"s1","nested":[1,{"x":null}]}"#)
    }
}
