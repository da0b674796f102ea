import Arrow
import FileFormats
import Foundation
import Testing

/// Compares what `ParquetObjectDecoder` read with the batches that were written, value by value
/// (rows may be split into batches differently). Where the written form is lossy the expected
/// value is what Go reads back too, and why is said at each adjustment.
enum ParquetReaderComparison {
    struct Lossy {
        /// Format 1.0 / 2.4 have no nanosecond timestamps: the writer stores microseconds
        /// (truncating), so nanoseconds come back as a multiple of 1000.
        var nanosecondsTruncatedToMicros = false
    }

    /// Decodes `bytes` with the schema of `expected` and compares; returns the batches read.
    @discardableResult
    static func expectRoundTrip(_ bytes: [UInt8], expected: [RecordBatch], schema: Schema, maxRows: Int = 1024,
                                lossy: Lossy = Lossy(), label: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws -> [RecordBatch] {
        var batches: [RecordBatch] = []
        try bytes.withUnsafeBytes { raw in
            try ParquetObjectDecoder().decode(raw, schema: schema, maxRows: maxRows) { batches.append($0) }
        }
        for (k, batch) in batches.enumerated() {
            #expect(batch.length <= maxRows, "\(label): batch \(k) has \(batch.length) rows", sourceLocation: sourceLocation)
            if k < batches.count - 1 {
                #expect(batch.length == maxRows, "\(label): only the last batch may be short", sourceLocation: sourceLocation)
            }
        }
        let problems = mismatches(expected: expected, actual: batches, schema: schema, lossy: lossy)
        #expect(problems.isEmpty, "\(label): \(problems.prefix(10).joined(separator: "\n"))", sourceLocation: sourceLocation)
        return batches
    }

    static func mismatches(expected: [RecordBatch], actual: [RecordBatch], schema: Schema, lossy: Lossy) -> [String] {
        let expectedRows = rows(expected)
        let actualRows = rows(actual)
        guard expectedRows.count == actualRows.count else {
            return ["\(actualRows.count) rows read, \(expectedRows.count) written"]
        }
        var problems: [String] = []
        for (row, (e, a)) in zip(expectedRows, actualRows).enumerated() {
            for (c, field) in schema.fields.enumerated() {
                compare(e.batch.columns[c], e.row, a.batch.columns[c], a.row, field: field,
                        path: "row \(row + 1), \(field.name)", lossy: lossy, into: &problems)
                if problems.count > 20 { return problems }
            }
        }
        return problems
    }

    private static func rows(_ batches: [RecordBatch]) -> [(batch: RecordBatch, row: Int)] {
        batches.flatMap { batch in (0..<batch.length).map { (batch, $0) } }
    }

    private static func compare(_ e: ArrowArray, _ i: Int, _ a: ArrowArray, _ j: Int, field: Field, path: String,
                                lossy: Lossy, into problems: inout [String]) {
        guard e.type == .null || e.isNull(i) == a.isNull(j) else {
            problems.append("\(path): null \(e.isNull(i)) written, \(a.isNull(j)) read")
            return
        }
        if e.type == .null || e.isNull(i) {
            if !a.isNull(j) { problems.append("\(path): expected null") }
            return
        }
        guard a.type == e.type else {
            problems.append("\(path): type \(a.type) read, \(e.type) written")
            return
        }
        switch e.type {
        case .null:
            return
        case .bool:
            if e.bool(at: i) != a.bool(at: j) { problems.append("\(path): \(a.bool(at: j)) read, \(e.bool(at: i)) written") }
        case .list, .largeList, .fixedSizeList, .map:
            let er = e.listRange(at: i), ar = a.listRange(at: j)
            guard er.count == ar.count else {
                problems.append("\(path): \(ar.count) elements read, \(er.count) written")
                return
            }
            let child = field.children[0]
            for (k, (x, y)) in zip(er, ar).enumerated() {
                compare(e.children[0], x, a.children[0], y, field: child, path: "\(path)[\(k)]", lossy: lossy, into: &problems)
            }
        case .struct:
            for (k, member) in field.children.enumerated() {
                compare(e.children[k], i, a.children[k], j, field: member, path: "\(path).\(member.name)", lossy: lossy, into: &problems)
            }
        default:
            let expected = expectedBytes(e, i, field: field, lossy: lossy)
            let actual = Array(a.bytes(at: j))
            if expected != actual { problems.append("\(path): \(actual) read, \(expected) written") }
        }
    }

    /// The bytes the reader should produce for written element `i`.
    private static func expectedBytes(_ e: ArrowArray, _ i: Int, field: Field, lossy: Lossy) -> [UInt8] {
        let raw = Array(e.bytes(at: i))
        func int64(_ v: Int64) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
        switch field.extensionName {
        case "inet":
            // Written as Go's IPNet.String of the parsed CIDR (canonical form), read back as that text.
            var out: [UInt8] = []
            return GoInetFormatting.appendCIDR(e.bytes(at: i), to: &out) ? out : raw
        case "mac":
            // An empty address is written as 00:00:00:00:00:00 (plugin-sdk's ValueStr).
            return raw.isEmpty ? [UInt8](repeating: 0, count: 6) : raw
        default:
            break
        }
        switch e.type {
        case .date64:
            // Stored as days (truncating division, like pqarrow), read back as whole days.
            return int64(e.int64(at: i) / 86_400_000 * 86_400_000)
        case .timestamp(.nanosecond, _) where lossy.nanosecondsTruncatedToMicros:
            return int64(e.int64(at: i) / 1000 * 1000)
        default:
            return raw
        }
    }
}
