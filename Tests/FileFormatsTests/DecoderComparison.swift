@testable import Arrow
@testable import FileFormats
import Foundation
import Testing

/// Value-by-value comparison of what a decoder (JSON Lines, CSV, Parquet) read with what was
/// written, for the round-trip tests (rows may be split into batches differently). Where the
/// written form is lossy, `Lossy` says how the expected value is adjusted to what Go reads back,
/// and why.
enum DecoderComparison {
    struct Lossy {
        /// CSV: an empty cell is null, so a top-level empty string / empty binary reads back null;
        /// so does the text `(null)` (arrow-go's NullValueStr).
        var emptyTextIsNull = false
        /// CSV: nested cells are decoded without UseNumber, so integers inside lists, structs
        /// and maps pass through float64 (Go: `int64(float64)`).
        var nestedIntegersThroughFloat64 = false
        /// CSV: Go's encoding/csv reads "\r\n" inside a quoted cell as "\n".
        var crlfReadAsLF = false
        /// CSV: a one-column row whose cell is empty is an empty line, which Go's encoding/csv
        /// skips: the row is not read back.
        var emptyLinesSkipped = false
        /// Parquet formats 1.0 / 2.4 have no nanosecond timestamps: the writer stores microseconds
        /// (truncating), so nanoseconds come back as a multiple of 1000.
        var nanosecondsTruncatedToMicros = false
    }

    /// Decodes `bytes` and compares with `expected`; returns the batches read.
    @discardableResult
    static func expectRoundTrip(_ decoder: some ObjectDecoder, _ bytes: [UInt8], expected: [RecordBatch], schema: Schema,
                                maxRows: Int = 1024, lossy: Lossy = Lossy(), label: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws -> [RecordBatch] {
        var batches: [RecordBatch] = []
        try bytes.withUnsafeBytes { raw in
            try decoder.decode(raw, schema: schema, maxRows: maxRows) { batches.append($0) }
        }
        for (k, batch) in batches.enumerated() {
            #expect(batch.length > 0 && batch.length <= maxRows, "\(label): batch \(k) has \(batch.length) rows",
                    sourceLocation: sourceLocation)
            if k < batches.count - 1 {
                #expect(batch.length == maxRows, "\(label): only the last batch may be short", sourceLocation: sourceLocation)
            }
        }
        let problems = mismatches(expected: expected, actual: batches, schema: schema, lossy: lossy)
        #expect(problems.isEmpty, "\(label): \(problems.prefix(10).joined(separator: "\n"))", sourceLocation: sourceLocation)
        return batches
    }

    static func mismatches(expected: [RecordBatch], actual: [RecordBatch], schema: Schema, lossy: Lossy) -> [String] {
        var e = expected.flatMap { b in (0..<b.length).map { (b, $0) } }
        if lossy.emptyLinesSkipped && schema.fields.count == 1 && schema.fields[0].extensionName == nil {
            e.removeAll { batch, row in
                let column = batch.columns[0]
                if column.isNull(row) { return true }
                switch schema.fields[0].type {
                case .utf8, .largeUtf8, .binary, .largeBinary: return column.bytes(at: row).isEmpty
                default: return false
                }
            }
        }
        let a = actual.flatMap { b in (0..<b.length).map { (b, $0) } }
        guard e.count == a.count else { return ["\(a.count) rows read, \(e.count) written"] }
        var problems: [String] = []
        for (row, (x, y)) in zip(e, a).enumerated() {
            for (c, field) in schema.fields.enumerated() {
                compare(x.0.columns[c], x.1, y.0.columns[c], y.1, field: field, depth: 0,
                        path: "row \(row + 1), \(field.name)", lossy: lossy, into: &problems)
                if problems.count > 20 { return problems }
            }
        }
        return problems
    }

