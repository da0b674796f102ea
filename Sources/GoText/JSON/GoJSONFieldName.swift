/// How Go's `encoding/json` picks the struct field for an object key (`decode.go` `object`,
/// `fold.go` `foldName`): the spec decoder and AWSAuth's credential documents match keys this way.
public enum GoJSONFieldName {
    /// Finds the field for `key`: an exact (byte-wise) match first, then Go's case folding.
    /// Returns the field's own JSON name (used in error paths) with it.
    public static func match<Field>(
        _ key: String, in fields: [(name: String, field: Field)]
    ) -> (name: String, field: Field)? {
        if let exact = fields.first(where: { $0.name.utf8.elementsEqual(key.utf8) }) {
            return exact
        }
        let folded = fold(key)
        return fields.first(where: { fold($0.name) == folded })
    }

    /// Go's `foldName` for matching against ASCII field names (all of ours are): ASCII
    /// letters upper-cased, and the two non-ASCII runes whose case-fold set contains an ASCII
    /// letter mapped to it: U+212A KELVIN SIGN → `K`, U+017F LATIN SMALL LETTER LONG S → `S`.
    /// Go folds to the smallest rune of the `unicode.SimpleFold` orbit, so `ı` and `İ` stay
    /// themselves (they do not match `i`); every other non-ASCII rune is left as is, which can
    /// never equal an ASCII name.
    static func fold(_ name: String) -> [UInt32] {
        name.unicodeScalars.map { scalar -> UInt32 in
            switch scalar.value {
            case 0x61...0x7A: return scalar.value - 0x20
            case 0x212A: return 0x4B
            case 0x017F: return 0x53
            default: return scalar.value
            }
        }
    }
}
