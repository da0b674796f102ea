import Arrow

/// The extension types CloudQuery defines (`ARROW:extension:name`), each stored in exactly one
/// Arrow type. Every encoder and decoder asks this one place which extension a column carries.
enum CloudQueryExtension: String {
    case uuid, json, inet, mac

    /// The storage type the Go SDK gives the extension.
    var storageType: ArrowType {
        self == .uuid ? .fixedSizeBinary(byteWidth: 16) : .binary
    }

    /// The extension of a column stored as the SDK stores it; nil for any other column
    /// (including a known extension name on the wrong storage: decoders read it as its storage).
    static func matching(_ field: Field) -> CloudQueryExtension? {
        guard let name = field.extensionName, let found = CloudQueryExtension(rawValue: name),
              field.type == found.storageType else { return nil }
        return found
    }

    /// The extension of a column, for encoders: nil for plain columns; a known extension on the
    /// wrong storage is refused, and `refusal` turns the reason into the encoder's own error.
    static func checked(_ field: Field, refusal: (String) -> Error) throws -> CloudQueryExtension? {
        guard let name = field.extensionName, let found = CloudQueryExtension(rawValue: name) else { return nil }
        guard field.type == found.storageType else {
            throw refusal("extension type '\(name)' needs \(found.storageType) storage, not \(field.type)")
        }
        return found
    }
}
