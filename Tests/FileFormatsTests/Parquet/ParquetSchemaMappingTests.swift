@testable import Arrow
@testable import FileFormats
import Foundation
import TestSupport
import Testing

/// The Parquet schema the encoder writes is the Go plugin's (filetypes `parquet/write.go`
/// `convertSchema`, arrow-go `parquet/pqarrow/schema.go`): physical and logical types per Arrow type, strings for the converted types, 3-level
/// LIST and MAP groups, required/optional, root repetition, key-value metadata, created_by.
@Suite(.requires(.python)) struct ParquetSchemaMappingPythonTests {
    /// Parquet thrift enum values, named for readability.
    enum Converted {
        static let utf8 = 0, map = 1, list = 3, decimal = 5, date = 6
        static let timestampMillis = 9, timestampMicros = 10
        static let uint8 = 11, uint16 = 12, uint32 = 13, uint64 = 14, int8 = 15, int16 = 16, int32 = 17, int64 = 18
    }

    static func report(_ input: String, _ options: ParquetWriterOptions = ParquetWriterOptions()) throws -> ParquetReadBackReport {
        let bytes = try ParquetTestEncoding.encode(try ParquetInputs.stream(input), options: options)
        let reports = try ParquetReadBack.expectReadBack([.init(input, bytes, input: input, version: options.version)])
        return try #require(reports.first)
    }

    @Test func primitiveTypes() throws {
        let report = try Self.report("primitives")
        // path: (physical, logical as pyarrow prints it, FIXED_LEN_BYTE_ARRAY length)
        let expected: [String: (String, String?, Int)] = [
            "bool": ("BOOLEAN", nil, 0),
            "int8": ("INT32", "Int(bitWidth=8, isSigned=true)", 0),
            "int16": ("INT32", "Int(bitWidth=16, isSigned=true)", 0),
            "int32": ("INT32", "Int(bitWidth=32, isSigned=true)", 0),
            "int64": ("INT64", "Int(bitWidth=64, isSigned=true)", 0),
            "uint8": ("INT32", "Int(bitWidth=8, isSigned=false)", 0),
            "uint16": ("INT32", "Int(bitWidth=16, isSigned=false)", 0),
            "uint32": ("INT32", "Int(bitWidth=32, isSigned=false)", 0),
            "uint64": ("INT64", "Int(bitWidth=64, isSigned=false)", 0),
            "float32": ("FLOAT", nil, 0),
            "float64": ("DOUBLE", nil, 0),
            "utf8": ("BYTE_ARRAY", "String", 0),
            "large_utf8": ("BYTE_ARRAY", "String", 0),
            "binary": ("BYTE_ARRAY", nil, 0),
            "large_binary": ("BYTE_ARRAY", "String", 0),
            "fixed_size_binary": ("FIXED_LEN_BYTE_ARRAY", nil, 3),
            "date32": ("INT32", "Date", 0),
            "date64": ("INT32", "Date", 0),
            "time32_s": ("INT32", "Time(isAdjustedToUTC=false, timeUnit=milliseconds)", 0),
            "time32_ms": ("INT32", "Time(isAdjustedToUTC=false, timeUnit=milliseconds)", 0),
            "time64_us": ("INT64", "Time(isAdjustedToUTC=false, timeUnit=microseconds)", 0),
            "time64_ns": ("INT64", "Time(isAdjustedToUTC=false, timeUnit=nanoseconds)", 0),
            "float16": ("FIXED_LEN_BYTE_ARRAY", "Float16", 2),
            "dec_10_2": ("FIXED_LEN_BYTE_ARRAY", "Decimal(precision=10, scale=2)", 5),
            "dec_38_10": ("FIXED_LEN_BYTE_ARRAY", "Decimal(precision=38, scale=10)", 16),
            "dec_5_0": ("FIXED_LEN_BYTE_ARRAY", "Decimal(precision=5, scale=0)", 3),
            "dec256_76_20": ("FIXED_LEN_BYTE_ARRAY", "Decimal(precision=76, scale=20)", 32),
            "dec256_20_3": ("FIXED_LEN_BYTE_ARRAY", "Decimal(precision=20, scale=3)", 9),
            "null": ("INT32", "Null", 0),
        ]
        #expect(report.columns?.count == expected.count)
        for (path, (physical, logical, length)) in expected {
            let column = try #require(report.column(path), "no column \(path)")
            #expect(column.physical == physical, "\(path)")
            #expect((column.logical == "None" ? nil : column.logical) == logical, "\(path)")
            #expect(column.maxDef == 1 && column.maxRep == 0, "\(path)")
            if physical == "FIXED_LEN_BYTE_ARRAY" { #expect(column.length == length, "\(path)") }
        }
        #expect(report.column("dec_10_2")?.precision == 10)
        #expect(report.column("dec_10_2")?.scale == 2)
        // The legacy converted types next to the logical ones, as arrow-go writes them.
        let converted: [String: Int?] = [
            "int8": Converted.int8, "int16": Converted.int16, "int32": Converted.int32, "int64": Converted.int64,
            "uint8": Converted.uint8, "uint16": Converted.uint16, "uint32": Converted.uint32, "uint64": Converted.uint64,
            "utf8": Converted.utf8, "large_binary": Converted.utf8, "date64": Converted.date, "dec_5_0": Converted.decimal,
            "binary": nil, "time32_ms": nil, "time64_ns": nil, "float16": nil, "null": nil, "bool": nil,
        ]
        for (name, value) in converted {
            #expect(report.element(name)?.converted == value, "\(name)")
        }
    }

    @Test func requiredColumns() throws {
        let report = try Self.report("required")
        let columns = try #require(report.columns)
        #expect(!columns.isEmpty)
        for column in columns {
            #expect(column.maxDef == 0, "\(column.path) should be required")
        }
        for element in (report.elements ?? []).dropFirst() {
            #expect(element.repetition == 0, "\(element.name)")
        }
    }

    /// `s` becomes MILLIS; `ns` becomes MICROS for formats 1.0 and 2.4; a zone makes it UTC.
    @Test("timestamp units and UTC flag", arguments: ParquetWriterOptions.FormatVersion.allCases)
    func timestamps(version: ParquetWriterOptions.FormatVersion) throws {
        var options = ParquetWriterOptions()
        options.version = version
        let report = try Self.report("timestamps", options)
        let nanos = version == .v2_6
        for unit in ["s", "ms", "us", "ns"] {
            let target: String
            switch unit {
            case "s", "ms": target = "milliseconds"
            case "us": target = "microseconds"
            default: target = nanos ? "nanoseconds" : "microseconds"
            }
            for (suffix, utc) in [("", false), ("_utc", true), ("_ny", true)] {
                let path = "ts_\(unit)\(suffix)"
                let column = try #require(report.column(path))
                #expect(column.physical == "INT64")
                #expect(column.logical?.hasPrefix("Timestamp(isAdjustedToUTC=\(utc), timeUnit=\(target),") == true,
                        "\(path): \(column.logical ?? "nil")")
                // arrow-go forces TIMESTAMP_MILLIS/MICROS even on zone-naive timestamps; NANOS has none.
                let converted: Int? = target == "milliseconds" ? Converted.timestampMillis
                    : target == "microseconds" ? Converted.timestampMicros : nil
                #expect(report.element(path)?.converted == converted, "\(path)")
            }
        }
    }

    @Test func convertedToStrings() throws {
        let report = try Self.report("strings")
        for path in ["uuid", "json", "inet", "mac", "uuid_req", "dur_s", "dur_ms", "dur_us", "dur_ns", "mdn"] {
            let column = try #require(report.column(path))
            #expect(column.physical == "BYTE_ARRAY" && column.logical == "String", "\(path)")
        }
        #expect(report.column("uuid_req")?.maxDef == 0)
        let intervals = try Self.report("intervals")
        for path in ["months", "day_time", "months_list.list.element"] {
            #expect(intervals.column(path)?.logical == "String", "\(path)")
        }
    }

    @Test func nestedGroupsAndLevels() throws {
        let report = try Self.report("nested")
        // path: (max definition level, max repetition level)
        let levels: [String: (Int, Int)] = [
            "list_int64.list.element": (3, 1),
            "fixed_list_i32.list.element": (3, 1),
            "large_list_f64.list.element": (3, 1),
            "struct.x": (2, 0),
            "struct.inner.flag": (3, 0),
            "map.key_value.key": (2, 1),
            "map.key_value.value": (3, 1),
            "map_large.key_value.value.list.element": (5, 2),
            "list_struct.list.element.inner.flag": (5, 1),
            "list_list_i8.list.element.list.element": (5, 2),
            "req_struct.a": (0, 0),
            "req_struct.b": (1, 0),
            "req_list.list.element": (2, 1),
            "uuid_list.list.element": (3, 1),
        ]
        for (path, (definition, repetition)) in levels {
            let column = try #require(report.column(path), "no column \(path)")
            #expect(column.maxDef == definition && column.maxRep == repetition,
                    "\(path): def \(column.maxDef) rep \(column.maxRep)")
        }
        let listGroup = try #require(report.element("list_int64"))
        #expect(listGroup.converted == Converted.list && listGroup.logical == 3 && listGroup.numChildren == 1)
        let repeated = try #require(report.elements?.first { $0.name == "list" })
        #expect(repeated.repetition == 2)
        let mapGroup = try #require(report.element("map"))
        #expect(mapGroup.converted == Converted.map && mapGroup.logical == 2)
        let keyValue = try #require(report.elements?.first { $0.name == "key_value" })
        #expect(keyValue.repetition == 2 && keyValue.converted == nil && keyValue.numChildren == 2)
        #expect(report.element("key")?.repetition == 0)
        #expect(report.element("value")?.repetition == 1)
        #expect(report.element("struct")?.logical == nil && report.element("struct")?.numChildren == 3)
    }

    @Test("root repetition", arguments: ParquetWriterOptions.RootRepetition.allCases)
    func rootRepetition(root: ParquetWriterOptions.RootRepetition) throws {
        var options = ParquetWriterOptions()
        options.rootRepetition = root
        let report = try Self.report("nested", options)
        let expected: Int?
        switch root {
        case .undefined: expected = nil
        case .required: expected = 0
        case .optional: expected = 1
        case .repeated: expected = 2
        }
        #expect(report.root?.repetition == expected)
        #expect(report.root?.name == "schema")
        #expect(report.root?.numChildren == 15)
    }

    @Test func fileMetadata() throws {
        let stream = try ParquetInputs.stream("primitives")
        let report = try Self.report("primitives")
        let sorted = stream.schema.metadata.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(report.keyValue?.map { $0[0] } == sorted)
        #expect(report.keyValue?.map { $0[1] } == sorted.map { stream.schema.metadata[$0] ?? "" })
        #expect(report.keyValue?.contains { $0[0] == "ARROW:schema" } == false)
        #expect(report.createdBy == "parquet-go version 18.7.0")
        #expect(report.columnOrders == report.columns?.count)
        #expect(report.formatVersion == 2)

        var options = ParquetWriterOptions()
        options.version = .v1_0
        options.createdBy = "cq-dest-s3 test"
        let v1 = try Self.report("nested", options)
        #expect(v1.formatVersion == 1)
        #expect(v1.createdBy == "cq-dest-s3 test")
        // No schema metadata: no key-value list at all.
        #expect(v1.keyValue?.isEmpty == true)
    }

    /// arrow-go: RLE_DICTIONARY data pages and a PLAIN dictionary page, PLAIN_DICTIONARY for both in 1.0.
    @Test("dictionary encodings per version", arguments: ParquetWriterOptions.FormatVersion.allCases)
    func dictionaryEncodings(version: ParquetWriterOptions.FormatVersion) throws {
        var options = ParquetWriterOptions()
        options.version = version
        let report = try Self.report("primitives", options)
        let chunk = try #require(report.chunks("utf8").first)
        let indexEncoding = version == .v1_0 ? "PLAIN_DICTIONARY" : "RLE_DICTIONARY"
        #expect(chunk.hasDictionaryPage)
        #expect(Set(chunk.encodings) == [indexEncoding, "PLAIN", "RLE"])
        let pageEncoding: Int64 = version == .v1_0 ? 2 : 0
        #expect(chunk.pages.first == [.int(2), .int(7), .int(pageEncoding), .bool(false)])  // 7 distinct strings
        #expect(chunk.pages.dropFirst().allSatisfy { $0[0] == .int(0) && $0[2] == .int(version == .v1_0 ? 2 : 8) })
        let booleans = try #require(report.chunks("bool").first)
        #expect(!booleans.hasDictionaryPage && Set(booleans.encodings) == ["PLAIN", "RLE"])
    }
}
