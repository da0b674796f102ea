@testable import Arrow
import Testing

/// Values that do not fit a column are refused with an `ArrowError` naming the field and the
/// problem, and leave the builder as it was.
@Suite struct ArrowArrayBuilderErrorTests {
    static func refusal(_ body: () throws -> Void) -> ArrowError? {
        do {
            try body()
            return nil
        } catch let error as ArrowError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    static func expectRefused(_ builder: ArrowArrayBuilder, mentioning words: [String], _ body: () throws -> Void) {
        let before = builder.count
        let error = refusal(body)
        #expect(error?.kind == .invalidValue)
        for word in words { #expect(error?.message.contains(word) == true, "\(String(describing: error)) lacks \(word)") }
        #expect(error?.message.contains("\"\(builder.field.name)\"") == true)
        #expect(builder.count == before, "a refused value must not be appended")
    }

    @Test(arguments: [
        (ArrowType.int8, Int64(128), "-128...127"), (.int8, -129, "-128...127"), (.int16, 40_000, "32767"),
        (.int32, Int64(Int32.max) + 1, "2147483647"), (.date32, Int64(Int32.min) - 1, "-2147483648"),
        (.uint8, 256, "0...255"), (.uint16, -1, "0...65535"), (.uint32, Int64(UInt32.max) + 1, "4294967295"),
    ])
    func outOfRangeIntegers(type: ArrowType, value: Int64, range: String) {
        let builder = ArrowArrayBuilder(field: Field(name: "n", type: type))
        Self.expectRefused(builder, mentioning: ["out of range", range, String(value)]) { try builder.append(value) }
    }

    @Test func unsignedTooLargeForSigned() {
        let builder = ArrowArrayBuilder(field: Field(name: "big", type: .int64))
        Self.expectRefused(builder, mentioning: ["out of range"]) { try builder.append(UInt64.max) }
        let small = ArrowArrayBuilder(field: Field(name: "small", type: .uint64))
        Self.expectRefused(small, mentioning: ["out of range"]) { try small.append(Int64(-1)) }
    }

    @Test(arguments: [
        (ArrowType.fixedSizeBinary(byteWidth: 16), 15), (.decimal(precision: 38, scale: 0, bitWidth: 128), 8),
        (.decimal(precision: 9, scale: 0, bitWidth: 32), 8), (.interval(.dayTime), 16), (.interval(.monthDayNano), 8),
    ])
    func wrongByteWidth(type: ArrowType, count: Int) {
        let builder = ArrowArrayBuilder(field: Field(name: "w", type: type))
        let bytes = [UInt8](repeating: 1, count: count)
        Self.expectRefused(builder, mentioning: ["\(count) bytes", "exactly \(type.fixedByteWidth ?? -1)"]) {
            try bytes.withUnsafeBytes { try builder.append(bytes: $0) }
        }
    }

    @Test func invalidUTF8() throws {
        for type in [ArrowType.utf8, .largeUtf8] {
            let builder = ArrowArrayBuilder(field: Field(name: "text", type: type))
            for bad: [UInt8] in [[0xFF], [0x61, 0x62, 0xC3], [0xED, 0xA0, 0x80], Array("abcdefghij".utf8) + [0x80]] {
                Self.expectRefused(builder, mentioning: ["not valid UTF-8"]) {
                    try bad.withUnsafeBytes { try builder.append(bytes: $0) }
                }
            }
            try Array("ok ✓".utf8).withUnsafeBytes { try builder.append(bytes: $0) }
            #expect(builder.finish().string(at: 0) == "ok ✓")
        }
        // The same bytes are fine in a binary column.
        let binary = ArrowArrayBuilder(field: Field(name: "raw", type: .binary))
        try [UInt8]([0xFF]).withUnsafeBytes { try binary.append(bytes: $0) }
        #expect(binary.count == 1)
    }

    @Test func wrongKindOfValue() {
        let builder = ArrowArrayBuilder(field: Field(name: "flag", type: .bool))
        Self.expectRefused(builder, mentioning: ["cannot append an integer", "bool"]) { try builder.append(Int64(1)) }
        Self.expectRefused(builder, mentioning: ["appendValid"]) { try builder.appendValid() }
        let text = ArrowArrayBuilder(field: Field(name: "t", type: .utf8))
        Self.expectRefused(text, mentioning: ["floating-point"]) { try text.append(1.5) }
    }

    @Test func appendValidMismatches() throws {
        let fixed = ArrowArrayBuilder(field: Field(name: "pair", type: .fixedSizeList(listSize: 2),
                                                   children: [Field(name: "item", type: .int32)]))
        try fixed.children[0].append(Int64(1))
        Self.expectRefused(fixed, mentioning: ["exactly 2 child values", "holds 1"]) { try fixed.appendValid() }

        let point = ArrowArrayBuilder(field: Field(name: "point", type: .struct, children: [
            Field(name: "x", type: .int32), Field(name: "y", type: .int32),
        ]))
        try point.children[0].append(Int64(1))
        Self.expectRefused(point, mentioning: ["member \"y\"", "exactly one value"]) { try point.appendValid() }
        try point.children[1].append(Int64(2))
        try point.appendValid()
        #expect(point.count == 1)
    }

    @Test func malformedNestedFieldIsReportedNotCrashed() {
        let list = ArrowArrayBuilder(field: Field(name: "bare", type: .list))
        Self.expectRefused(list, mentioning: ["child fields", "cannot be built"]) { try list.appendValid() }
        let map = ArrowArrayBuilder(field: Field(name: "m", type: .map(keysSorted: false)))
        Self.expectRefused(map, mentioning: ["entries"]) { try map.appendValid() }
    }

    @Test func copyingFromAnArrayOfAnotherType() throws {
        let source = ArrowArrayBuilder(field: Field(name: "src", type: .int32))
        try source.append(Int64(3))
        let array = source.finish()
        let target = ArrowArrayBuilder(field: Field(name: "dst", type: .int64))
        Self.expectRefused(target, mentioning: ["int32"]) { try target.append(from: array, at: 0) }
        let same = ArrowArrayBuilder(field: Field(name: "same", type: .int32))
        Self.expectRefused(same, mentioning: ["element 1"]) { try same.append(from: array, at: 1) }
        try same.append(from: array, at: 0)
        #expect(same.finish().int32(at: 0) == 3)
    }
}
