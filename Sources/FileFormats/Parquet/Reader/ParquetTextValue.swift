import Arrow

/// Parses the text the Go plugin (and `ValueStrWriter`) writes for types Parquet has no
/// place for back into the Arrow value — what arrow-go's `AppendValueFromString` does in the
/// Go plugin's reader. Values never appear in error messages (row data may be sensitive).
enum ParquetTextValue {
    /// Whether a BYTE_ARRAY column without a string annotation still holds text, for a kind the
    /// Go plugin writes as text (`ValueKind.isParquetText`): true unless another writer could
    /// have stored the raw bytes (large_binary, mac).
    static func alwaysText(_ kind: ValueKind) -> Bool {
        switch kind {
        case .binary, .mac: return false
        default: return true
        }
    }

    /// Appends the value `text` holds for a column of `kind` (one that `isParquetText`).
    static func append(_ text: UnsafeRawBufferPointer, as kind: ValueKind, to builder: ArrowArrayBuilder) throws {
        switch kind {
        case .string, .json, .inet:
            // The text is the value.
            try builder.append(bytes: text)
        case .binary:
            let scratch = ByteScratch()
            guard GoTextParsing.decodeBase64(text, into: scratch) else { throw failure("invalid base64") }
            try builder.append(bytes: scratch.bytes)
        case .duration(let unit):
            try builder.append(try duration(text, unit: unit))
        case .monthInterval:
            var scanner = Scanner(text)
            let months = try scanner.integer()
            try scanner.end()
            guard let value = Int32(exactly: months) else { throw failure("a month interval out of range") }
            try builder.append(Int64(value))
        case .dayTimeInterval:
            let members = try jsonIntegers(text, keys: ["days", "milliseconds"])
            var bytes: [UInt8] = []
            for value in members {
                guard let narrow = Int32(exactly: value) else { throw failure("a day_time interval member out of range") }
                withUnsafeBytes(of: narrow.littleEndian) { bytes.append(contentsOf: $0) }
            }
            try bytes.withUnsafeBytes { try builder.append(bytes: $0) }
        case .monthDayNanoInterval:
            let members = try jsonIntegers(text, keys: ["months", "days", "nanoseconds"])
            var bytes: [UInt8] = []
            for (k, value) in members.enumerated() {
                if k < 2 {
                    guard let narrow = Int32(exactly: value) else { throw failure("a month_day_nano interval member out of range") }
                    withUnsafeBytes(of: narrow.littleEndian) { bytes.append(contentsOf: $0) }
                } else {
                    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
                }
            }
            try bytes.withUnsafeBytes { try builder.append(bytes: $0) }
        case .uuid:
            let scratch = ByteScratch(capacity: 16)
            guard GoTextParsing.parseUUID(text, into: scratch) else { throw failure("a uuid that is not 32 hex digits") }
            try builder.append(bytes: scratch.bytes)
        case .mac:
            var bytes: [UInt8] = []
            var k = 0
            while k < text.count {
                guard k + 1 < text.count, let high = GoTextParsing.hexValue(text[k]), let low = GoTextParsing.hexValue(text[k + 1]) else {
                    throw failure("a MAC address that is not hex byte pairs")
                }
                bytes.append(high << 4 | low)
                k += 2
                if k < text.count {
                    guard text[k] == UInt8(ascii: ":") || text[k] == UInt8(ascii: "-"), k + 1 < text.count else {
                        throw failure("a MAC address that is not hex byte pairs")
                    }
                    k += 1
                }
            }
            try bytes.withUnsafeBytes { try builder.append(bytes: $0) }
        default:
            // `ParquetLeafConversion.resolve` only picks text for `isParquetText` kinds.
            throw ParquetDecodingError("\(builder.field.type) is not a type the Go plugin stores as text")
        }
    }

    private static func failure(_ what: String) -> ParquetDecodingError {
        ParquetDecodingError("the text holds \(what)")
    }

