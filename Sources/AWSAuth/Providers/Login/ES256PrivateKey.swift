import CCrypto

/// A P-256 private key held by OpenSSL, signing with ES256 (ECDSA over SHA-256, RFC 7518 §3.4): what the
/// DPoP proofs of `aws login` need (aws-sdk-go-v2 `credentials/logincreds/dpop.go`, `mkdpop`).
///
/// Non-copyable so the key has one owner and is freed once, when that owner goes; it is made, used and
/// dropped inside one proof, so it never crosses a concurrency domain (it is not `Sendable`).
struct ES256PrivateKey: ~Copyable {
    private let key: OpaquePointer  // EVP_PKEY *

    /// Parses a PEM private key: SEC1 `EC PRIVATE KEY` (what the AWS CLI and Go's
    /// `x509.MarshalECPrivateKey` write) or PKCS#8 `PRIVATE KEY`. The error never quotes the key.
    init(pem: String) throws(ES256KeyError) {
        let bytes = Array(pem.utf8)
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { throw .unreadable("the key is empty") }
        let parsed: OpaquePointer? = bytes.withUnsafeBytes { raw in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_PrivateKey(bio, nil, nil, nil)
        }
        guard let parsed else {
            ERR_clear_error()
            throw .unreadable("it is not a PEM private key")
        }
        var group = [CChar](repeating: 0, count: 64)
        var groupLength = 0
        let isEC = EVP_PKEY_get_base_id(parsed) == EVP_PKEY_EC
            && EVP_PKEY_get_group_name(parsed, &group, group.count, &groupLength) == 1
        let groupName = String(decoding: group.prefix(groupLength).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard isEC, groupName == "prime256v1" || groupName == "P-256" else {
            EVP_PKEY_free(parsed)
            ERR_clear_error()
            throw .unreadable("it is not a P-256 (prime256v1) EC key")
        }
        key = parsed
    }

    deinit { EVP_PKEY_free(key) }

    /// The public point's affine coordinates, 32 big-endian bytes each (a JWK's `x` and `y`, RFC 7518
    /// §6.2.1.2: full length, leading zeros kept; Go's `key.X.Bytes()` would drop them).
    func publicCoordinates() throws(ES256KeyError) -> (x: [UInt8], y: [UInt8]) {
        func coordinate(_ name: String) throws(ES256KeyError) -> [UInt8] {
            var number: OpaquePointer?
            guard EVP_PKEY_get_bn_param(key, name, &number) == 1, let number else {
                ERR_clear_error()
                throw .unreadable("its public point could not be read")
            }
            defer { BN_free(number) }
            var out = [UInt8](repeating: 0, count: 32)
            guard BN_bn2binpad(number, &out, 32) == 32 else { throw .unreadable("its public point is not 256-bit") }
            return out
        }
        return (try coordinate("qx"), try coordinate("qy"))
    }

    /// ES256 signature of `message`: the JWS form, raw `r || s` (32 bytes each), not DER.
    func sign(_ message: [UInt8]) throws(ES256KeyError) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw .signingFailed }
        defer { EVP_MD_CTX_free(context) }
        var der = [UInt8](repeating: 0, count: 128)
        var derLength = der.count
        let signed = message.withUnsafeBufferPointer { input in
            EVP_DigestSignInit(context, nil, EVP_sha256(), nil, key) == 1
                && EVP_DigestSign(context, &der, &derLength, input.baseAddress, input.count) == 1
        }
        guard signed else {
            ERR_clear_error()
            throw .signingFailed
        }
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_ECDSA_SIG(nil, &cursor, derLength)
        }
        guard let parsed else {
            ERR_clear_error()
            throw .signingFailed
        }
        defer { ECDSA_SIG_free(parsed) }
        var r: OpaquePointer?, s: OpaquePointer?
        ECDSA_SIG_get0(parsed, &r, &s)
        var raw = [UInt8](repeating: 0, count: 64)
        let ok = raw.withUnsafeMutableBufferPointer { out in
            BN_bn2binpad(r, out.baseAddress, 32) == 32 && BN_bn2binpad(s, out.baseAddress! + 32, 32) == 32
        }
        guard ok else { throw .signingFailed }
        return raw
    }
}

enum ES256KeyError: Error, Sendable, CustomStringConvertible {
    case unreadable(String)
    case signingFailed

    var description: String {
        switch self {
        case .unreadable(let why): return "the DPoP key cannot be used: \(why)"
        case .signingFailed: return "signing the DPoP proof failed (OpenSSL)"
        }
    }
}
