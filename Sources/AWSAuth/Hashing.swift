import CCrypto
import Foundation

/// Digests used for request signing and S3 integrity headers, computed with OpenSSL libcrypto.
///
/// OpenSSL's one-shot `EVP_Digest`/`HMAC` only fail on allocation failure; the results are then
/// zero bytes, which a server rejects as a bad signature/digest rather than the process crashing.
public enum Hashing {
    /// SHA-256 of `data` (32 bytes).
    static func sha256<Bytes: ContiguousBytes>(_ data: Bytes) -> [UInt8] {
        digest(data, EVP_sha256(), length: 32)
    }

    /// SHA-1 of `data` (20 bytes): the name of an SSO token cache file is the SHA-1 of its key.
    static func sha1<Bytes: ContiguousBytes>(_ data: Bytes) -> [UInt8] {
        digest(data, EVP_sha1(), length: 20)
    }

    /// MD5 of `data` (16 bytes), for `Content-MD5`.
    static func md5<Bytes: ContiguousBytes>(_ data: Bytes) -> [UInt8] {
        digest(data, EVP_md5(), length: 16)
    }

    /// HMAC-SHA256 of `data` under `key` (32 bytes).
    static func hmacSHA256<Key: ContiguousBytes, Bytes: ContiguousBytes>(key: Key, data: Bytes) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        key.withUnsafeBytes { k in
            data.withUnsafeBytes { d in
                out.withUnsafeMutableBufferPointer { o in
                    var length: UInt32 = 0
                    _ = HMAC(
                        EVP_sha256(), k.baseAddress, Int32(k.count),
                        d.baseAddress?.assumingMemoryBound(to: UInt8.self), d.count,
                        o.baseAddress, &length)
                }
            }
        }
        return out
    }

    /// Lower-case hexadecimal, as SigV4 wants for hashes and signatures.
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var chars: [UInt8] = []
        chars.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            chars.append(digits[Int(byte >> 4)])
            chars.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: chars, as: UTF8.self)
    }

    private static func digest<Bytes: ContiguousBytes>(
        _ data: Bytes, _ md: OpaquePointer?, length: Int
    ) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        data.withUnsafeBytes { d in
            out.withUnsafeMutableBufferPointer { o in
                var written: UInt32 = 0
                _ = EVP_Digest(d.baseAddress, d.count, o.baseAddress, &written, md, nil)
            }
        }
        return out
    }
}
