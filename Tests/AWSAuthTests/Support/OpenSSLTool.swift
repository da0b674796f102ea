import Foundation

/// P-256 keys and ES256 checks through the `openssl` command-line tool, independent of the code under
/// test (which signs in-process through libcrypto): keys are made as a third party would make them, and
/// every DPoP signature the fake Sign-In service receives is verified by a separate program.
enum OpenSSLTool {
    static let executable = "/usr/bin/openssl"

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A fresh P-256 key as SEC1 PEM (`-----BEGIN EC PRIVATE KEY-----`), the form `aws login` caches.
    static func generateP256Key() throws -> String {
        let result = try AuthTestSupport.run(
            executable, ["ecparam", "-name", "prime256v1", "-genkey", "-noout"], environment: [:])
        guard result.status == 0, result.stdout.contains("BEGIN EC PRIVATE KEY") else {
            throw Failure(description: "openssl ecparam failed: \(result.stderr)")
        }
        return result.stdout
    }

    /// The uncompressed public point of `keyPEM`: its 32-byte `x` and `y`.
    static func publicPoint(ofKey keyPEM: String) throws -> (x: [UInt8], y: [UInt8]) {
        let directory = try AuthTestSupport.temporaryDirectory("openssl")
        defer { AuthTestSupport.remove(directory) }
        try AuthTestSupport.write(keyPEM, to: directory + "/key.pem")
        let out = directory + "/pub.der"
        let result = try AuthTestSupport.run(
            executable, ["ec", "-in", directory + "/key.pem", "-pubout", "-outform", "DER", "-out", out],
            environment: [:])
        guard result.status == 0, let der = FileManager.default.contents(atPath: out), der.count >= 65 else {
            throw Failure(description: "openssl ec -pubout failed: \(result.stderr)")
        }
        // SubjectPublicKeyInfo of a P-256 key ends with the BIT STRING 04 || X || Y.
        let point = Array(der.suffix(65))
        guard point[0] == 4 else { throw Failure(description: "not an uncompressed point") }
        return (Array(point[1...32]), Array(point[33...64]))
    }

    /// Whether `signature` (JWS form: raw r || s, 64 bytes) is a valid ES256 signature of `message` by
    /// the public half of `keyPEM`.
    static func verifyES256(signature: [UInt8], message: [UInt8], keyPEM: String) throws -> Bool {
        guard signature.count == 64 else { return false }
        let directory = try AuthTestSupport.temporaryDirectory("openssl")
        defer { AuthTestSupport.remove(directory) }
        try AuthTestSupport.write(keyPEM, to: directory + "/key.pem")
        try Data(message).write(to: URL(fileURLWithPath: directory + "/message"))
        try Data(der(signature)).write(to: URL(fileURLWithPath: directory + "/signature.der"))
        let result = try AuthTestSupport.run(
            executable, ["dgst", "-sha256", "-prverify", directory + "/key.pem", "-signature",
                         directory + "/signature.der", directory + "/message"], environment: [:])
        return result.status == 0 && result.stdout.contains("Verified OK")
    }

    /// DER `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` of a raw signature, which is what
    /// `openssl dgst -verify` reads.
    private static func der(_ raw: [UInt8]) -> [UInt8] {
        func integer(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            var value = Array(bytes.drop { $0 == 0 })
            if value.isEmpty { value = [0] }
            if value[0] & 0x80 != 0 { value.insert(0, at: 0) }
            return [0x02, UInt8(value.count)] + value
        }
        let body = integer(raw[0..<32]) + integer(raw[32..<64])
        return [0x30, UInt8(body.count)] + body
    }
}
