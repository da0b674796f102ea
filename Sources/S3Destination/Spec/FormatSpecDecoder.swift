import FileFormats
import GoText

/// filetypes' `FileSpec.UnmarshalSpec` + `SetDefaults` + `Validate`: `format_spec` decoded
/// strictly (unknown keys refused with `json: unknown field "x"`) into the spec of the chosen
/// format, defaults applied, then checked with filetypes' messages.
enum FormatSpecDecoder {
    /// The values as decoded, before defaults (Go's CSVSpec / ParquetSpec structs).
    private struct CSVDraft {
        var skipHeader = false
        var delimiter = ""
    }

    enum CSVField { case skipHeader, delimiter }
    static let csvFields: [(name: String, field: CSVField)] = [
        ("skip_header", .skipHeader), ("delimiter", .delimiter),
    ]

    enum ParquetField { case version, rootRepetition, maxRowGroupLength, compression }
    static let parquetFields: [(name: String, field: ParquetField)] = [
        ("version", .version), ("root_repetition", .rootRepetition), ("max_row_group_length", .maxRowGroupLength),
        ("compression", .compression),  // beyond Go
    ]

    /// `format_spec.compression` values in the order the error message lists them (default first).
    static let parquetCodecs: [ParquetWriterOptions.Compression] = [.snappy, .zstd, .gzip, .none]

    private struct ParquetDraft {
        var version = ""
        var rootRepetition = ""
        var maxRowGroupLength: Int64? = nil
        var compression = ""
    }

