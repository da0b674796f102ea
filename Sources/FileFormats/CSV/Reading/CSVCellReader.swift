import Arrow

/// Turns one CSV cell back into a value of its column, as cloudquery/filetypes `csv/read.go`
/// does: arrow-go's CSV reader reads every column as a string (`""` is null), then each value
/// goes through the column builder's `AppendValueFromString`:
/// - `(null)` (arrow-go's `NullValueStr`) is null too, whatever the type;
/// - numbers: `strconv.Parse*` (floats also `NaN`, `+Inf`, `-Inf`); temporal types: a raw
///   integer or their text (`2006-01-02`, `15:04:05.000`, RFC 3339, `12s`);
/// - binary: base64; decimals: `FromString`; uuid/inet/mac: their text;
/// - lists, maps, structs and the day-time / month-day-nano intervals: JSON text, decoded
///   without `UseNumber`, so numbers inside them pass through float64 (an int64 beyond 2^53
///   comes back rounded, as in Go); json values: re-marshalled the same way.
final class CSVCellReader {
    private let builder: ArrowArrayBuilder
    private let kind: ValueKind
    /// Why no value of this column can be read (see `JSONValueReader.unreadable`), if so.
    private let unreadable: String?
    private let name: String
    /// Lists, structs, maps, intervals and json values are JSON text.
    private let nested: JSONValueReader?
    private let scratch: ByteScratch
    private var text: [UInt8] = []

    init(builder: ArrowArrayBuilder, scratch: ByteScratch) {
        self.builder = builder
        self.name = builder.field.name
        self.scratch = scratch
        kind = ValueKind(builder.field)
        unreadable = JSONValueReader.unreadable(kind)
        switch kind {
        case .list, .fixedSizeList, .map, .structure, .dayTimeInterval, .monthDayNanoInterval, .json:
            nested = JSONValueReader(builder: builder, path: builder.field.name, numbersAsFloat: true, scratch: scratch)
        default:
            nested = nil
        }
    }

    private static let nullValue = Array("(null)".utf8)

    /// Appends the value of one cell (throws `ValueError` naming the column).
    func read(_ cell: UnsafeRawBufferPointer) throws {
        do {
            try readValue(cell)
        } catch var error as ValueError {
            if error.path == nil { error.path = name }
            throw error
        } catch let error as ArrowError {
            throw ValueError(error.message, path: name)
        }
    }

