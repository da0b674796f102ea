import Arrow

/// Reads one JSON value into an `ArrowArrayBuilder` the way arrow-go's builder `UnmarshalOne`
/// (and plugin-sdk's extension builders) accept it, so that what Go reads back we read back:
/// - `null` is null for every type;
/// - integers: a number or a string holding an integer, or a float that is exactly an integer
///   below 2^53; temporal types: a number (raw value) or their text form;
/// - floats: a number, or a string `strconv.ParseFloat` accepts (`"NaN"`, `"+Inf"`);
/// - binary: base64 text; uuid/inet/mac: their text; json: any value, stored re-marshalled;
/// - lists/maps: arrays; structs: objects (unknown keys ignored, missing ones null, a key
///   given twice is an error).
///
/// `numbersAsFloat` is Go's decoder without `UseNumber` (the CSV reader's nested cells):
/// numbers then pass through float64 and integers are truncated from it.
final class JSONValueReader {
    let builder: ArrowArrayBuilder
    let path: String
    let kind: ValueKind
    /// Why no value of this column can be read (a timestamp zone Go cannot load), if so.
    let unreadable: String?
    let numbersAsFloat: Bool
    let children: [JSONValueReader]
    /// Struct members, and whether a missing one must be an error (non-nullable).
    private let members: JSONMembers?
    private let scratch: ByteScratch
    private var jsonBuffer: [UInt8] = []

    init(builder: ArrowArrayBuilder, path: String, numbersAsFloat: Bool, scratch: ByteScratch) {
        self.builder = builder
        self.path = path
        self.numbersAsFloat = numbersAsFloat
        self.scratch = scratch
        let field = builder.field
        kind = ValueKind(field)
        unreadable = Self.unreadable(kind)
        children = builder.children.map {
            JSONValueReader(builder: $0, path: path + "." + $0.field.name, numbersAsFloat: numbersAsFloat, scratch: scratch)
        }
        if case .structure = kind {
            members = JSONMembers(names: builder.children.map(\.field.name))
        } else {
            members = nil
        }
    }

    /// A timestamp whose zone Go cannot load: every non-null value is an error.
    static func unreadable(_ kind: ValueKind) -> String? {
        guard case .timestamp(_, let zone) = kind, GoTimeZone(zone) == nil else { return nil }
        return "unknown time zone \"\(zone)\""
    }

    /// arrow-go's length limits for time-of-day text (time32[s]: 8, [ms]: 12, time64[us]: 15).
    static func limits(_ unit: TimeUnit) -> GoTextParsing.TimeUnitLimits {
        switch unit {
        case .second: return .init(nanosecondsPerUnit: 1_000_000_000, maxLength: 8)
        case .millisecond: return .init(nanosecondsPerUnit: 1_000_000, maxLength: 12)
        case .microsecond: return .init(nanosecondsPerUnit: 1_000, maxLength: 15)
        case .nanosecond: return .init(nanosecondsPerUnit: 1, maxLength: Int.max)
        }
    }

    // MARK: reading

    /// Reads one value and appends it to the builder.
    func read(_ s: inout JSONScanner) throws {
        do {
            try readValue(&s)
        } catch var error as ValueError {
            if error.path == nil { error.path = path }
            throw error
        } catch let error as ArrowError {
            throw ValueError(error.message, path: path)
        }
    }

