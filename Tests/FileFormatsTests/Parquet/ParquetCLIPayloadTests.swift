@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// The Arrow payloads the real CloudQuery CLI 6.21.1 sent to a destination
/// (shared/testdata/cli-6.21.1), written as Parquet and read back by pyarrow.
@Suite(.requires(.sharedData, .python)) struct ParquetCLIPayloadSharedDataTests {
    static func payloads() throws -> [URL] {
        let directory = try ParquetTestEnvironment.sharedDirectory().appendingPathComponent("testdata/cli-6.21.1")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".arrow") }.sorted()
        return names.map { directory.appendingPathComponent($0) }
    }

    @Test func cliPayloadsReadBack() throws {
        let urls = try Self.payloads()
        #expect(urls.count == 8)
        var files: [ParquetReadBack.File] = []
        for url in urls {
            let stream = try ArrowIPC.readStream([UInt8](try Data(contentsOf: url)))
            files.append(.init(url.lastPathComponent, try ParquetTestEncoding.encode(stream), input: url.path))
        }
        let reports = try ParquetReadBack.expectReadBack(files)
        for (file, report) in zip(files, reports) {
            let isMigrate = file.label.contains("migrate_table")
            #expect((report.rowGroups?.isEmpty ?? false) == isMigrate, "\(file.label)")
            // The table's schema metadata, sorted by key.
            let keys = report.keyValue?.map { $0[0] } ?? []
            #expect(keys.contains("cq:table_name") && keys == keys.sorted(), "\(file.label)")
            #expect(report.column("_cq_sync_time")?.logical?.hasPrefix("Timestamp(isAdjustedToUTC=true, timeUnit=microseconds") == true)
            #expect(report.column("_cq_id")?.logical == "String", "\(file.label)")
        }
    }
}
