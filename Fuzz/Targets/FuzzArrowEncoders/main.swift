// Write path: an Arrow IPC stream (a Write request's record) read, then encoded by each of the
// three encoders, with and without Athena's json sanitising.
import Arrow
import FileFormats
import FuzzSupport

func encode(_ batches: [RecordBatch], with encoder: inout some ObjectEncoder) {
    let sink = BufferSink()
    do {
        try encoder.begin(into: sink)
        for batch in batches { try encoder.write(batch, into: sink) }
        try encoder.finish(into: sink)
    } catch {}
}

/// Rows a stream may declare here. Encoding is linear in rows, and rows of null-typed columns (or
/// of a batch with no columns) cost no input bytes: a 1.6 KB stream declaring 2^32 + 3 rows keeps
/// an encoder busy for minutes, writing what was asked (as the Go plugin would). That is work, not
/// a hang; the per-row paths are exercised by smaller batches.
let maximumRows = 1 << 20

runFuzzer { data in
    guard let stream = try? ArrowIPC.readStream(data), stream.rowCount <= maximumRows else { return }
    var json = JSONLinesEncoder()
    encode(stream.batches, with: &json)
    if var csv = try? CSVEncoder() { encode(stream.batches, with: &csv) }
    if var parquet = try? ParquetEncoder(schema: stream.schema) { encode(stream.batches, with: &parquet) }
    if let sanitized = try? stream.batches.map(AthenaJSONSanitizer.sanitize) {
        var athena = JSONLinesEncoder()
        encode(sanitized, with: &athena)
    }
}