    private func readValue(_ s: inout JSONScanner) throws {
        if s.skipNull() {
            builder.appendNull()
            return
        }
        switch kind {
        case .null:
            throw ValueError("expected null (the column has type null), found \(try describe(&s))")
        case .bool:
            switch try s.peekKind() {
            case .bool: try builder.append(try s.readLiteral() ?? false)
            case .string:
                let text = try s.readString()
                guard let value = GoTextParsing.parseBool(text) else { throw expected("a boolean", text) }
                try builder.append(value)
            case .number where !numbersAsFloat:
                let text = try s.readNumber()
                guard let value = GoTextParsing.parseBool(text) else { throw expected("a boolean", text) }
                try builder.append(value)
            default:
                throw ValueError("expected a boolean, found \(try describe(&s))")
            }
        case .signed(let bits):
            let (text, isNumber) = try scalarText(&s, "an integer")
            if isNumber && numbersAsFloat {
                try builder.append(try truncatedInteger(text, bits: bits))
            } else if let value = GoTextParsing.parseInt(text, bits: bits) {
                try builder.append(value)
            } else {
                try builder.append(try exactIntegerFromFloat(text, low: -pow2(bits - 1), high: pow2(bits - 1)))
            }
        case .unsigned(let bits):
            let (text, isNumber) = try scalarText(&s, "an unsigned integer")
            if isNumber && numbersAsFloat {
                let value = try floatNumber(text)
                guard value > -1, value < pow2(bits) else { throw expected("an unsigned integer of \(bits) bits", text) }
                try builder.append(UInt64(value))
            } else if let value = GoTextParsing.parseUInt(text, bits: bits) {
                try builder.append(value)
            } else {
                let value = try exactIntegerFromFloat(text, low: 0, high: pow2(bits))
                try builder.append(UInt64(value))
            }
        case .float64:
            let (text, _) = try scalarText(&s, "a number")
            guard let value = GoTextParsing.parseFloat64(text) else { throw expected("a float64", text) }
            try builder.append(value)
        case .float32:
            let (text, isNumber) = try scalarText(&s, "a number")
            if isNumber && numbersAsFloat {
                try builder.append(Double(Float(try floatNumber(text))))
            } else {
                guard let value = GoTextParsing.parseFloat32(text) else { throw expected("a float32", text) }
                try builder.append(Double(value))
            }
        case .float16:
            // Go: float64 (numbers) or ParseFloat(…, 32) (strings), then float32, then half.
            let (text, isNumber) = try scalarText(&s, "a number")
            if isNumber {
                try builder.append(Double(Float(try floatNumber(text))))
            } else {
                guard let value = GoTextParsing.parseFloat32(text) else { throw expected("a float16", text) }
                try builder.append(Double(value))
            }
        case .string:
            guard try s.peekKind() == .string else { throw ValueError("expected a string, found \(try describe(&s))") }
            try builder.append(bytes: try s.readString())
        case .binary:
            let text = try stringToken(&s, "base64 text")
            guard GoTextParsing.decodeBase64(text, into: scratch) else { throw expected("base64 text", text) }
            try builder.append(bytes: scratch.bytes)
        case .fixedBinary(let width):
            let text = try stringToken(&s, "base64 text")
            guard GoTextParsing.decodeBase64(text, into: scratch) else { throw expected("base64 text", text) }
            guard scratch.count == width else {
                throw ValueError("expected \(width) bytes of base64 text, found \(scratch.count) bytes")
            }
            try builder.append(bytes: scratch.bytes)
        case .date32, .date64:
            let is32: Bool
            if case .date32 = kind { is32 = true } else { is32 = false }
            let (text, isNumber) = try scalarText(&s, "a date")
            if isNumber {
                try builder.append(try integerNumber(text, bits: is32 ? 32 : 64))
            } else if let raw = GoTextParsing.parseInt(text, bits: is32 ? 32 : 64) {
                try builder.append(raw)
            } else {
                guard let days = GoTextParsing.parseDate(text) else { throw expected("a date like 2006-01-02", text) }
                try builder.append(is32 ? days : days * 86_400_000)
            }
        case .time(let unit, let bits):
            let limits = Self.limits(unit)
            let (text, isNumber) = try scalarText(&s, "a time of day")
            if isNumber {
                try builder.append(try integerNumber(text, bits: bits))
            } else if let raw = GoTextParsing.parseInt(text, bits: bits) {
                try builder.append(raw)
            } else {
                guard let value = GoTextParsing.parseTimeOfDay(text, unit: limits) else {
                    throw expected("a time of day like 15:04:05 at the column's precision", text)
                }
                try builder.append(value)
            }
        case .timestamp(let unit, _):
            if let unreadable { throw ValueError("cannot read this column: \(unreadable) (Go cannot load it either)") }
            let unitsPerSecond = unit.perSecond
            let (text, isNumber) = try scalarText(&s, "a timestamp")
            if isNumber {
                try builder.append(try integerNumber(text, bits: 64))
            } else if let raw = GoTextParsing.parseInt64(text) {
                try builder.append(raw)
            } else {
                guard let value = GoTextParsing.parseTimestamp(text, unitsPerSecond: unitsPerSecond) else {
                    throw expected("an RFC 3339 timestamp at the column's precision", text)
                }
                try builder.append(value)
            }
        case .duration(let unit):
            let (text, isNumber) = try scalarText(&s, "a duration")
            if isNumber {
                try builder.append(try integerNumber(text, bits: 64))
            } else {
                try builder.append(try Self.jsonDuration(text, unit: unit))
            }
        case .monthInterval:
            let values = try readIntegerObject(&s, names: ["months"], bits: [32])
            try builder.append(values[0])
        case .dayTimeInterval:
            let values = try readIntegerObject(&s, names: ["days", "milliseconds"], bits: [32, 32])
            try appendLittleEndian([(values[0], 4), (values[1], 4)])
        case .monthDayNanoInterval:
            let values = try readIntegerObject(&s, names: ["months", "days", "nanoseconds"], bits: [32, 32, 64])
            try appendLittleEndian([(values[0], 4), (values[1], 4), (values[2], 8)])
        case .decimal(let precision, let scale, let bitWidth):
            let width = bitWidth / 8
            let (text, _) = try scalarText(&s, "a decimal")
            if let reason = GoDecimalParsing.parse(text, precision: precision, scale: scale, byteWidth: width, into: scratch) {
                throw ValueError("expected a decimal(\(precision), \(scale)), found \(ObjectDecodingError.excerpt(text)): \(reason)")
            }
            try builder.append(bytes: scratch.bytes)
        case .list, .fixedSizeList, .map:
            guard try s.peekKind() == .array else { throw ValueError("expected an array, found \(try describe(&s))") }
            try s.expect(UInt8(ascii: "["))
            let element = children[0]
            var first = true
            var n = 0
            while try s.nextMember(closing: UInt8(ascii: "]"), first: first) {
                first = false
                try element.read(&s)
                n += 1
            }
            if case .fixedSizeList(let size) = kind, n != size {
                throw ValueError("expected an array of exactly \(size) elements, found \(n)")
            }
            try builder.appendValid()
        case .structure:
            guard try s.peekKind() == .object else { throw ValueError("expected an object, found \(try describe(&s))") }
            try readMembers(&s)
            try builder.appendValid()
        case .uuid:
            let text = try stringToken(&s, "a UUID")
            guard GoTextParsing.parseUUID(text, into: scratch) else { throw expected("a UUID", text) }
            try builder.append(bytes: scratch.bytes)
        case .inet:
            let text = try stringToken(&s, "an IP address with prefix")
            jsonBuffer.removeAll(keepingCapacity: true)
            guard !text.isEmpty, GoInetFormatting.appendCIDR(text, to: &jsonBuffer) else {
                throw expected("an IP address with prefix (CIDR) like 192.0.2.1/24", text)
            }
            try jsonBuffer.withUnsafeBytes { try builder.append(bytes: $0) }
        case .mac:
            let text = try stringToken(&s, "a MAC address")
            guard GoTextParsing.parseMAC(text, into: scratch) else { throw expected("a MAC address", text) }
            try builder.append(bytes: scratch.bytes)
        case .json:
            jsonBuffer.removeAll(keepingCapacity: true)
            try CanonicalJSON.append(from: &s, numbersAsFloat: numbersAsFloat, to: &jsonBuffer)
            try jsonBuffer.withUnsafeBytes { try builder.append(bytes: $0) }
        }
    }

