import FileFormats
import GoText
import Testing
@testable import S3Destination

/// `format` / `format_spec` / `compression`: filetypes' `TestSpecMethods` and the messages of
/// `FileSpec.UnmarshalSpec`, `SetDefaults` and `Validate` (cloudquery/filetypes spec.go,
/// csv/spec.go, json/spec.go, parquet/spec.go).
@Suite struct FormatSpecTests {
    static func resolve(_ format: String, _ formatSpec: String?, compression: String = "") -> Result<FormatSpec, SpecError> {
        let value = formatSpec.map { try? GoJSONValue.parse(Array($0.utf8)) } ?? nil
        return FormatSpecDecoder.resolve(format: format, formatSpec: value, compression: compression)
    }

    static func message(_ result: Result<FormatSpec, SpecError>) -> String? {
        if case .failure(let error) = result { return error.message }
        return nil
    }

    // MARK: TestSpecMethods

    @Test func csvEmptyFormatSpecGetsDefaults() throws {
        #expect(try Self.resolve("csv", "{}").get() == .csv(CSVSpec(delimiter: ",", skipHeader: false)))
        #expect(try Self.resolve("csv", nil).get() == .csv(CSVSpec(delimiter: ",", skipHeader: false)))
        #expect(try Self.resolve("csv", "null").get() == .csv(CSVSpec(delimiter: ",", skipHeader: false)))
    }