    private func readValue(_ cell: UnsafeRawBufferPointer) throws {
        if cell.isEmpty || cell.elementsEqual(Self.nullValue) {
            builder.appendNull()
            return
        }
        func expected(_ what: String) -> ValueError {
            ValueError("expected \(what), found \(ObjectDecodingError.excerpt(cell))")
        }
        switch kind {
        case .null:
            throw expected("an empty cell (the column has type null)")
        case .bool:
            guard let value = GoTextParsing.parseBool(cell) else { throw expected("true or false") }
            try builder.append(value)
        case .signed(let bits):
            guard let value = GoTextParsing.parseInt(cell, bits: bits) else { throw expected("an integer of \(bits) bits") }
            try builder.append(value)
        case .unsigned(let bits):
            guard let value = GoTextParsing.parseUInt(cell, bits: bits) else { throw expected("an unsigned integer of \(bits) bits") }
            try builder.append(value)
        case .float64:
            guard let value = GoTextParsing.parseFloat64(cell) else { throw expected("a float64") }
            try builder.append(value)
        case .float32, .float16:
            guard let value = GoTextParsing.parseFloat32(cell) else { throw expected("a float") }
            try builder.append(Double(value))
        case .string:
            try builder.append(bytes: cell)
        case .binary:
            guard GoTextParsing.decodeBase64(cell, into: scratch) else { throw expected("base64 text") }
            try builder.append(bytes: scratch.bytes)
        case .fixedBinary(let width):
            guard GoTextParsing.decodeBase64(cell, into: scratch), scratch.count == width else {
                throw expected("base64 text of \(width) bytes")
            }
            try builder.append(bytes: scratch.bytes)
        case .date32, .date64:
            var is32 = false
            if case .date32 = kind { is32 = true }
            if let raw = GoTextParsing.parseInt(cell, bits: is32 ? 32 : 64) {
                try builder.append(raw)
            } else {
                guard let days = GoTextParsing.parseDate(cell) else { throw expected("a date like 2006-01-02") }
                try builder.append(is32 ? days : days * 86_400_000)
            }
        case .time(let unit, let bits):
            let limits = JSONValueReader.limits(unit)
            if let raw = GoTextParsing.parseInt(cell, bits: bits) {
                try builder.append(raw)
            } else {
                guard let value = GoTextParsing.parseTimeOfDay(cell, unit: limits) else {
                    throw expected("a time of day like 15:04:05 at the column's precision")
                }
                try builder.append(value)
            }
        case .timestamp(let unit, _):
            if let unreadable { throw ValueError("cannot read this column: \(unreadable) (Go cannot load it either)") }
            let unitsPerSecond = unit.perSecond
            if let raw = GoTextParsing.parseInt64(cell) {
                try builder.append(raw)
            } else {
                guard let value = GoTextParsing.parseTimestamp(cell, unitsPerSecond: unitsPerSecond) else {
                    throw expected("an RFC 3339 timestamp at the column's precision")
                }
                try builder.append(value)
            }
        case .duration(let unit):
            // arrow-go: a raw integer, else time.ParseDuration divided by the unit. Durations
            // beyond ±292 years in nanoseconds overflow ParseDuration: Go cannot read them back.
            if let raw = GoTextParsing.parseInt64(cell) {
                try builder.append(raw)
            } else {
                guard let nanos = GoTextParsing.parseGoDuration(cell) else {
                    throw expected("a duration like 12\(unit.symbol) within ±292 years (Go's time.ParseDuration limit)")
                }
                try builder.append(nanos / (1_000_000_000 / unit.perSecond))
            }
        case .monthInterval:
            guard let value = GoTextParsing.parseInt(cell, bits: 32) else { throw expected("a number of months") }
            try builder.append(value)
        case .decimal(let precision, let scale, let bitWidth):
            let width = bitWidth / 8
            if let reason = GoDecimalParsing.parse(cell, precision: precision, scale: scale, byteWidth: width, into: scratch) {
                throw ValueError("expected a decimal(\(precision), \(scale)), found \(ObjectDecodingError.excerpt(cell)): \(reason)")
            }
            try builder.append(bytes: scratch.bytes)
        case .uuid:
            guard GoTextParsing.parseUUID(cell, into: scratch) else { throw expected("a UUID") }
            try builder.append(bytes: scratch.bytes)
        case .inet:
            text.removeAll(keepingCapacity: true)
            guard GoInetFormatting.appendCIDR(cell, to: &text) else {
                throw expected("an IP address with prefix (CIDR) like 192.0.2.1/24")
            }
            try text.withUnsafeBytes { try builder.append(bytes: $0) }
        case .mac:
            guard GoTextParsing.parseMAC(cell, into: scratch) else { throw expected("a MAC address") }
            try builder.append(bytes: scratch.bytes)
        case .structure:
            // arrow-go's StructBuilder.AppendValueFromString refuses text that neither starts
            // with "{" nor ends with "}".
            guard cell.first == UInt8(ascii: "{") || cell.last == UInt8(ascii: "}") else {
                throw expected("a JSON object")
            }
            try readNested(cell)
        case .list, .fixedSizeList, .map, .dayTimeInterval, .monthDayNanoInterval, .json:
            try readNested(cell)
        }
    }

    /// One JSON value filling the whole cell (Go ignores text after it; that is an error here).
    private func readNested(_ cell: UnsafeRawBufferPointer) throws {
        guard let nested else { return }
        var scanner = JSONScanner(cell, scratch: scratch)
        try nested.read(&scanner)
        scanner.skipWhitespace()
        guard scanner.atEnd else {
            throw ValueError("unexpected text after the JSON value: " + scanner.unexpected("the end of the cell").reason)
        }
    }
}
