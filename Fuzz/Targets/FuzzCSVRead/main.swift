// Read path, format csv: a CSV object decoded against the table's schema, with and without a
// header, comma- and tab-separated (the low bits of the object's first byte choose).
import Arrow
import FileFormats
import FuzzSupport

runFuzzer { data in
    guard let (schemaBytes, rest) = SchemaAndObject.split(data), let options = rest.first,
          let schema = try? ArrowIPC.readStream(schemaBytes).schema else { return }
    let decoder = CSVObjectDecoder(delimiter: options & 2 == 0 ? UInt8(ascii: ",") : UInt8(ascii: "\t"), header: options & 1 == 0)
    try? decoder.decode(UnsafeRawBufferPointer(rebasing: rest.dropFirst()), schema: schema, maxRows: 1024) { _ in }
}
