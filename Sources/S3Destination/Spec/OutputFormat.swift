import FileFormats

/// The `format` key: which encoder writes the objects.
enum OutputFormat: String, Sendable, CaseIterable {
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

/// The `compression` key (CSV and JSON): FileFormats' object compression under the spec's names.
/// `zstd` is beyond the Go plugin, which has only gzip.
extension ObjectCompression {
    /// The spec value: `""`, `gzip` or `zstd`.
    var goName: String {
        switch self {
        case .none: return ""
        case .gzip: return "gzip"
        case .zstd: return "zstd"
        }
    }

    /// Byte-wise, as Go compares strings.
    init?(goName: String) {
        guard let match = Self.allCases.first(where: { $0.goName.utf8.elementsEqual(goName.utf8) }) else {
            return nil
        }
        self = match
    }

    /// The Content-Type of compressed objects (nil when the format decides).
    var contentType: String? {
        switch self {
        case .none: return nil
        case .gzip: return "application/gzip"  // IANA application/gzip
        case .zstd: return "application/zstd"  // IANA application/zstd (RFC 8878)
        }
    }

    /// The message for an unsupported value, in Go's wording, listing what this build accepts.
    static var invalidValueMessage: String {
        "`compression` must be either empty, `gzip` or `zstd`"
    }
}
