// Read path, format parquet: a Parquet object decoded against the table's schema (memory budget
// 64 MiB, below libFuzzer's RSS limit).
import Arrow
import FileFormats
import FuzzSupport

runFuzzer { data in
    guard let (schemaBytes, object) = SchemaAndObject.split(data),
          let schema = try? ArrowIPC.readStream(schemaBytes).schema else { return }
    try? ParquetObjectDecoder(memoryBudgetBytes: 64 << 20).decode(object, schema: schema, maxRows: 1024) { _ in }
}
