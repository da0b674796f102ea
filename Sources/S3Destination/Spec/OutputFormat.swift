/// The `format` key: which encoder writes the objects.
public enum OutputFormat: String, Sendable, CaseIterable {
    case csv
    case json
    case parquet

    /// Matches Go's byte-wise string comparison (Swift's `init(rawValue:)` compares Strings by
    /// canonical equivalence, which Go does not).
    init?(goName: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.utf8.elementsEqual(goName.utf8) }) else {
            return nil
        }
        self = match
    }
}

/// The `compression` key (CSV and JSON). `zstd` is beyond the Go plugin, which has only gzip.
public enum OutputCompression: String, Sendable, CaseIterable {
    case none = ""
    case gzip
    case zstd

    /// The suffix `{{FORMAT}}` gets after the format name.
    public var fileExtension: String {
        switch self {
        case .none: return ""
        case .gzip: return ".gz"
        case .zstd: return ".zst"
        }
    }

    /// The Content-Type of compressed objects (nil when the format decides).
    var contentType: String? {
        switch self {
        case .none: return nil
        case .gzip: return "application/gzip"  // IANA application/gzip
        case .zstd: return "application/zstd"  // IANA application/zstd (RFC 8878)
        }
    }

    init?(goName: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.utf8.elementsEqual(goName.utf8) }) else {
            return nil
        }
        self = match
    }

    /// The message for an unsupported value, in Go's wording, listing what this build accepts.
    static var invalidValueMessage: String {
        "`compression` must be either empty, `gzip` or `zstd`"
    }
}

/// Parquet's column-chunk codec (`format_spec.compression`, beyond the Go plugin, which always
/// uses Snappy).
public enum ParquetCompression: String, Sendable, CaseIterable {
    case snappy, zstd, gzip, none
}
