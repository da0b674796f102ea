import Arrow
import FileFormats
import Foundation
import Logging
import Testing
import TestSupport

@testable import S3Destination

/// The memory budget must balance: whatever the write path charges (buffers, encoder state,
/// parts in flight) is released once the objects are written. A leak would make later objects
/// of a long stream close early and wait for memory that never comes back.
@Suite(.enabled(if: SharedTestData.directory != nil, Comment(rawValue: SharedTestData.missing)))
struct MemoryBudgetAccountingTests {
    static let formats: [(name: String, make: @Sendable (Schema) throws -> any ObjectEncoder)] = [
        ("json", { _ in JSONLinesEncoder() }),
        ("csv", { _ in try CSVEncoder(delimiter: UInt8(ascii: ","), header: true) }),
        ("parquet", { schema in try ParquetEncoder(schema: schema) }),
        ("parquet, 2-row row groups",
         { schema in try ParquetEncoder(schema: schema, options: ParquetWriterOptions(maxRowGroupLength: 2)) }),
    ]

    @Test(arguments: 0..<formats.count)
    func everyChargedByteIsReleasedWhenTheStreamsObjectsAreWritten(format: Int) async throws {
        let budget = MemoryBudget(capacity: 64 << 20)
        let session = WriteSession(
            settings: .init(
                limits: BatchLimits(rows: 3, bytes: 50 << 20), timeout: nil, contentType: "application/octet-stream",
                partSize: 1000, writeEmptyObjects: false,
                objectKey: { table, _ in "out/\(table)/\(UUID().uuidString)" },
                makeEncoder: Self.formats[format].make),
            store: RecordingStore(), budget: budget, tracker: UploadTracker(logger: Logger(label: "test")),
            logger: Logger(label: "test"))
        for (name, bytes) in try SharedTestData.cliPayloads() where name.hasSuffix(".arrow") {
            if name.contains("-migrate_table-") { try await session.handle(.migrateTable(schemaIPC: bytes, force: false)) }
            if name.contains("-insert-") { try await session.handle(.insert(recordIPC: bytes)) }
        }
        try await session.finish()
        // Uploads release their bytes from their own tasks: give them a moment to land.
        for _ in 0..<500 where await budget.used != 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await budget.used == 0, "format \(Self.formats[format].name)")
    }
}
