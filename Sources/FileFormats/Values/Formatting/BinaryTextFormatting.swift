/// Text forms of binary values shared by the encoders: standard base64 (Go's
/// `base64.StdEncoding`, used for binary columns), UUIDs and MAC addresses.
enum BinaryTextFormatting {
    /// A literal, not a static array: no lazy-initialisation check per call.
    private static var base64Alphabet: UnsafePointer<UInt8> {
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/" as StaticString).utf8Start
    }

    /// Standard base64 with `=` padding.
    static func appendBase64(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let alphabet = base64Alphabet
        let count = bytes.count
        var i = 0
        while i + 3 <= count {
            let chunk = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(alphabet[Int(chunk >> 18)])
            out.append(alphabet[Int(chunk >> 12 & 63)])
            out.append(alphabet[Int(chunk >> 6 & 63)])
            out.append(alphabet[Int(chunk & 63)])
            i += 3
        }
        let rest = count - i
        if rest > 0 {
            let chunk = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out.append(alphabet[Int(chunk >> 18)])
            out.append(alphabet[Int(chunk >> 12 & 63)])
            out.append(rest == 2 ? alphabet[Int(chunk >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, lowercase (google/uuid `String()`), for 16 bytes.
    static func appendUUID(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        for k in 0..<bytes.count {
            if k == 4 || k == 6 || k == 8 || k == 10 { out.append(UInt8(ascii: "-")) }
            out.append(JSONStringEscaping.hexDigit(bytes[k] >> 4))
            out.append(JSONStringEscaping.hexDigit(bytes[k] & 0xf))
        }
    }

    /// Lowercase hex pairs joined by `:` (Go `net.HardwareAddr.String()`); empty for no bytes.
    static func appendMAC(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        for k in 0..<bytes.count {
            if k > 0 { out.append(UInt8(ascii: ":")) }
            out.append(JSONStringEscaping.hexDigit(bytes[k] >> 4))
            out.append(JSONStringEscaping.hexDigit(bytes[k] & 0xf))
        }
    }
}
