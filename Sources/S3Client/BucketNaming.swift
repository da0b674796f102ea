/// Bucket-name rules that decide between virtual-hosted and path-style addressing, as the S3 endpoint
/// rules (`aws.isVirtualHostableS3Bucket`) and aws-sdk-go-v2 apply them.
enum BucketNaming {
    /// A bucket can be a host label when it is 3–63 characters of `a-z 0-9 -`, has no capital letters and
    /// is not an IP address. With `allowDots`, each dot-separated label must satisfy that on its own
    /// (allowed only over plain HTTP: a dotted name breaks the `*.s3…` wildcard TLS certificate).
    static func isVirtualHostable(_ bucket: String, allowDots: Bool) -> Bool {
        if isIPv4(bucket) { return false }
        let labels = allowDots ? bucket.split(separator: ".", omittingEmptySubsequences: false) : [Substring(bucket)]
        for label in labels {
            guard (3...63).contains(label.utf8.count) else { return false }
            for byte in label.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                    continue
                default:
                    return false
                }
            }
        }
        return true
    }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCIIDigit) && (Int(part) ?? 256) <= 255
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
