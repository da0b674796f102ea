/// A partition value as a key segment, escaped the way Hive escapes partition paths
/// (apache/hive `common/src/java/org/apache/hadoop/hive/common/FileUtils.java`, `escapePathName`):
/// the ASCII control characters, `"` `#` `%` `'` `*` `/` `:` `=` `?` `\` DEL `{` `[` `]` `^`
/// become `%XX` (upper-case hex); everything else, UTF-8 included, stays. A null or empty value
/// is `__HIVE_DEFAULT_PARTITION__`, which Hive, Athena, Spark and pyarrow read back as null.
/// Every Hive-partitioned reader unescapes `%XX`, so `account_id=123/region=us-east-1` round-trips.
enum HivePathEscaping {
    static let defaultPartition = "__HIVE_DEFAULT_PARTITION__"

    /// Beyond Hive: a value of exactly `.` or `..` has its dots escaped too, or `path.Clean` (and
    /// every S3 console) would read the segment as a directory step.
    static func escape(_ value: [UInt8]?) -> String {
        guard let value, !value.isEmpty else { return defaultPartition }
        if value.allSatisfy({ $0 == UInt8(ascii: ".") }) && value.count <= 2 {
            return String(repeating: "%2E", count: value.count)
        }
        guard value.contains(where: needsEscaping) else { return String(decoding: value, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(value.count + 8)
        for byte in value {
            if needsEscaping(byte) {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Hive's `charToEscape` set. Bytes of multi-byte UTF-8 characters (≥ 0x80) are never in it.
    static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || escaped.contains(byte)
    }

    private static let escaped: Set<UInt8> = Set(##""#%'*/:=?\{[]^"##.utf8)
    private static let hex = Array("0123456789ABCDEF".utf8)
}
