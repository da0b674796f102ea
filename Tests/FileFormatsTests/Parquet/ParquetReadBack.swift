@testable import FileFormats
import Foundation
import Testing

/// A scalar from the read-back report (statistics values are ints, strings, floats or bools).
enum ParquetJSONScalar: Decodable, Hashable, CustomStringConvertible {
    case int(Int64), uint(UInt64), double(Double), string(String), bool(Bool), null

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .int(value) }
        else if let value = try? container.decode(UInt64.self) { self = .uint(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else { self = .string(try container.decode(String.self)) }
    }

    var description: String {
        switch self {
        case .int(let v): return "\(v)"
        case .uint(let v): return "\(v)"
        case .double(let v): return "\(v)"
        case .string(let v): return v
        case .bool(let v): return "\(v)"
        case .null: return "null"
        }
    }
}

/// What pyarrow found in one Parquet file (see `ParquetReadBackScript`).
struct ParquetReadBackReport: Decodable {
    struct Column: Decodable {
        let path: String
        let physical: String
        let logical: String?
        let converted: String
        let maxDef: Int
        let maxRep: Int
        let length: Int
        let precision: Int
        let scale: Int
    }

    struct Statistics: Decodable {
        let null_count: Int?
        let has_min_max: Bool
        let min: ParquetJSONScalar?
        let max: ParquetJSONScalar?
    }

    struct Chunk: Decodable {
        let path: String
        let encodings: [String]
        let compression: String
        let hasDictionaryPage: Bool
        let numValues: Int
        let statistics: Statistics?
        /// The chunk's page headers in file order: [page type, value count, encoding, has statistics].
        let pages: [[ParquetJSONScalar]]

        var dataPageCount: Int { pages.filter { $0.first == .int(0) }.count }
        var dictionaryPageCount: Int { pages.filter { $0.first == .int(2) }.count }
    }

    struct RowGroup: Decodable {
        let rows: Int
        let columns: [Chunk]
    }

    /// A `SchemaElement` as written (thrift enum values; `logical` is the LogicalType union member id).
    struct Element: Decodable {
        let name: String
        let type: Int?
        let repetition: Int?
        let converted: Int?
        let logical: Int?
        let numChildren: Int?
    }

    struct Root: Decodable {
        let name: String
        let repetition: Int?
        let numChildren: Int?
    }

    /// Differences between the file and its input; empty when pyarrow read back the input.
    let mismatches: [String]
    let rows: Int?
    let rowGroups: [RowGroup]?
    let columns: [Column]?
    let createdBy: String?
    let formatVersion: Int?
    let keyValue: [[String]]?
    let root: Root?
    let columnOrders: Int?
    let elements: [Element]?
    let ordinals: [Int?]?
    let arrowSchema: String?
    let parquetSchema: String?

    func column(_ path: String) -> Column? { columns?.first { $0.path == path } }
    func element(_ name: String) -> Element? { elements?.first { $0.name == name } }
    /// The chunks of leaf `path`, one per row group.
    func chunks(_ path: String) -> [Chunk] { rowGroups?.compactMap { $0.columns.first { $0.path == path } } ?? [] }
}

/// Writes Parquet files to a temporary directory and has pyarrow read them back.
enum ParquetReadBack {
    struct File {
        /// For messages.
        let label: String
        let bytes: [UInt8]
        /// The `ParquetInputs` case the file was encoded from, or the path of an Arrow stream.
        let input: String
        let version: ParquetWriterOptions.FormatVersion
        /// Rows of the input the file holds, when the test encoded a slice.
        var slice: (offset: Int, length: Int)?

        init(_ label: String, _ bytes: [UInt8], input: String, version: ParquetWriterOptions.FormatVersion = .v2_6,
             slice: (offset: Int, length: Int)? = nil) {
            self.label = label
            self.bytes = bytes
            self.input = input
            self.version = version
            self.slice = slice
        }
    }

    /// One report per file, in order.
    static func check(_ files: [File]) throws -> [ParquetReadBackReport] {
        let directory = try ParquetTestEnvironment.temporaryDirectory("parquet-readback")
        // CQ_PARQUET_KEEP=1 keeps the files and manifest for debugging (the path is in messages).
        let keep = ProcessInfo.processInfo.environment["CQ_PARQUET_KEEP"] != nil
        defer { if !keep { try? FileManager.default.removeItem(at: directory) } }
        var manifest: [[String: Any]] = []
        for (index, file) in files.enumerated() {
            let url = directory.appendingPathComponent("\(index).parquet")
            try Data(file.bytes).write(to: url)
            // `input` is a ParquetInputs case, or the path of an Arrow stream elsewhere.
            let isPath = file.input.hasPrefix("/")
            var entry: [String: Any] = [
                "parquet": url.path, "arrow": isPath ? file.input : try ParquetInputs.url(file.input).path,
                "version": file.version.rawValue,
            ]
            if !isPath, let storage = try ParquetInputs.storageURL(file.input) { entry["storage"] = storage.path }
            if let slice = file.slice { entry["slice"] = [slice.offset, slice.length] }
            manifest.append(entry)
        }
        let manifestURL = directory.appendingPathComponent("manifest.json")
        try JSONSerialization.data(withJSONObject: manifest).write(to: manifestURL)
        let output = try ParquetTestEnvironment.runPython(ParquetReadBackScript.source, arguments: [manifestURL.path],
                                                          in: directory)
        let reports = try JSONDecoder().decode([ParquetReadBackReport].self, from: output)
        try #require(reports.count == files.count)
        return reports
    }

    /// Checks that pyarrow read every file back equal to its input; returns the reports.
    @discardableResult
    static func expectReadBack(_ files: [File], sourceLocation: SourceLocation = #_sourceLocation) throws
        -> [ParquetReadBackReport]
    {
        let reports = try check(files)
        for (file, report) in zip(files, reports) {
            #expect(report.mismatches.isEmpty, "\(file.label): \(report.mismatches.joined(separator: "\n"))",
                    sourceLocation: sourceLocation)
        }
        return reports
    }
}
