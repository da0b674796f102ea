import Testing
@testable import GoText

/// encoding/json's key → struct field matching (`foldName`).
@Suite struct GoJSONFieldNameTests {
    static let fields: [(name: String, field: Int)] = [("batch_size", 1), ("Batch_Size", 2), ("id", 3), ("sse", 4)]

    @Test func exactMatchWinsOverFolding() {
        #expect(GoJSONFieldName.match("Batch_Size", in: Self.fields)?.field == 2)
        #expect(GoJSONFieldName.match("batch_size", in: Self.fields)?.field == 1)
        #expect(GoJSONFieldName.match("BATCH_SIZE", in: Self.fields)?.field == 1)
    }

    /// U+212A KELVIN SIGN folds to `K` and U+017F LONG S to `S`; dotless/dotted i do not fold to `i`.
    @Test func goFoldingOfNonASCII() {
        #expect(GoJSONFieldName.match("\u{17F}se", in: Self.fields)?.field == 4)
        #expect(GoJSONFieldName.match("\u{131}d", in: Self.fields) == nil)
        #expect(GoJSONFieldName.match("\u{130}D", in: Self.fields) == nil)
        #expect(GoJSONFieldName.match("Id", in: Self.fields)?.field == 3)
        #expect(GoJSONFieldName.fold("\u{212A}ey") == GoJSONFieldName.fold("KEY"))
        #expect(GoJSONFieldName.match("unknown", in: Self.fields) == nil)
    }
}
