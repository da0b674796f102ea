/// The plugin's `spec:` block as the Go plugin holds it before and after `Validate()` /
/// `SetDefaults()`: optionals are Go's pointer fields (absent vs. explicitly set), strings are
/// kept raw so validation can reject them with Go's messages.
///
/// Production code should use `DestinationConfig.load`, which runs the whole Go init sequence
/// and hands back non-optional, typed values.
public struct DestinationSpec: Sendable, Equatable {
    // From the embedded filetypes.FileSpec.
    public var format: String = ""
    /// `format_spec` exactly as decoded (any JSON value); interpreted by `validate()`.
    var formatSpecJSON: SpecJSONValue? = nil
    public var compression: String = ""

    public var bucket: String = ""
    public var region: String = ""
    public var localProfile: String = ""
    public var credentials: SpecCredentials? = nil
    public var path: String = ""
    public var noRotate: Bool = false
    public var athena: Bool = false
    public var testWrite: Bool? = nil
    public var contentType: String = ""
    public var endpoint: String = ""
    public var serverSideEncryptionConfiguration: ServerSideEncryptionConfiguration? = nil
    public var usePathStyle: Bool = false
    public var endpointSkipTLSVerify: Bool = false
    public var acl: String = ""
    /// JSON key `write_empty_objects_for_empty_tables` (Go field `GenerateEmptyObjects`).
    public var writeEmptyObjectsForEmptyTables: Bool = false
    public var batchSize: Int64? = nil
    public var batchSizeBytes: Int64? = nil
    public var batchTimeout: GoDuration? = nil
    public var awsDebug: Bool = false
    public var maxRetries: Int? = nil
    /// Seconds.
    public var maxBackoff: Int? = nil
    public var partSize: Int64? = nil

    /// `format` + `format_spec` after `validate()` succeeded (Go keeps these in FileSpec's
    /// private fields, filled by `Validate()`).
    public internal(set) var resolvedFormat: FormatSpec? = nil

    public init() {}

    /// Decodes the Init request's spec bytes with Go `encoding/json` semantics (see
    /// `SpecDecoder`). Throws `SpecError(.decode, "failed to unmarshal s3 spec: ...")`.
    public init<Bytes: Collection>(json bytes: Bytes) throws where Bytes.Element == UInt8 {
        self = try SpecDecoder.decodeSpec(bytes)
    }
}

/// Placeholder names (Go `var*` constants in `client/spec/spec.go`).
enum PathVariable {
    static let format = "{{FORMAT}}"
    static let table = "{{TABLE}}"
    static let uuid = "{{UUID}}"
    static let year = "{{YEAR}}"
    static let month = "{{MONTH}}"
    static let day = "{{DAY}}"
    static let hour = "{{HOUR}}"
    static let minute = "{{MINUTE}}"
    static let syncID = "{{SYNC_ID}}"
    static let tableHyphen = "{{TABLE_HYPHEN}}"
}

/// Byte-wise string helpers: Go's `strings.Contains` and `==` compare bytes, while Swift's
/// `String` compares by canonical equivalence and grapheme clusters.
enum GoStrings {
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        let h = Array(haystack.utf8)
        let n = Array(needle.utf8)
        return firstRange(of: n, in: h, from: 0) != nil
    }

    static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }

    /// Go's `strings.ReplaceAll`: non-overlapping, left to right.
    static func replaceAll(_ s: [UInt8], _ old: [UInt8], _ new: [UInt8]) -> [UInt8] {
        guard !old.isEmpty, var match = firstRange(of: old, in: s, from: 0) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var copied = 0
        while true {
            out.append(contentsOf: s[copied..<match])
            out.append(contentsOf: new)
            copied = match + old.count
            guard let next = firstRange(of: old, in: s, from: copied) else { break }
            match = next
        }
        out.append(contentsOf: s[copied...])
        return out
    }

    static func firstRange(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard haystack.count >= needle.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0] {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
