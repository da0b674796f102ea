@testable import Arrow
import Foundation
import TestSupport
import Testing

/// Every fixture stream (pyarrow's and the CloudQuery CLI's) is decoded, copied value by value
/// into builders, written with `IPCStreamWriter`, and read back by our reader and by pyarrow:
/// values, schema and metadata must all survive.
@Suite struct IPCStreamWriterRoundTripTests {
    static let pyArrowFixtures = [
        "primitives", "nested", "sliced_primitives", "sliced_nested", "multi_batch", "schema_only", "legacy_v4",
        "metadata", "intervals",
    ]

    static func cliFixtures() throws -> [URL] {
        let directory = try TestEnvironment.sharedDirectory().appendingPathComponent("testdata/cli-6.21.1")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".arrow") }.sorted().map { directory.appendingPathComponent($0) }
    }

    static func fixtureURL(_ name: String) throws -> URL {
        try PyArrowStreams.directory.get().appendingPathComponent("\(name).arrow")
    }

    /// Rebuilds every batch of `stream` through `RecordBatchBuilder` + `append(from:at:)`.
    static func copied(_ stream: ArrowStream) throws -> [RecordBatch] {
        try stream.batches.map { batch in
            let builder = RecordBatchBuilder(schema: stream.schema)
            for (column, source) in zip(builder.columns, batch.columns) {
                for i in 0..<batch.length { try column.append(from: source, at: i) }
            }
            #expect(builder.count == batch.length)
            return try builder.finish()
        }
    }

    static func assertSameSchema(_ a: Schema, _ b: Schema, _ label: String) {
        #expect(a.orderedMetadata.map(\.key) == b.orderedMetadata.map(\.key), "\(label)")
        #expect(a.orderedMetadata.map(\.value) == b.orderedMetadata.map(\.value), "\(label)")
        assertSameFields(a.fields, b.fields, label)
    }

    static func assertSameFields(_ a: [Field], _ b: [Field], _ label: String) {
        #expect(a.count == b.count, "\(label)")
        for (x, y) in zip(a, b) {
            #expect(x.name == y.name && x.type == y.type && x.nullable == y.nullable, "\(label) field \(x.name)")
            #expect(x.orderedMetadata.map(\.key) == y.orderedMetadata.map(\.key), "\(label) field \(x.name)")
            #expect(x.orderedMetadata.map(\.value) == y.orderedMetadata.map(\.value), "\(label) field \(x.name)")
            assertSameFields(x.children, y.children, "\(label).\(x.name)")
        }
    }

    static func assertSameValues(_ a: [RecordBatch], _ b: [RecordBatch], _ label: String) throws {
        #expect(a.count == b.count, "\(label)")
        for (n, (x, y)) in zip(a, b).enumerated() {
            #expect(x.length == y.length, "\(label) batch \(n)")
            #expect(x.columns.map(\.nullCount) == y.columns.map(\.nullCount), "\(label) batch \(n)")
            for (k, field) in x.schema.fields.enumerated() {
                let mine = try CanonicalValues.json(CanonicalValues.column(x.columns[k], field: field))
                let theirs = try CanonicalValues.json(CanonicalValues.column(y.columns[k], field: field))
                #expect(mine == theirs, "\(label) batch \(n) column \(field.name) (\(field.type))")
            }
        }
    }

    /// Decode → copy → write → decode: same schema, values, and (for the built batches) the
    /// same `bufferByteSize` the decoder computes.
    static func roundTrip(_ original: [UInt8], label: String) throws -> [UInt8] {
        let stream = try ArrowIPC.readStream(original)
        let built = try copied(stream)
        try assertSameValues(stream.batches, built, "\(label) built")
        let written = IPCStreamWriter.stream(schema: stream.schema, batches: built)
        let again = try ArrowIPC.readStream(written)
        assertSameSchema(stream.schema, again.schema, label)
        try assertSameValues(stream.batches, again.batches, "\(label) rewritten")
        #expect(built.map(\.bufferByteSize) == again.batches.map(\.bufferByteSize), "\(label)")

        // Writing the decoded batches directly (slices included) must give the same values.
        let direct = try ArrowIPC.readStream(IPCStreamWriter.stream(schema: stream.schema, batches: stream.batches))
        try assertSameValues(stream.batches, direct.batches, "\(label) written directly")
        return written
    }

    @Test(.requires(.python), arguments: pyArrowFixtures)
    func pyArrowFixtureRoundTrips(name: String) throws {
        let original = try TestEnvironment.bytes(of: Self.fixtureURL(name))
        let written = try Self.roundTrip(original, label: name)
        try PyArrowComparison.assertSame(original: original, rewritten: written, label: name)
    }

    @Test(.requires(.sharedData, .python)) func cliPayloadsRoundTrip() throws {
        let files = try Self.cliFixtures()
        #expect(files.count == 8)
        for file in files {
            let original = try TestEnvironment.bytes(of: file)
            let written = try Self.roundTrip(original, label: file.lastPathComponent)
            try PyArrowComparison.assertSame(original: original, rewritten: written, label: file.lastPathComponent)
        }
    }

    @Test(.requires(.sharedData)) func cliSchemaMetadataSurvivesInWireOrder() throws {
        let file = try #require(try Self.cliFixtures().first { $0.lastPathComponent.hasPrefix("007-insert") })
        let stream = try ArrowIPC.readStream(TestEnvironment.bytes(of: file))
        let again = try ArrowIPC.readStream(IPCStreamWriter.stream(schema: stream.schema, batches: try Self.copied(stream)))
        #expect(again.schema.orderedMetadata.first?.key == "cq:table_name")
        #expect(again.schema.tableName == "harness_items")
        let cqID = try #require(again.schema.fields.first { $0.name == "_cq_id" })
        #expect(cqID.extensionName == "uuid")
        #expect(cqID.extensionMetadata == "uuid-serialized")
        #expect(cqID.metadata["cq:extension:unique"] == "true")
        for name in ["json_col", "ip", "mac"] {
            let field = try #require(again.schema.fields.first { $0.name == name })
            #expect(field.extensionName == stream.schema.fields.first { $0.name == name }?.extensionName)
            #expect(field.extensionName != nil, "\(name)")
        }
    }

    @Test func framingIsTheStreamFormat() throws {
        let schema = Schema(fields: [Field(name: "a", type: .int32)], metadata: [("k", "v")])
        let builder = RecordBatchBuilder(schema: schema)
        try builder.columns[0].append(Int64(7))
        let bytes = IPCStreamWriter.stream(schema: schema, batches: [try builder.finish()])
        #expect(Array(bytes.prefix(4)) == [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(Array(bytes.suffix(8)) == [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0])
        let metadataLength = bytes[4..<8].withUnsafeBytes { Int(Int32(littleEndian: $0.loadUnaligned(as: Int32.self))) }
        #expect(metadataLength % 8 == 0)
        #expect(bytes.count % 8 == 0)
        let stream = try ArrowIPC.readStream(bytes)
        #expect(stream.batches.first?.columns.first?.int32(at: 0) == 7)
        #expect(stream.schema.metadata == ["k": "v"])
    }
}