    @Test func csvValuesAreKept() throws {
        #expect(try Self.resolve("csv", #"{"delimiter":",","skip_header":true}"#).get()
            == .csv(CSVSpec(delimiter: ",", skipHeader: true)))
        #expect(try Self.resolve("csv", #"{"delimiter":"\t"}"#).get() == .csv(CSVSpec(delimiter: "\t")))
        #expect(try Self.resolve("csv", #"{"delimiter":""}"#).get() == .csv(CSVSpec(delimiter: ",")))
    }

    @Test func jsonTakesNoOptions() throws {
        #expect(try Self.resolve("json", nil).get() == .json)
        #expect(try Self.resolve("json", "{}").get() == .json)
        #expect(Self.message(Self.resolve("json", #"{"delimiter":","}"#)) == #"json: unknown field "delimiter""#)
    }

    @Test func unknownFormatSpecKeysAreRejected() {
        #expect(Self.message(Self.resolve("csv", #"{"delimiter22":","}"#)) == #"json: unknown field "delimiter22""#)
        #expect(Self.message(Self.resolve("parquet", #"{"skip_header":true}"#)) == #"json: unknown field "skip_header""#)
        // Keys are visited sorted (Go re-marshals a map), so "a" is reported before "z".
        #expect(Self.message(Self.resolve("csv", #"{"z":1,"a":2}"#)) == #"json: unknown field "a""#)
        #expect(Self.message(Self.resolve("json", "{\"\u{e9}\\n\":1}")) == #"json: unknown field "é\n""#)
    }

    @Test func formatSpecKeysMatchCaseInsensitively() throws {
        #expect(try Self.resolve("csv", #"{"Delimiter":"|","SKIP_HEADER":true}"#).get()
            == .csv(CSVSpec(delimiter: "|", skipHeader: true)))
        // "DELIMITER" sorts before "delimiter", so the lower-case one is applied last and wins.
        #expect(try Self.resolve("csv", #"{"delimiter":";","DELIMITER":"|"}"#).get() == .csv(CSVSpec(delimiter: ";")))
        // A repeated key keeps its last value.
        #expect(try Self.resolve("csv", #"{"delimiter":";","delimiter":"|"}"#).get() == .csv(CSVSpec(delimiter: "|")))
    }

    @Test func wrongTypesInsideFormatSpec() {
        #expect(Self.message(Self.resolve("csv", #"{"delimiter":5}"#))
            == "json: cannot unmarshal number into Go struct field CSVSpec.delimiter of type string")
        #expect(Self.message(Self.resolve("csv", #"{"skip_header":"yes"}"#))
            == "json: cannot unmarshal string into Go struct field CSVSpec.skip_header of type bool")
        #expect(Self.message(Self.resolve("parquet", #"{"max_row_group_length":5.5}"#))
            == "json: cannot unmarshal number 5.5 into Go struct field ParquetSpec.max_row_group_length of type int64")
        #expect(Self.message(Self.resolve("csv", #""x""#)) == "json: cannot unmarshal string into Go value of type csv.CSVSpec")
        #expect(Self.message(Self.resolve("json", "[]")) == "json: cannot unmarshal array into Go value of type json.JSONSpec")
        #expect(Self.message(Self.resolve("parquet", "5")) == "json: cannot unmarshal number into Go value of type parquet.ParquetSpec")
    }

    @Test func numbersGoThroughFloat64LikeGo() throws {
        // 1e3 becomes float64 1000 and is re-encoded as "1000": accepted.
        #expect(try Self.resolve("parquet", #"{"max_row_group_length":1e3}"#).get()
            == .parquet(ParquetSpec(maxRowGroupLength: 1000)))
        // Too big for int64 after the float64 round trip; Go prints the rounded value.
        #expect(Self.message(Self.resolve("parquet", #"{"max_row_group_length":12345678901234567890}"#))
            == "json: cannot unmarshal number 12345678901234567000 into Go struct field ParquetSpec.max_row_group_length of type int64")
        #expect(Self.message(Self.resolve("parquet", #"{"max_row_group_length":1e21}"#))
            == "json: cannot unmarshal number 1e+21 into Go struct field ParquetSpec.max_row_group_length of type int64")
    }

    @Test func unknownFormat() {
        #expect(Self.message(Self.resolve("", nil)) == "unknown format ")
        #expect(Self.message(Self.resolve("CSV", nil)) == "unknown format CSV")
        #expect(Self.message(Self.resolve("tsv", #"{"delimiter":"\t"}"#)) == "unknown format tsv")
    }

    @Test func compressionRules() throws {
        #expect(try Self.resolve("csv", nil, compression: "gzip").get() == .csv(CSVSpec()))
        #expect(try Self.resolve("json", nil, compression: "gzip").get() == .json)
        #expect(try Self.resolve("json", nil, compression: "zstd").get() == .json)  // beyond Go
        #expect(Self.message(Self.resolve("json", nil, compression: "GZIP")) == "`compression` must be either empty, `gzip` or `zstd`")
        #expect(Self.message(Self.resolve("parquet", nil, compression: "gzip")) == "compression is not supported for parquet format")
        #expect(Self.message(Self.resolve("parquet", nil, compression: "lz4")) == "`compression` must be either empty, `gzip` or `zstd`")
        // Decode errors come before compression errors.
        #expect(Self.message(Self.resolve("csv", #"{"x":1}"#, compression: "lz4")) == #"json: unknown field "x""#)
        // The compression check comes before the format's own checks.
        #expect(Self.message(Self.resolve("csv", #"{"delimiter":"ab"}"#, compression: "lz4"))
            == "`compression` must be either empty, `gzip` or `zstd`")
    }

    @Test func csvDelimiterMustBeOneByte() {
        let message = "delimiter must be a single character"
        #expect(Self.message(Self.resolve("csv", #"{"delimiter":"ab"}"#)) == message)
        #expect(Self.message(Self.resolve("csv", #"{"delimiter":"é"}"#)) == message)  // 2 bytes in UTF-8
        #expect(Self.message(Self.resolve("csv", #"{"delimiter":"\u0001"}"#)) == nil)
        #expect(CSVSpec(delimiter: "\t").delimiterByte == 9)
        #expect(CSVSpec(delimiter: ";").delimiterScalar == ";")
    }

    @Test func parquetDefaultsAndMessages() throws {
        #expect(try Self.resolve("parquet", nil).get()
            == .parquet(ParquetSpec(version: .v2Latest, rootRepetition: .repeated, maxRowGroupLength: 134_217_728)))
        #expect(try Self.resolve("parquet", #"{"version":"v1.0","root_repetition":"undefined","max_row_group_length":256}"#).get()
            == .parquet(ParquetSpec(version: .v1_0, rootRepetition: .undefined, maxRowGroupLength: 256)))
        #expect(Self.message(Self.resolve("parquet", #"{"version":"2.6"}"#))
            == "invalid version: 2.6. Allowed values are v1.0, v2.4, v2.6, v2Latest")
        #expect(Self.message(Self.resolve("parquet", #"{"root_repetition":"Optional"}"#))
            == "invalid rootRepetition: Optional. Allowed values are undefined, required, optional, repeated")
        #expect(Self.message(Self.resolve("parquet", #"{"max_row_group_length":-4}"#))
            == "invalid: maxRowGroupLength: -4. Must be zero or positive")
        // Version is checked before root repetition.
        #expect(Self.message(Self.resolve("parquet", #"{"version":"x","root_repetition":"y"}"#))
            == "invalid version: x. Allowed values are v1.0, v2.4, v2.6, v2Latest")
        // A null max_row_group_length means "default".
        #expect(try Self.resolve("parquet", #"{"max_row_group_length":null}"#).get() == .parquet(ParquetSpec()))
    }

    @Test func zeroRowGroupLengthIsRefusedInsteadOfHanging() throws {
        #expect(Self.message(Self.resolve("parquet", #"{"max_row_group_length":0}"#))
            == "invalid: maxRowGroupLength: 0. Must be positive (rows per row group; the default is 134217728)")
    }

    @Test func parquetCodecDefaultsToSnappyAndIsValidated() throws {
        #expect(try Self.resolve("parquet", "{}").get() == .parquet(ParquetSpec(compression: .snappy)))
        #expect(try Self.resolve("parquet", #"{"compression":"zstd"}"#).get() == .parquet(ParquetSpec(compression: .zstd)))
        #expect(Self.message(Self.resolve("parquet", #"{"compression":"lz4"}"#))
            == "invalid compression: lz4. Allowed values are snappy, zstd, gzip, none")
    }

    @Test func compressionEnumIsTheSingleSourceOfAcceptedValues() {
        #expect(ObjectCompression.allCases.map(\.goName) == ["", "gzip", "zstd"])
        #expect(ObjectCompression.zstd.fileExtension == ".zst")
        #expect(ObjectCompression.gzip.fileExtension == ".gz")
        #expect(ObjectCompression.none.fileExtension == "")
        #expect(ObjectCompression.invalidValueMessage == "`compression` must be either empty, `gzip` or `zstd`")
        #expect(ObjectCompression(goName: "gzip") == .gzip)
        #expect(ObjectCompression(goName: "") == ObjectCompression.none)
        #expect(ObjectCompression(goName: "gz") == nil)
    }
}
