import Arrow
import GoText

/// The spec's `athena: true`: Athena cannot query JSON whose object keys hold characters other
/// than `[0-9A-Za-z_]`, so the Go plugin rewrites every top-level `json` column before encoding
/// (cloudquery plugins/destination/s3 `client/write.go`, `sanitizeRecordJSONKeys` and
/// `sanitizeJSONKeysForObject`):
/// 1. `json.Unmarshal` into `any` (GoText's `GoJSONDocument`: numbers become float64);
/// 2. in every object key, at any depth (objects inside arrays too), each character matching
///    the regexp `\W` (anything but ASCII letters, digits and `_`; a multi-byte character is
///    one match) becomes `_`;
/// 3. marshal again as goccy/go-json does with HTML escaping off: keys sorted, no whitespace,
///    numbers in Go's float64 form (`1e+21`, `1e-07`).
///
/// A value that is JSON `null` becomes a null value (plugin-sdk's `JSONBuilder.Append(nil)`).
/// Invalid JSON is an error, as in Go. Where two keys of one object sanitise to the same key
/// Go keeps whichever its map iteration meets last (random); here the one that comes last in
/// the text wins, so output is deterministic. Lists and structs of json, and every other
/// column, are left alone.
///
/// Use `sanitize(_:)` on each batch before handing it to any encoder, or wrap the encoder in
/// `AthenaEncoder`.
public enum AthenaJSONSanitizer {
    /// The batch with its top-level json columns sanitised; other columns are shared, not
    /// copied. A batch without json columns is returned as it is.
    public static func sanitize(_ batch: RecordBatch) throws -> RecordBatch {
        let targets = batch.schema.fields.indices.filter { isSanitized(batch.schema.fields[$0]) }
        guard !targets.isEmpty else { return batch }
        var columns = batch.columns
        for index in targets {
            columns[index] = try sanitize(column: batch.columns[index], name: batch.schema.fields[index].name)
        }
        return RecordBatch(schema: batch.schema, length: batch.length, columns: columns)
    }

    /// Whether a top-level field is a CloudQuery json column (Go compares the type with
    /// `types.NewJSONType()`: the `json` extension on binary storage).
    static func isSanitized(_ field: Field) -> Bool {
        field.extensionName == "json" && field.type == .binary
    }

    /// Sanitises one JSON text; nil when the text is `null`.
    public static func sanitize(json text: UnsafeRawBufferPointer) throws -> [UInt8]? {
        var out: [UInt8] = []
        return try append(json: text, to: &out) ? out : nil
    }

    /// Appends the sanitised form of `text` to `out`; false (nothing appended) for `null`.
    static func append(json text: UnsafeRawBufferPointer, to out: inout [UInt8]) throws -> Bool {
        let document = try GoJSONDocument(parsing: text)
        try document.checkNumbersFitFloat64()
        if case .null = document.nodes[document.root] { return false }
        AthenaJSONWriter(document: document).write(to: &out)
        return true
    }

    private static func sanitize(column: ArrowArray, name: String) throws -> ArrowArray {
        var builder = AthenaBinaryColumn()
        builder.reserve(count: column.length)
        for row in 0..<column.length {
            if column.isNull(row) {
                builder.appendNull()
                continue
            }
            do {
                if try !builder.appendValue({ try append(json: column.bytes(at: row), to: &$0) }) {
                    builder.appendNull()
                }
            } catch let error as GoJSONError {
                throw ValueRenderingError(column: name, row: row, reason:
                    "athena: the json value cannot be parsed to sanitise its keys (\(error))")
            }
        }
        do {
            return try builder.build()
        } catch let error as AthenaBinaryColumn.TooLarge {
            throw ValueRenderingError(column: name, reason: "athena: \(error)")
        }
    }
}