    private static func compare(_ e: ArrowArray, _ i: Int, _ a: ArrowArray, _ j: Int, field: Field, depth: Int,
                                path: String, lossy: Lossy, into problems: inout [String]) {
        var expectNull = e.isNull(i)
        if !expectNull && depth == 0 && lossy.emptyTextIsNull && field.extensionName == nil {
            switch field.type {
            case .utf8, .largeUtf8, .binary, .largeBinary:
                let bytes = Array(e.bytes(at: i))
                if bytes.isEmpty || (field.type != .binary && field.type != .largeBinary && bytes == Array("(null)".utf8)) {
                    expectNull = true
                }
            default: break
            }
        }
        guard expectNull == a.isNull(j) else {
            problems.append("\(path): null \(expectNull) expected, \(a.isNull(j)) read")
            return
        }
        if expectNull { return }
        guard a.type == e.type else {
            problems.append("\(path): type \(e.type) written, \(a.type) read")
            return
        }
        switch field.extensionName {
        case "inet":
            // Go stores ParseCIDR's canonical text.
            var canonical: [UInt8] = []
            _ = GoInetFormatting.appendCIDR(e.bytes(at: i), to: &canonical)
            if canonical != Array(a.bytes(at: j)) {
                problems.append("\(path): \(String(decoding: canonical, as: UTF8.self)) expected, \(a.string(at: j)) read")
            }
            return
        case "json":
            // Go re-marshals the value (compact, sorted keys): compare as JSON documents.
            let x = try? JSONSerialization.jsonObject(with: Data(e.bytes(at: i)), options: [.fragmentsAllowed])
            let y = try? JSONSerialization.jsonObject(with: Data(a.bytes(at: j)), options: [.fragmentsAllowed])
            if let x = x as? NSObject, let y, x.isEqual(y) { return }
            problems.append("\(path): json \(e.string(at: i)) written, \(a.string(at: j)) read")
            return
        case "mac" where e.bytes(at: i).isEmpty:
            // CSV and Parquet hold an empty address as 00:00:00:00:00:00 (plugin-sdk's ValueStr).
            if Array(a.bytes(at: j)) != [UInt8](repeating: 0, count: 6) { problems.append("\(path): six zero bytes expected") }
            return
        default:
            break
        }
        switch field.type {
        case .bool:
            if e.bool(at: i) != a.bool(at: j) { problems.append("\(path): \(e.bool(at: i)) written, \(a.bool(at: j)) read") }
        case .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64:
            var expected = Array(e.bytes(at: i))
            if depth > 0 && lossy.nestedIntegersThroughFloat64 {
                expected = throughFloat64(expected, signed: [.int8, .int16, .int32, .int64].contains(field.type))
            }
            if expected != Array(a.bytes(at: j)) {
                problems.append("\(path): bytes \(expected) expected, \(Array(a.bytes(at: j))) read")
            }
        case .list, .largeList, .fixedSizeList, .map:
            let x = e.listRange(at: i), y = a.listRange(at: j)
            guard x.count == y.count else {
                problems.append("\(path): \(x.count) elements written, \(y.count) read")
                return
            }
            for (k, (p, q)) in zip(x, y).enumerated() {
                compare(e.children[0], p, a.children[0], q, field: field.children[0], depth: depth + 1,
                        path: "\(path)[\(k)]", lossy: lossy, into: &problems)
            }
        case .struct:
            for (k, member) in field.children.enumerated() {
                compare(e.children[k], i, a.children[k], j, field: member, depth: depth + 1,
                        path: "\(path).\(member.name)", lossy: lossy, into: &problems)
            }
        case .null:
            break
        case .utf8 where depth == 0 && lossy.crlfReadAsLF, .largeUtf8 where depth == 0 && lossy.crlfReadAsLF:
            var expected: [UInt8] = []
            let bytes = Array(e.bytes(at: i))
            for (k, b) in bytes.enumerated() where !(b == 0x0d && k + 1 < bytes.count && bytes[k + 1] == 0x0a) {
                expected.append(b)
            }
            if expected != Array(a.bytes(at: j)) { problems.append("\(path): \(expected) expected, \(Array(a.bytes(at: j))) read") }
        case .date64:
            // Both formats print only the date (Go: int64(ms) / 86400000, truncating toward
            // zero), so the time of day is lost; Go reads back midnight of that date.
            let expected = e.int64(at: i) / 86_400_000 * 86_400_000
            if expected != a.int64(at: j) { problems.append("\(path): \(expected) expected, \(a.int64(at: j)) read") }
        case .timestamp(.nanosecond, _) where lossy.nanosecondsTruncatedToMicros:
            let expected = e.int64(at: i) / 1000 * 1000
            if expected != a.int64(at: j) { problems.append("\(path): \(expected) expected, \(a.int64(at: j)) read") }
        default:
            if Array(e.bytes(at: i)) != Array(a.bytes(at: j)) {
                problems.append("\(path): bytes \(Array(e.bytes(at: i))) written, \(Array(a.bytes(at: j))) read")
            }
        }
    }

    /// The little-endian integer `bytes` after Go's float64 round trip (`intN(float64(v))`).
    private static func throughFloat64(_ bytes: [UInt8], signed: Bool) -> [UInt8] {
        var raw: UInt64 = 0
        for (k, b) in bytes.enumerated() { raw |= UInt64(b) << (8 * UInt64(k)) }
        let width = bytes.count * 8
        if signed {
            let value = width == 64 ? Int64(bitPattern: raw) : Int64(bitPattern: raw << (64 - UInt64(width))) >> (64 - Int64(width))
            let back = Int64(exactly: Double(value)) ?? value
            return (0..<bytes.count).map { UInt8(truncatingIfNeeded: back >> (8 * Int64($0))) }
        }
        let back = UInt64(exactly: Double(raw)) ?? raw
        return (0..<bytes.count).map { UInt8(truncatingIfNeeded: back >> (8 * UInt64($0))) }
    }

    /// Decodes and returns the error's description (nil when decoding succeeded).
    static func errorText(_ decoder: some ObjectDecoder, _ text: String, schema: Schema, maxRows: Int = 100) -> String? {
        do {
            try Array(text.utf8).withUnsafeBytes { raw in
                try decoder.decode(raw, schema: schema, maxRows: maxRows) { _ in }
            }
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Decodes text into batches.
    static func decode(_ decoder: some ObjectDecoder, _ text: String, schema: Schema, maxRows: Int = 100) throws -> [RecordBatch] {
        var batches: [RecordBatch] = []
        try Array(text.utf8).withUnsafeBytes { raw in
            try decoder.decode(raw, schema: schema, maxRows: maxRows) { batches.append($0) }
        }
        return batches
    }
}