    /// Returns the validated format spec or Go's error message.
    static func resolve(format: String, formatSpec: GoJSONValue?, compression: String) -> Result<FormatSpec, SpecError> {
        // UnmarshalSpec: dispatch on the format first (an empty format is "unknown" too).
        guard let outputFormat = OutputFormat(goName: format) else {
            return .failure(SpecError(.validation, "unknown format \(format)"))
        }
        let members: [(key: String, value: GoJSONValue)]
        switch marshalRoundTrip(formatSpec) {
        case .success(let m): members = m
        case .failure(let error):
            return .failure(SpecError(.validation, GoJSON.typeError(error.kind, goType: goTypeName(outputFormat), nil)))
        }

        var state = GoDecodeState()
        let formatSpec: FormatSpec
        switch outputFormat {
        case .csv:
            var draft = CSVDraft()
            for (key, value) in members {
                guard let (name, field) = GoJSONFieldName.match(key, in: csvFields) else {
                    state.save("json: unknown field \(GoQuote.quote(key))")
                    continue
                }
                let context = GoFieldContext(structName: "CSVSpec", fieldPath: [name])
                switch field {
                case .skipHeader:
                    if let b = GoJSON.bool(value, context, &state) { draft.skipHeader = b }
                case .delimiter:
                    if let s = GoJSON.string(value, context, &state) { draft.delimiter = s }
                }
            }
            if let message = state.savedError { return .failure(SpecError(.validation, message)) }
            // SetDefaults
            let delimiter = draft.delimiter.isEmpty ? "," : draft.delimiter
            formatSpec = .csv(CSVSpec(delimiter: delimiter, skipHeader: draft.skipHeader))
        case .json:
            for (key, _) in members {
                state.save("json: unknown field \(GoQuote.quote(key))")
            }
            if let message = state.savedError { return .failure(SpecError(.validation, message)) }
            formatSpec = .json
        case .parquet:
            var draft = ParquetDraft()
            for (key, value) in members {
                guard let (name, field) = GoJSONFieldName.match(key, in: parquetFields) else {
                    state.save("json: unknown field \(GoQuote.quote(key))")
                    continue
                }
                let context = GoFieldContext(structName: "ParquetSpec", fieldPath: [name])
                switch field {
                case .version:
                    if let s = GoJSON.string(value, context, &state) { draft.version = s }
                case .rootRepetition:
                    if let s = GoJSON.string(value, context, &state) { draft.rootRepetition = s }
                case .maxRowGroupLength:
                    draft.maxRowGroupLength = GoJSON.optionalInt64(
                        value, goType: "int64", current: draft.maxRowGroupLength, context, &state)
                case .compression:
                    if let s = GoJSON.string(value, context, &state) { draft.compression = s }
                }
            }
            if let message = state.savedError { return .failure(SpecError(.validation, message)) }
            // SetDefaults, then the Parquet checks come after the compression check below.
            let version = draft.version.isEmpty ? "v2Latest" : draft.version
            let repetition = draft.rootRepetition.isEmpty ? "repeated" : draft.rootRepetition
            let maxRows = draft.maxRowGroupLength ?? ParquetSpec.defaultMaxRowGroupLength
            guard ObjectCompression(goName: compression) != nil else {
                return .failure(SpecError(.validation, ObjectCompression.invalidValueMessage))
            }
            if !compression.isEmpty {
                return .failure(SpecError(.validation, "compression is not supported for parquet format"))
            }
            guard let parsedVersion = ParquetVersion.allCases.first(where: { GoStrings.equal($0.rawValue, version) }) else {
                let allowed = ParquetVersion.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(SpecError(.validation, "invalid version: \(version). Allowed values are \(allowed)"))
            }
            guard let parsedRepetition = ParquetWriterOptions.RootRepetition.allCases.first(where: { GoStrings.equal($0.rawValue, repetition) }) else {
                let allowed = ParquetWriterOptions.RootRepetition.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(SpecError(
                    .validation, "invalid rootRepetition: \(repetition). Allowed values are \(allowed)"))
            }
            if maxRows < 0 {
                return .failure(SpecError(
                    .validation, "invalid: maxRowGroupLength: \(maxRows). Must be zero or positive"))
            }
            // Go accepts 0 and then loops forever writing empty row groups: refuse it instead.
            if maxRows == 0 {
                return .failure(SpecError(
                    .validation,
                    "invalid: maxRowGroupLength: 0. Must be positive (rows per row group; the default is \(ParquetSpec.defaultMaxRowGroupLength))"))
            }
            let codecName = draft.compression.isEmpty ? ParquetWriterOptions.Compression.snappy.rawValue : draft.compression
            guard let codec = parquetCodecs.first(where: { GoStrings.equal($0.rawValue, codecName) }) else {
                let allowed = parquetCodecs.map(\.rawValue).joined(separator: ", ")
                return .failure(SpecError(.validation, "invalid compression: \(codecName). Allowed values are \(allowed)"))
            }
            return .success(.parquet(ParquetSpec(
                version: parsedVersion, rootRepetition: parsedRepetition, maxRowGroupLength: maxRows, compression: codec)))
        }

        // FileSpec.Validate for CSV / JSON: compression first, then the format's own checks.
        guard ObjectCompression(goName: compression) != nil else {
            return .failure(SpecError(.validation, ObjectCompression.invalidValueMessage))
        }
        if case .csv(let csv) = formatSpec, csv.delimiter.utf8.count != 1 {
            return .failure(SpecError(.validation, "delimiter must be a single character"))
        }
        return .success(formatSpec)
    }

    private static func goTypeName(_ format: OutputFormat) -> String {
        switch format {
        case .csv: return "csv.CSVSpec"
        case .json: return "json.JSONSpec"
        case .parquet: return "parquet.ParquetSpec"
        }
    }

    /// What the strict decoder sees after Go's `json.Marshal(FormatSpec)`: object keys
    /// de-duplicated (a Go map keeps the last value) and sorted byte-wise, numbers rewritten
    /// through float64. `null` or absent gives no members; a non-object fails with its kind.
    private static func marshalRoundTrip(
        _ value: GoJSONValue?
    ) -> Result<[(key: String, value: GoJSONValue)], KindError> {
        guard let value, value != .null else { return .success([]) }
        guard case .object(let members) = value else {
            return .failure(KindError(kind: value.goKindName))
        }
        var lastIndexByKey: [[UInt8]: Int] = [:]
        for (index, member) in members.enumerated() {
            lastIndexByKey[Array(member.key.utf8)] = index
        }
        let kept = lastIndexByKey
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            .map { members[$0.value] }
        return .success(kept.map { member in
            if case .number(let literal) = member.value, let double = GoFloatFormatting.parseFloat64(literal) {
                return (member.key, .number(GoFloatFormatting.encodingJSONText(double)))
            }
            return (member.key, member.value)
        })
    }

    private struct KindError: Error {
        let kind: String
    }
}
