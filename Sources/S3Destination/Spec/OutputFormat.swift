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

/// The `compression` key. Adding a codec (e.g. zstd) means adding one case here with its
/// `fileExtension` and content type; `init(goName:)` and validation pick it up.
public enum OutputCompression: String, Sendable, CaseIterable {
    case none = ""
    case gzip

    /// The suffix `{{FORMAT}}` gets after the format name.
    public var fileExtension: String {
        switch self {
        case .none: return ""
        case .gzip: return ".gz"
        }
    }

    /// The Content-Type of compressed objects (nil when the format decides).
    var contentType: String? {
        switch self {
        case .none: return nil
        case .gzip: return "application/gzip"  // IANA application/gzip
        }
    }

    init?(goName: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.utf8.elementsEqual(goName.utf8) }) else {
            return nil
        }
        self = match
    }

    /// Go's message for an unsupported value, listing what this build accepts.
    static var invalidValueMessage: String {
        let named = allCases.filter { $0 != .none }.map { "`\($0.rawValue)`" }
        if named.count == 1 {
            return "`compression` must be either empty or \(named[0])"
        }
        return "`compression` must be either empty or one of " + named.joined(separator: ", ")
    }
}