    /// The members of one object into the struct's children (which must then all have one
    /// more value).
    private func readMembers(_ s: inout JSONScanner) throws {
        guard let members else { return }
        try members.readObject(&s) { index, s in try children[index].read(&s) }
        for (index, child) in children.enumerated() where !members.wasSeen(index) {
            guard child.builder.field.nullable else {
                throw ValueError("the object has no key \"\(child.builder.field.name)\" and that member is not nullable")
            }
            child.builder.appendNull()
        }
    }

    // MARK: token helpers

    /// The text of a number or string token, and whether it was a number.
    private func scalarText(_ s: inout JSONScanner, _ what: String) throws -> (UnsafeRawBufferPointer, Bool) {
        switch try s.peekKind() {
        case .number: return (try s.readNumber(), true)
        case .string: return (try s.readString(), false)
        default: throw ValueError("expected \(what), found \(try describe(&s))")
        }
    }

    private func stringToken(_ s: inout JSONScanner, _ what: String) throws -> UnsafeRawBufferPointer {
        guard try s.peekKind() == .string else { throw ValueError("expected \(what) as a string, found \(try describe(&s))") }
        return try s.readString()
    }

    /// Names the kind of the next value for an error message (and consumes nothing useful).
    private func describe(_ s: inout JSONScanner) throws -> String {
        switch try s.peekKind() {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return ObjectDecodingError.excerpt(try s.readString())
        case .number: return "the number \(String(decoding: try s.readNumber(), as: UTF8.self))"
        case .bool: return (try s.readLiteral() ?? false) ? "true" : "false"
        case .null: return "null"
        }
    }

    private func expected(_ what: String, _ text: UnsafeRawBufferPointer) -> ValueError {
        ValueError("expected \(what), found \(ObjectDecodingError.excerpt(text))")
    }

    private func pow2(_ bits: Int) -> Double { Double(sign: .plus, exponent: bits, significand: 1) }

