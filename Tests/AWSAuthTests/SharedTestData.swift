import Foundation
import TestSupport

/// Locates the project's shared test data (`shared/testdata/...`): `$CQ_SHARED_DIR` first, else a
/// directory `shared` containing `DESIGN.md` beside one of this file's ancestors.
enum SharedTestData {
    static func directory() throws -> URL { try TestLocations.sharedDirectory() }

    static func sigv4() throws -> URL {
        try directory().appendingPathComponent("testdata/sigv4")
    }

    static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    static func json(_ url: URL) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    }
}
