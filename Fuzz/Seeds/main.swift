// Writes the Read targets' seeds from Arrow IPC streams: each stream's batches encoded by the
// plugin's own encoders (the objects the plugin writes), prefixed with the schema as the Read
// targets expect it (FuzzSupport.SchemaAndObject). Run by Fuzz/make_corpus.py:
//   FuzzSeeds <dir of .arrow streams> <corpus root>
import Arrow
import FileFormats
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: FuzzSeeds <streams dir> <corpus root>\n".utf8))
    exit(2)
}
let streams = URL(fileURLWithPath: arguments[1]), root = URL(fileURLWithPath: arguments[2])

func encoded(_ stream: ArrowStream, _ encoder: inout some ObjectEncoder) throws -> [UInt8] {
    let sink = BufferSink()
    try encoder.begin(into: sink)
    for batch in stream.batches { try encoder.write(batch, into: sink) }
    try encoder.finish(into: sink)
    return sink.bytes
}

func seed(_ schema: [UInt8], _ object: [UInt8], prefix: [UInt8] = []) -> Data {
    let n = UInt32(schema.count)
    return Data([UInt8(n & 0xff), UInt8(n >> 8 & 0xff), UInt8(n >> 16 & 0xff), UInt8(n >> 24)] + schema + prefix + object)
}

var written = 0
for file in try FileManager.default.contentsOfDirectory(atPath: streams.path).sorted() where file.hasSuffix(".arrow") {
    let stream = try ArrowIPC.readStream([UInt8](try Data(contentsOf: streams.appendingPathComponent(file))))
    guard !stream.batches.isEmpty else { continue }
    let schema = IPCStreamWriter.stream(schema: stream.schema, batches: [])
    let name = "plugin-" + file.dropLast(".arrow".count)
    func write(_ target: String, _ data: Data) throws {
        let directory = root.appendingPathComponent(target)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try data.write(to: directory.appendingPathComponent(name))
        written += 1
    }
    var json = JSONLinesEncoder()
    if let object = try? encoded(stream, &json) { try write("FuzzJSONLinesRead", seed(schema, object)) }
    var csv = try CSVEncoder()
    if let object = try? encoded(stream, &csv) { try write("FuzzCSVRead", seed(schema, object, prefix: [0])) }
    if var parquet = try? ParquetEncoder(schema: stream.schema), let object = try? encoded(stream, &parquet) {
        try write("FuzzParquetRead", seed(schema, object))
    }
}
print("FuzzSeeds: \(written) seeds")
