@testable import S3Client
import Testing

@testable import S3Destination

/// The spec keys beyond the Go plugin: defaults, validation after Go's checks, decoding.
@Suite struct SpecExtensionTests {
    let base = #""bucket":"b","region":"r","path":"p/{{TABLE}}/{{UUID}}.{{FORMAT}}","format":"json""#

    func load(_ extra: String) throws -> DestinationConfig {
        try DestinationConfig.load(spec: Array("{\(base)\(extra)}".utf8), invocationID: "sync")
    }

    func message(_ extra: String) -> String? {
        do {
            _ = try load(extra)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test func defaults() throws {
        let c = try load("")
        #expect(c.memoryBudgetBytes == 128 * 1024 * 1024)
        #expect(c.checksums == .crc32)
        #expect(c.manifestPath == "")
        #expect(c.maxConcurrentRequests == 16)
    }

    @Test func maxConcurrentRequests() throws {
        #expect(try load(#","max_concurrent_requests":4"#).maxConcurrentRequests == 4)
        #expect(try load(#","max_concurrent_requests":null"#).maxConcurrentRequests == 16)
        #expect(try load(#","max_concurrent_requests":1024"#).maxConcurrentRequests == 1024)
        for bad in ["0", "-3", "1025"] {
            #expect(message(",\"max_concurrent_requests\":\(bad)")
                == "invalid `max_concurrent_requests` value: \(bad). It must be between 1 and 1024 (default 16)")
        }
        #expect(message(#","max_concurrent_requests":2.5"#)
            == "failed to unmarshal s3 spec: json: cannot unmarshal number 2.5 into Go struct field Spec.max_concurrent_requests of type int")
        #expect(message(#","max_concurrent_requests":"8""#)?.hasPrefix("failed to unmarshal s3 spec: json: cannot unmarshal string") == true)
    }

    @Test func explicitValues() throws {
        let c = try load(#","memory_budget_bytes":33554432,"request_checksum_calculation":"when_required","manifest_path":"m/{{SYNC_ID}}.json""#)
        #expect(c.memoryBudgetBytes == 33_554_432)
        #expect(c.checksums == .none)
        #expect(c.manifestPath == "m/{{SYNC_ID}}.json")
    }

    @Test func invalidValuesAreNamed() {
        #expect(message(#","memory_budget_bytes":1024"#) == "`memory_budget_bytes` must be at least 16777216 (16 MiB)")
        #expect(message(#","request_checksum_calculation":"always""#)
            == "invalid `request_checksum_calculation` value: always. Use `when_supported` or `when_required`")
        #expect(message(#","manifest_path":"/abs""#) == "`manifest_path` should not start with a \"/\"")
        #expect(message(#","manifest_path":"a//b""#) == "`manifest_path` should not contain relative paths or duplicate slashes")
        #expect(message(#","memory_budget_bytes":"big""#)?.hasPrefix("failed to unmarshal s3 spec: json: cannot unmarshal string") == true)
    }

    @Test func goChecksComeFirst() {
        // A spec with both a Go error and an extension error reports Go's.
        #expect(message(#","acl":"nope","memory_budget_bytes":1"#) == "invalid `acl` value: nope")
    }
}
