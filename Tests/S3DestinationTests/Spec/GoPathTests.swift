import Testing
@testable import S3Destination

/// Go `path.Clean` / `path.IsAbs` (Go's own path_test.go cleantests, plus edge cases).
@Suite struct GoPathTests {
    static let goCleanTests: [(String, String)] = [
        // Already clean
        ("", "."), ("abc", "abc"), ("abc/def", "abc/def"), ("a/b/c", "a/b/c"), (".", "."), ("..", ".."),
        ("../..", "../.."), ("../../abc", "../../abc"), ("/abc", "/abc"), ("/", "/"),
        // Remove trailing slash
        ("abc/", "abc"), ("abc/def/", "abc/def"), ("a/b/c/", "a/b/c"), ("./", "."), ("../", ".."),
        ("../../", "../.."), ("/abc/", "/abc"),
        // Remove doubled slash
        ("abc//def//ghi", "abc/def/ghi"), ("//abc", "/abc"), ("///abc", "/abc"), ("//abc//", "/abc"), ("abc//", "abc"),
        // Remove . elements
        ("abc/./def", "abc/def"), ("/./abc/def", "/abc/def"), ("abc/.", "abc"),
        // Remove .. elements
        ("abc/def/ghi/../jkl", "abc/def/jkl"), ("abc/def/../ghi/../jkl", "abc/jkl"), ("abc/def/..", "abc"),
        ("abc/def/../..", "."), ("/abc/def/../..", "/"), ("abc/def/../../..", ".."), ("/abc/def/../../..", "/"),
        ("abc/def/../../../ghi/jkl/../../../mno", "../../mno"), ("/../abc", "/abc"),
        // Combinations
        ("abc/./../def", "def"), ("abc//./../def", "def"), ("abc/../../././../def", "../../def"),
    ]

    @Test func goCleanTable() {
        for (input, want) in Self.goCleanTests {
            #expect(GoPath.clean(input) == want, "Clean(\(input))")
            #expect(GoPath.clean(want) == want, "Clean(\(want)) is idempotent")
        }
    }

    @Test func edgeCases() {
        #expect(GoPath.clean("...") == "...")
        #expect(GoPath.clean(".../..") == ".")
        #expect(GoPath.clean("a/...") == "a/...")
        #expect(GoPath.clean("..a/b") == "..a/b")
        #expect(GoPath.clean("a/..b") == "a/..b")
        #expect(GoPath.clean("/..") == "/")
        #expect(GoPath.clean("./a/./b/.") == "a/b")
        #expect(GoPath.clean("é/../x") == "x")
        #expect(GoPath.clean("日本/語//") == "日本/語")
        #expect(GoPath.clean("a/b/../../../..") == "../..")
    }

    @Test func isAbs() {
        #expect(GoPath.isAbs("/a"))
        #expect(GoPath.isAbs("//a"))
        #expect(!GoPath.isAbs("a/b"))
        #expect(!GoPath.isAbs(""))
        #expect(!GoPath.isAbs("./a"))
    }
}
