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
    /// The text is laid out in place after one growth of `out` (36 separate appends, each with
    /// its capacity and uniqueness checks, cost 2–4 % of a CSV or Parquet write of uuid columns).
    static func appendUUID(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let count = bytes.count
        // A dash before bytes 4, 6, 8 and 10 (when there are that many).
        let dashes = (count > 4 ? 1 : 0) + (count > 6 ? 1 : 0) + (count > 8 ? 1 : 0) + (count > 10 ? 1 : 0)
        let start = out.count
        out.append(contentsOf: repeatElement(UInt8(ascii: "-"), count: count * 2 + dashes))
        out.withUnsafeMutableBufferPointer { text in
            var j = start
            for k in 0..<count {
                if k == 4 || k == 6 || k == 8 || k == 10 { j += 1 }  // the dash is there already
                let byte = bytes[k]
                text[j] = JSONStringEscaping.hexDigit(byte >> 4)
                text[j + 1] = JSONStringEscaping.hexDigit(byte & 0xf)
                j += 2
            }
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
