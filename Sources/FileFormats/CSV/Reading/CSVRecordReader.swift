/// Splits CSV bytes into records the way Go's `encoding/csv` Reader does with arrow-go's
/// settings (`LazyQuotes` off, no comment character, no space trimming):
/// - records end with `\n`; `\r\n` is read as `\n`, also inside quoted fields, and a `\r` at
///   the very end of the input is dropped;
/// - empty lines are skipped;
/// - a quoted field may hold the delimiter, `""` (one quote) and line breaks; after its
///   closing quote only the delimiter or the end of the line may follow;
/// - a quote inside an unquoted field is an error.
struct CSVRecordReader {
    private let bytes: UnsafeRawBufferPointer
    private let delimiter: UInt8
    private var position = 0
    /// 1-based line of the next byte to read.
    private(set) var line = 1
    /// 1-based line the last record started on.
    private(set) var recordLine = 0

    /// The fields of the last record: bytes and the range of each field in them.
    private(set) var buffer: [UInt8] = []
    private(set) var fields: [Range<Int>] = []

    init(_ bytes: UnsafeRawBufferPointer, delimiter: UInt8) {
        self.bytes = bytes
        self.delimiter = delimiter
    }

    struct SyntaxError: Error {
        let line: Int
        let reason: String
    }

    /// Reads the next record into `buffer`/`fields`; false at the end of the input.
    mutating func next() throws -> Bool {
        let count = bytes.count
        // Skip empty lines ("\n", "\r\n", and a lone "\r" at the very end).
        while position < count {
            if bytes[position] == 0x0a {
                position += 1; line += 1
            } else if bytes[position] == 0x0d && (position + 1 == count || bytes[position + 1] == 0x0a) {
                position += 1
            } else {
                break
            }
        }
        guard position < count else { return false }
        recordLine = line
        buffer.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        while true {
            let start = buffer.count
            if position < count && bytes[position] == UInt8(ascii: "\"") {
                position += 1
                try readQuoted()
            } else {
                try readUnquoted()
            }
            fields.append(start..<buffer.count)
            // After a field: the delimiter (another field follows) or the end of the record.
            if position < count && bytes[position] == delimiter {
                position += 1
                continue
            }
            if position < count && bytes[position] == 0x0d && position + 1 < count && bytes[position + 1] == 0x0a {
                position += 1
            }
            if position < count && bytes[position] == 0x0a {
                position += 1
                line += 1
            } else if position == count - 1 && bytes[position] == 0x0d {
                position += 1
            }
            return true
        }
    }

    private mutating func readUnquoted() throws {
        let count = bytes.count
        let start = position
        while position < count {
            let byte = bytes[position]
            if byte == delimiter || byte == 0x0a { break }
            if byte == 0x0d && (position + 1 == count || bytes[position + 1] == 0x0a) { break }
            if byte == UInt8(ascii: "\"") {
                throw SyntaxError(line: line, reason: "bare \" in non-quoted field (quote the field and double the quote)")
            }
            position += 1
        }
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
    }

    private mutating func readQuoted() throws {
        let count = bytes.count
        let openLine = line
        var runStart = position
        while position < count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<position]))
                position += 1
                if position < count && bytes[position] == UInt8(ascii: "\"") {
                    buffer.append(UInt8(ascii: "\""))
                    position += 1
                    runStart = position
                    continue
                }
                // The closing quote: the delimiter, a line end or the end of input must follow.
                if position == count || bytes[position] == delimiter || bytes[position] == 0x0a
                    || (bytes[position] == 0x0d && (position + 1 == count || bytes[position + 1] == 0x0a)) {
                    return
                }
                throw SyntaxError(line: line, reason: "extraneous or missing \" in quoted-field")
            }
            if byte == 0x0d && position + 1 < count && bytes[position + 1] == 0x0a {
                // "\r\n" inside quotes reads as "\n" (Go normalises every line ending).
                buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<position]))
                position += 1
                runStart = position
                continue
            }
            if byte == 0x0a { line += 1 }
            position += 1
        }
        throw SyntaxError(line: openLine, reason: "extraneous or missing \" in quoted-field (the quoted field starting here never closes)")
    }
}
