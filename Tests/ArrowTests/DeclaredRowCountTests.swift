@testable import Arrow
import Testing

/// A finding of FuzzArrowEncoders: rows of null-typed columns, or of a batch without columns, cost
/// no bytes, so a 1.6 KB stream can declare 2^32 + 3 rows. The decoder keeps the count it was given
/// (Arrow lengths are int64; arrow-go and pyarrow read this stream the same way) without reading
/// or allocating anything per row; what follows is the encoders' work for that many rows, which the
/// fuzz harness bounds (Fuzz/Targets/FuzzArrowEncoders).
@Suite struct DeclaredRowCountTests {
    static let rows = (1 << 32) + 3

    @Test("a batch declaring 2^32 + 3 rows and no columns decodes with that count, from a few bytes")
    func hugeRowCountWithoutColumns() throws {
        let schema = Schema(fields: [], metadata: [("cq:table_name", "fuzz_extensions")])
        let bytes = IPCStreamWriter.stream(schema: schema, batches: [RecordBatch(schema: schema, length: Self.rows, columns: [])])
        #expect(bytes.count < 1024)
        let stream = try ArrowIPC.readStream(bytes)
        #expect(stream.batches.map(\.length) == [Self.rows])
        #expect(stream.batches.first?.bufferByteSize == 0)
    }
}
