import FileFormats
import Foundation
import Testing

@testable import S3Destination

/// The JSON schema served to the CLI is written by hand (its `errorMessage`s, `if`/`then` rules
/// and descriptions are the CLI's contract); these tests fail when it and the tables the decoder
/// and validator use drift apart: a key added to one and not the other, or a default changed on
/// one side only.
@Suite struct SpecSchemaKeyTableTests {
    static func definitions() throws -> [String: Any] {
        let root = try JSONSerialization.jsonObject(with: Data(DestinationSpecSchema.json.utf8)) as? [String: Any]
        return try #require(root?["$defs"] as? [String: Any])
    }

    static func properties(_ definition: String) throws -> [String: Any] {
        let def = try #require(try definitions()[definition] as? [String: Any], "no $defs.\(definition)")
        return try #require(def["properties"] as? [String: Any], "no $defs.\(definition).properties")
    }

    /// A property's `default`, directly or inside its `oneOf`/`anyOf` alternatives.
    static func schemaDefault(_ property: Any?) -> Any? {
        guard let object = property as? [String: Any] else { return nil }
        if let value = object["default"] { return value }
        for alternatives in [object["oneOf"], object["anyOf"]] {
            for alternative in (alternatives as? [Any]) ?? [] {
                if let value = schemaDefault(alternative) { return value }
            }
        }
        return nil
    }

    @Test func schemaKeysAreTheDecodersKeys() throws {
        #expect(Set(try Self.properties("Spec").keys) == Set(SpecDecoder.keys.map(\.name)))
        #expect(Set(try Self.properties("Credentials").keys) == Set(SpecDecoder.credentialKeys.map(\.name)))
        #expect(Set(try Self.properties("ServerSideEncryptionConfiguration").keys) == Set(SpecDecoder.sseKeys.map(\.name)))
        #expect(Set(try Self.properties("CSVSpec").keys) == Set(FormatSpecDecoder.csvFields.map(\.name)))
        #expect(Set(try Self.properties("ParquetSpec").keys) == Set(FormatSpecDecoder.parquetFields.map(\.name)))
    }

    @Test func schemaDefaultsAreTheDefaultsApplied() throws {
        let spec = try Self.properties("Spec")
        func number(_ key: String) -> Int64? { (Self.schemaDefault(spec[key]) as? NSNumber)?.int64Value }
        #expect(number("batch_size") == DestinationSpec.defaultBatchSize)
        #expect(number("batch_size_bytes") == DestinationSpec.defaultBatchSizeBytes)
        #expect(Self.schemaDefault(spec["batch_timeout"]) as? String == DestinationSpec.defaultBatchTimeout.description)
        #expect(number("max_retries") == Int64(DestinationSpec.defaultMaxRetries))
        #expect(number("max_backoff") == Int64(DestinationSpec.defaultMaxBackoffSeconds))
        #expect(number("part_size") == DestinationSpec.defaultPartSize)
        #expect(number("memory_budget_bytes") == DestinationSpec.defaultMemoryBudgetBytes)
        #expect(number("max_concurrent_requests") == Int64(DestinationSpec.defaultMaxConcurrentRequests))
        #expect(number("max_open_partitions") == DestinationSpec.defaultMaxOpenPartitions)
        #expect(Self.schemaDefault(spec["test_write"]) as? Bool == true)

        let csv = try Self.properties("CSVSpec"), defaultCSV = CSVSpec()
        #expect(Self.schemaDefault(csv["delimiter"]) as? String == defaultCSV.delimiter)
        #expect(Self.schemaDefault(csv["skip_header"]) as? Bool == defaultCSV.skipHeader)
        let parquet = try Self.properties("ParquetSpec"), defaultParquet = ParquetSpec()
        #expect(Self.schemaDefault(parquet["version"]) as? String == defaultParquet.version.rawValue)
        #expect(Self.schemaDefault(parquet["root_repetition"]) as? String == defaultParquet.rootRepetition.rawValue)
        #expect((Self.schemaDefault(parquet["max_row_group_length"]) as? NSNumber)?.int64Value == defaultParquet.maxRowGroupLength)
        #expect(Self.schemaDefault(parquet["compression"]) as? String == defaultParquet.compression.rawValue)
    }

    @Test func schemaEnumsAreTheValuesValidationAccepts() throws {
        let spec = try Self.properties("Spec")
        func values(_ property: Any?) -> [String] { ((property as? [String: Any])?["enum"] as? [String]) ?? [] }
        #expect(values(spec["format"]) == OutputFormat.allCases.map(\.rawValue))
        #expect(values(spec["compression"]) == ObjectCompression.allCases.map(\.goName))
        #expect(values(spec["request_checksum_calculation"]) == DestinationSpec.checksumCalculations)
        #expect(Set(values(spec["storage_class"])) == Set([""] + ObjectOptions.storageClasses))
        let parquet = try Self.properties("ParquetSpec")
        #expect(values(parquet["compression"]) == FormatSpecDecoder.parquetCodecs.map(\.rawValue))
        #expect(Set(values(parquet["version"])) == Set(ParquetVersion.allCases.map(\.rawValue)))
        #expect(Set(values(parquet["root_repetition"])) == Set(ParquetWriterOptions.RootRepetition.allCases.map(\.rawValue)))
    }
}
