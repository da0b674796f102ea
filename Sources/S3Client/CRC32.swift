import CDeflate
import Foundation

/// CRC-32 (IEEE, as zlib and S3's `x-amz-checksum-crc32`), computed by libdeflate, which folds with
/// carry-less multiplication where the CPU has it: every byte uploaded is checksummed twice (the
/// request's `x-amz-checksum-crc32`, the whole object's for the sync manifest), and zlib's
/// table-driven `crc32_z` took 7 % of the plugin's CPU writing CSV (bench/PROFILE.md).
public enum CRC32 {
    /// The checksum of `bytes`.
    public static func checksum<Bytes: ContiguousBytes>(_ bytes: Bytes) -> UInt32 {
        bytes.withUnsafeBytes { update(0, with: $0) }
    }

    /// `crc` (the checksum of the bytes before) extended by `bytes`.
    public static func update(_ crc: UInt32, with bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return crc }
        return libdeflate_crc32(crc, base, bytes.count)
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
