// Read path, format json: a JSON Lines object decoded against the table's schema.
import Arrow
import FileFormats
import FuzzSupport

runFuzzer { data in
    guard let (schemaBytes, object) = SchemaAndObject.split(data),
          let schema = try? ArrowIPC.readStream(schemaBytes).schema else { return }
    try? JSONLinesObjectDecoder().decode(object, schema: schema, maxRows: 1024) { _ in }
}
