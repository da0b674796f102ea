#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Arrow

/// Reads the `json` format (JSON Lines, as our `JSONLinesEncoder` and the Go plugin write it)
/// back into record batches, with the semantics of cloudquery/filetypes `json/read.go`: each
/// line is one row decoded by arrow-go's `RecordBuilder.UnmarshalJSON`:
/// - the line must be one JSON object; keys are matched to column names exactly, unknown keys
///   are ignored, a missing key is null, a key given twice is an error;
/// - values are accepted as `JSONValueReader` describes (what arrow-go's builders accept);
/// - lines end with `\n` (a `\r` before it is dropped); an empty line is an error, as in Go;
///   a line of 20 MiB or more is an error (Go's `bufio.Scanner` limit).
/// Differences from Go, all on malformed input: Go ignores text after the row object and
/// leaves a missing non-nullable struct member unaligned; here both are errors.
public struct JSONLinesObjectDecoder: ObjectDecoder {
    /// Go's `maxJSONSize`: the scanner buffer, so the longest line is one byte less.
    static let maxLineBytes = 20 * 1024 * 1024

    public init() {}

    public func decode(_ object: UnsafeRawBufferPointer, schema: Schema, maxRows: Int,
                       emit: (RecordBatch) throws -> Void) throws {
        let batch = RecordBatchBuilder(schema: schema)
        let batchRows = try batch.rowsPerBatch(atMost: maxRows)
        let scratch = ByteScratch()
        let readers = batch.columns.map {
            JSONValueReader(builder: $0, path: $0.field.name, numbersAsFloat: false, scratch: scratch)
        }
        let members = JSONMembers(names: schema.fields.map(\.name))
        var lineNumber = 0
        var start = 0
        let count = object.count
        while start < count {
            lineNumber += 1
            let newline = Self.nextNewline(object, from: start) ?? count
            var end = newline
            if end > start && object[end - 1] == 0x0d { end -= 1 }
            guard newline - start < Self.maxLineBytes else {
                throw ObjectDecodingError(format: "json", line: lineNumber, column: nil, reason:
                    "the line is \(newline - start) bytes long; lines must be shorter than 20 MiB "
                    + "(the Go plugin's limit: bufio.Scanner: token too long)")
            }
            let line = UnsafeRawBufferPointer(rebasing: object[start..<end])
            start = newline + 1
            do {
                try Self.readRow(line, readers: readers, members: members, scratch: scratch)
            } catch let error as ValueError {
                // A failed row leaves some columns one value ahead; the read is over anyway.
                throw ObjectDecodingError(format: "json", line: lineNumber, column: error.path, reason: error.reason)
            }
            if batch.count >= batchRows {
                try emit(try batch.finish())
            }
        }
        if batch.count > 0 {
            try emit(try batch.finish())
        }
    }

    static func nextNewline(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, 0x0a, bytes.count - start) else { return nil }
        return UnsafeRawPointer(found) - base
    }

    private static func readRow(_ line: UnsafeRawBufferPointer, readers: [JSONValueReader], members: JSONMembers,
                                scratch: ByteScratch) throws {
        var s = JSONScanner(line, scratch: scratch)
        s.skipWhitespace()
        guard !s.atEnd else { throw ValueError("empty line; every line must hold one JSON object (a row)") }
        guard try s.peekKind() == .object else {
            throw ValueError("a row must be a JSON object starting with '{'")
        }
        try members.readObject(&s) { index, s in try readers[index].read(&s) }
        // arrow-go: every column without a key gets a null, nullable or not.
        for (index, reader) in readers.enumerated() where !members.wasSeen(index) {
            reader.builder.appendNull()
        }
        s.skipWhitespace()
        guard s.atEnd else { throw s.unexpected("the end of the line after the row object") }
    }
}