/// Reads the original and the rewritten stream with pyarrow and compares schema (metadata
/// included) and every batch.
enum PyArrowComparison {
    static let script = #"""
    import sys
    import pyarrow.ipc as ipc
    original, rewritten, label = sys.argv[1], sys.argv[2], sys.argv[3]
    a = ipc.open_stream(open(original, "rb").read())
    b = ipc.open_stream(open(rewritten, "rb").read())
    if not a.schema.equals(b.schema, check_metadata=True):
        sys.exit(f"{label}: schemas differ:\n{a.schema}\n{a.schema.metadata}\nvs\n{b.schema}\n{b.schema.metadata}")
    xs, ys = list(a), list(b)
    if len(xs) != len(ys):
        sys.exit(f"{label}: {len(xs)} batches vs {len(ys)}")
    def valid(batch):
        try:
            batch.validate(full=True)
            return True
        except Exception:
            return False
    for n, (x, y) in enumerate(zip(xs, ys)):
        # Some fixtures hold values pyarrow's full validation rejects (date64 not on a day);
        # the copy must then be exactly as valid as the original.
        if valid(x) != valid(y):
            sys.exit(f"{label} batch {n}: full validation differs from the original's")
        try:
            columns = [(x.column(k), y.column(k)) for k in range(x.num_columns)]
        except KeyError:
            # pyarrow has no Python array class for some types (month intervals): compare whole batches.
            if not x.equals(y):
                sys.exit(f"{label} batch {n} differs")
            continue
        for k, (cx, cy) in enumerate(columns):
            try:
                same = repr(cx.to_pylist()) == repr(cy.to_pylist())  # repr: NaN equals NaN
            except Exception:
                same = cx.equals(cy)
            if not same or cx.null_count != cy.null_count:
                sys.exit(f"{label} batch {n} column {x.schema.field(k).name} differs:\n{cx}\nvs\n{cy}")
    """#

    static func assertSame(original: [UInt8], rewritten: [UInt8], label: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arrow-rt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("original.arrow")
        let b = directory.appendingPathComponent("rewritten.arrow")
        try Data(original).write(to: a)
        try Data(rewritten).write(to: b)
        do {
            _ = try TestEnvironment.runPython(script, arguments: [a.path, b.path, label])
        } catch {
            Issue.record("pyarrow disagrees: \(error)")
        }
    }
}
