import AWSAuth

/// Spec keys beyond the Go plugin that set headers on every data object, as Vector, Fluent Bit,
/// Kafka Connect and Redpanda Connect offer them: `storage_class`, `tags`, `metadata`,
/// `content_encoding` and `if_none_match`. Each is checked at Init against the limits S3 documents,
/// so a bad value is named there instead of failing every upload of the sync.
struct ObjectOptions: Sendable, Equatable {
    /// `x-amz-storage-class`; "" = the bucket's default (STANDARD).
    var storageClass: String = ""
    /// `x-amz-tagging`, URL-encoded.
    var tags: [String: String] = [:]
    /// `x-amz-meta-<key>`; keys are sent lower-case (S3 stores them so).
    var metadata: [String: String] = [:]
    /// `Content-Encoding`; "" = none.
    var contentEncoding: String = ""
    /// `If-None-Match: *` on PutObject and CompleteMultipartUpload: an existing key is never overwritten.
    var ifNoneMatch: Bool = false

    init() {}

    /// The values `x-amz-storage-class` accepts (aws-sdk-go-v2 `service/s3/types` `StorageClass.Values()`).
    static let storageClasses = [
        "STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER",
        "DEEP_ARCHIVE", "OUTPOSTS", "GLACIER_IR", "SNOW", "EXPRESS_ONEZONE",
    ]
    /// S3 object tagging limits (Amazon S3 User Guide, "Categorizing your storage using tags").
    static let maxTags = 10
    static let maxTagKeyLength = 128
    static let maxTagValueLength = 256
    /// User-defined metadata: keys and values together, in UTF-8 bytes (S3 User Guide, "Working with object metadata").
    static let maxMetadataBytes = 2048

    func validate() throws {
        if !storageClass.isEmpty && !Self.storageClasses.contains(storageClass) {
            throw SpecError(.validation, "invalid `storage_class` value: \(storageClass). Allowed values are "
                + Self.storageClasses.joined(separator: ", "))
        }
        try validateTags()
        try validateMetadata()
        if !contentEncoding.isEmpty && !Self.isHeaderValue(contentEncoding) {
            throw SpecError(.validation, "invalid `content_encoding` value: \(contentEncoding.debugDescription). "
                + "Use printable ASCII, e.g. `gzip`")
        }
    }

    private func validateTags() throws {
        if tags.count > Self.maxTags {
            throw SpecError(.validation, "`tags` has \(tags.count) tags; S3 allows at most \(Self.maxTags) per object")
        }
        for (key, value) in tags.sorted(by: { $0.key < $1.key }) {
            if key.isEmpty || key.count > Self.maxTagKeyLength {
                throw SpecError(.validation, "`tags` key \(key.debugDescription) must have 1 to \(Self.maxTagKeyLength) characters")
            }
            if value.count > Self.maxTagValueLength {
                throw SpecError(.validation, "`tags` value of \(key.debugDescription) has more than \(Self.maxTagValueLength) characters")
            }
            if key.hasPrefix("aws:") {
                throw SpecError(.validation, "`tags` key \(key.debugDescription): the `aws:` prefix is reserved by AWS")
            }
            for text in [key, value] where !text.unicodeScalars.allSatisfy(Self.isTagCharacter) {
                throw SpecError(.validation, "`tags` \(text == key ? "key" : "value of") \(key.debugDescription): "
                    + "S3 allows letters, digits, spaces and + - = . _ : / @ only")
            }
        }
    }

    private func validateMetadata() throws {
        var seen: Set<String> = []
        var bytes = 0
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            if key.isEmpty || !key.unicodeScalars.allSatisfy(Self.isTokenCharacter) {
                throw SpecError(.validation, "`metadata` key \(key.debugDescription) must be a non-empty HTTP header "
                    + "name (ASCII letters, digits and ! # $ % & ' * + - . ^ _ ` | ~)")
            }
            if !value.isEmpty && !Self.isHeaderValue(value) {
                throw SpecError(.validation, "`metadata` value of \(key.debugDescription) must be printable ASCII "
                    + "(S3 sends metadata as HTTP headers)")
            }
            if !seen.insert(key.lowercased()).inserted {
                throw SpecError(.validation, "`metadata` key \(key.debugDescription) is given twice (keys are case-insensitive)")
            }
            bytes += key.utf8.count + value.utf8.count
        }
        if bytes > Self.maxMetadataBytes {
            throw SpecError(.validation, "`metadata` has \(bytes) bytes of keys and values; S3 allows at most \(Self.maxMetadataBytes) (2 KiB)")
        }
    }

    /// The headers of every data object.
    var headers: [String: String] {
        var headers: [String: String] = [:]
        if !storageClass.isEmpty { headers["x-amz-storage-class"] = storageClass }
        if !tags.isEmpty {
            headers["x-amz-tagging"] = URIEncoding.query(tags.sorted(by: { $0.key < $1.key }).map { ($0.key, $0.value) })
        }
        for (key, value) in metadata { headers["x-amz-meta-" + key.lowercased()] = value }
        if !contentEncoding.isEmpty { headers["Content-Encoding"] = contentEncoding }
        if ifNoneMatch { headers["If-None-Match"] = "*" }
        return headers
    }

    private static func isTagCharacter(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil || c == " " || "+-=._:/@".unicodeScalars.contains(c)
    }

    /// RFC 9110 `token` characters.
    private static func isTokenCharacter(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
            || "!#$%&'*+-.^_`|~".unicodeScalars.contains(c))
    }

    /// Printable ASCII with inner spaces: what an HTTP header value can carry unencoded and SigV4 signs as is.
    private static func isHeaderValue(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7f }
            && text.first != " " && text.last != " "
    }
}
