/// Request bodies of the multipart calls.
enum MultipartXML {
    /// `<CompleteMultipartUpload>` listing `parts` in the given order.
    static func completeBody(_ parts: [CompletedPart]) -> [UInt8] {
        var xml = #"<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">"#
        for part in parts {
            xml += "<Part><PartNumber>\(part.partNumber)</PartNumber><ETag>\(escape(part.etag))</ETag>"
            if let crc32 = part.checksumCRC32 { xml += "<ChecksumCRC32>\(escape(crc32))</ChecksumCRC32>" }
            xml += "</Part>"
        }
        xml += "</CompleteMultipartUpload>"
        return Array(xml.utf8)
    }

    /// Escapes XML text content (ETags carry quotes; `&` and `<` must never appear raw).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 12)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