    private static func duration(_ text: UnsafeRawBufferPointer, unit: TimeUnit) throws -> Int64 {
        var scanner = Scanner(text)
        let value = try scanner.integer()
        let suffix = String(decoding: UnsafeRawBufferPointer(rebasing: text[scanner.position...]), as: UTF8.self)
        let perSecond: Int64
        switch suffix {
        case "s": perSecond = 1
        case "ms": perSecond = 1_000
        case "us", "µs": perSecond = 1_000_000
        case "ns": perSecond = 1_000_000_000
        default: throw failure("a duration without a unit of s, ms, us or ns")
        }
        if perSecond == unit.perSecond { return value }
        if perSecond < unit.perSecond {
            let (result, overflow) = value.multipliedReportingOverflow(by: unit.perSecond / perSecond)
            guard !overflow else { throw failure("a duration out of range") }
            return result
        }
        return value / (perSecond / unit.perSecond)
    }

    /// The integer members `keys` of a flat JSON object (any order, all required).
    private static func jsonIntegers(_ text: UnsafeRawBufferPointer, keys: [String]) throws -> [Int64] {
        var values = [Int64?](repeating: nil, count: keys.count)
        var scanner = Scanner(text)
        try scanner.expect(UInt8(ascii: "{"))
        if !scanner.consume(UInt8(ascii: "}")) {
            repeat {
                let key = try scanner.quotedKey()
                try scanner.expect(UInt8(ascii: ":"))
                let value = try scanner.integer()
                if let index = keys.firstIndex(of: key) { values[index] = value }
            } while scanner.consume(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "}"))
        }
        try scanner.end()
        guard values.allSatisfy({ $0 != nil }) else { throw failure("an interval object without \(keys.joined(separator: "/"))") }
        return values.map { $0 ?? 0 }
    }

    /// A cursor over ASCII text.
    private struct Scanner {
        let text: UnsafeRawBufferPointer
        var position = 0

        init(_ text: UnsafeRawBufferPointer) { self.text = text }

        mutating func skipSpace() {
            while position < text.count, [0x20, 0x09, 0x0a, 0x0d].contains(text[position]) { position += 1 }
        }

        mutating func consume(_ c: UInt8) -> Bool {
            skipSpace()
            guard position < text.count, text[position] == c else { return false }
            position += 1
            return true
        }

        mutating func expect(_ c: UInt8) throws {
            guard consume(c) else { throw ParquetTextValue.failure("malformed text (expected '\(Character(Unicode.Scalar(c)))')") }
        }

        mutating func end() throws {
            skipSpace()
            guard position == text.count else { throw ParquetTextValue.failure("trailing characters") }
        }

        mutating func integer() throws -> Int64 {
            skipSpace()
            var negative = false
            if position < text.count, text[position] == UInt8(ascii: "-") { negative = true; position += 1 }
            var magnitude: UInt64 = 0
            let start = position
            while position < text.count, let digit = text[position] >= 0x30 && text[position] <= 0x39 ? text[position] - 0x30 : nil {
                let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(UInt64(digit))
                guard !o1, !o2 else { throw ParquetTextValue.failure("an integer out of range") }
                magnitude = sum
                position += 1
            }
            guard position > start else { throw ParquetTextValue.failure("no integer where one was expected") }
            if negative {
                guard magnitude <= UInt64(Int64.max) + 1 else { throw ParquetTextValue.failure("an integer out of range") }
                return magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
            }
            guard let value = Int64(exactly: magnitude) else { throw ParquetTextValue.failure("an integer out of range") }
            return value
        }

        mutating func quotedKey() throws -> String {
            try expect(UInt8(ascii: "\""))
            let start = position
            while position < text.count, text[position] != UInt8(ascii: "\"") { position += 1 }
            guard position < text.count else { throw ParquetTextValue.failure("an unterminated key") }
            let key = String(decoding: UnsafeRawBufferPointer(rebasing: text[start..<position]), as: UTF8.self)
            position += 1
            return key
        }
    }
}
