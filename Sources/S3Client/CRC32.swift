import CZlib
import Foundation

/// CRC-32 (IEEE, as zlib and S3's `x-amz-checksum-crc32`), computed by zlib's table-driven `crc32_z`,
/// which takes a `size_t` length (a part may exceed 4 GiB, beyond `crc32`'s `uInt`).
public enum CRC32 {
    /// The checksum of `bytes`.
    public static func checksum<Bytes: ContiguousBytes>(_ bytes: Bytes) -> UInt32 {
        bytes.withUnsafeBytes { raw -> UInt32 in
            guard let base = raw.baseAddress, raw.count > 0 else { return 0 }
            return UInt32(truncatingIfNeeded: crc32_z(0, base.assumingMemoryBound(to: UInt8.self), raw.count))
        }
    }

    /// The value S3 expects in `x-amz-checksum-crc32`: base64 of the 4 big-endian bytes
    /// (`Hello, S3!\n` → `Ul+QCw==`).
    public static func base64<Bytes: ContiguousBytes>(_ bytes: Bytes) -> String {
        base64(checksum: checksum(bytes))
    }

    /// Base64 of a checksum's 4 big-endian bytes.
    public static func base64(checksum: UInt32) -> String {
        withUnsafeBytes(of: checksum.bigEndian) { Data($0).base64EncodedString() }
    }
}
