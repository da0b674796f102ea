import Testing
@testable import GoText

/// The flat document under `GoJSONValue.parse` and the Athena sanitiser.
@Suite struct GoJSONDocumentTests {
    static func document(_ text: String) throws -> GoJSONDocument {
        try Array(text.utf8).withUnsafeBytes { try GoJSONDocument(parsing: $0) }
    }

    /// Children come before their container; keys are string nodes; literals are kept as written.
    @Test func nodesAreFlatAndPostOrder() throws {
        let document = try Self.document(#"{"a": [1.50, "x"], "b": null}"#)
        guard case .object(let members) = document.nodes[document.root] else {
            Issue.record("root is \(document.nodes[document.root])")
            return
        }
        #expect(document.root == document.nodes.count - 1)
        #expect(members.count == 4)
        for child in document.children[members] {
            #expect(child < document.root)
        }
        let literals = document.nodes.compactMap { node -> String? in
            if case .number(let range) = node { return String(decoding: document.text(range), as: UTF8.self) }
            return nil
        }
        #expect(literals == ["1.50"])
    }

    /// `json.Unmarshal` into `any`: a number beyond float64 is refused wherever it is, even
    /// under a key a later repetition replaces; underflow is 0, as with `strconv.ParseFloat`.
    @Test func numbersMustFitFloat64() throws {
        #expect(throws: GoJSONError(message: "json: cannot unmarshal number 1e400 into Go value of type float64")) {
            try Self.document(#"{"a": 1e400, "a": 1}"#).checkNumbersFitFloat64()
        }
        let tiny = try Self.document("[1e-400, -2.5]")
        try tiny.checkNumbersFitFloat64()
        let values = tiny.nodes.compactMap { node -> Double? in
            if case .number(let range) = node { return tiny.float64(range) }
            return nil
        }
        #expect(values == [0, -2.5])
    }

    /// 10 000 levels (Go's limit) build, convert to a tree and free without deep recursion in
    /// the parser or the conversion.
    @Test func deepestDocumentBuilds() throws {
        let deepest = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let document = try Self.document(deepest)
        #expect(document.nodes.count == 10_000)
        #expect(document.children.count == 9_999)
    }
}