    private func floatNumber(_ text: UnsafeRawBufferPointer) throws -> Double {
        guard let value = GoTextParsing.parseFloat64(text) else { throw expected("a number in the float64 range", text) }
        return value
    }

    /// Go's fallback for integer text that `ParseInt` refuses: a float64 that is finite,
    /// inside [low, high), below 2^53 in magnitude and integral.
    private func exactIntegerFromFloat(_ text: UnsafeRawBufferPointer, low: Double, high: Double) throws -> Int64 {
        guard let value = GoTextParsing.parseFloat64(text), value.isFinite, value >= low, value < high,
              value.magnitude < 9_007_199_254_740_992, value == value.rounded(.towardZero) else {
            throw expected("an integer in range", text)
        }
        return Int64(value)
    }

    /// A number read through float64 and converted like Go's `intN(v)` (truncation); values
    /// outside the type's range are an error (Go's result there is platform-defined).
    private func truncatedInteger(_ text: UnsafeRawBufferPointer, bits: Int) throws -> Int64 {
        let value = try floatNumber(text)
        guard value > -pow2(bits - 1) - 1, value < pow2(bits - 1) else { throw expected("an integer of \(bits) bits", text) }
        return Int64(value)
    }

    /// A temporal number: `json.Number.Int64()` (exact integer text), or with
    /// `numbersAsFloat` a truncated float64.
    private func integerNumber(_ text: UnsafeRawBufferPointer, bits: Int) throws -> Int64 {
        if numbersAsFloat { return try truncatedInteger(text, bits: bits) }
        guard let value = GoTextParsing.parseInt(text, bits: bits) else { throw expected("an integer of \(bits) bits", text) }
        return value
    }

    /// arrow-go's JSON duration: a raw integer, else `time.ParseDuration` converted to the unit
    /// (seconds through float64, the others truncated), else `<integer><unit symbol>`.
    static func jsonDuration(_ text: UnsafeRawBufferPointer, unit: TimeUnit) throws -> Int64 {
        if let raw = GoTextParsing.parseInt64(text) { return raw }
        if let nanos = GoTextParsing.parseGoDuration(text) {
            switch unit {
            case .nanosecond: return nanos
            case .microsecond: return nanos / 1_000
            case .millisecond: return nanos / 1_000_000
            case .second: return Int64(Double(nanos / 1_000_000_000) + Double(nanos % 1_000_000_000) / 1e9)
            }
        }
        let symbol = unit.symbol.utf8
        if text.count > symbol.count, text.suffix(symbol.count).elementsEqual(symbol),
           let value = GoTextParsing.parseInt64(UnsafeRawBufferPointer(rebasing: text.dropLast(symbol.count))) {
            return value
        }
        throw ValueError("expected a duration like 12\(unit.symbol), found \(ObjectDecodingError.excerpt(text))")
    }

    /// Go's `encoding/json` decoding of an interval object into its struct: keys matched
    /// exactly or case-insensitively, unknown keys ignored, missing ones 0, values integer
    /// numbers of the member's width (null leaves 0).
    private func readIntegerObject(_ s: inout JSONScanner, names: [String], bits: [Int]) throws -> [Int64] {
        guard try s.peekKind() == .object else { throw ValueError("expected an object like {\"\(names[0])\":1}, found \(try describe(&s))") }
        try s.expect(UInt8(ascii: "{"))
        var values = [Int64](repeating: 0, count: names.count)
        var first = true
        while try s.nextMember(closing: UInt8(ascii: "}"), first: first) {
            first = false
            let key = String(decoding: try s.readString(), as: UTF8.self)
            try s.expect(UInt8(ascii: ":"))
            guard let index = names.firstIndex(of: key) ?? names.firstIndex(where: { $0.lowercased() == key.lowercased() }) else {
                try s.skipValue()
                continue
            }
            if s.skipNull() { continue }
            guard try s.peekKind() == .number else {
                throw ValueError("expected an integer for \"\(names[index])\", found \(try describe(&s))")
            }
            let text = try s.readNumber()
            guard let value = GoTextParsing.parseInt(text, bits: bits[index]) else {
                throw expected("an integer of \(bits[index]) bits for \"\(names[index])\"", text)
            }
            values[index] = value
        }
        return values
    }

    private func appendLittleEndian(_ parts: [(Int64, Int)]) throws {
        scratch.count = 0
        for (value, width) in parts {
            for k in 0..<width { scratch.append(UInt8(truncatingIfNeeded: value >> (Int64(k) * 8))) }
        }
        try builder.append(bytes: scratch.bytes)
    }
}
