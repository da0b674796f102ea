import Foundation

/// The CloudQuery CLI 6.21.1 payloads in the project's `shared/testdata` (suites that read them carry
/// `.requires(.sharedData)`; a missing `shared/` throws `TestLocations.Missing`, naming the fix).
public enum SharedTestData {
    public static func cliPayloads() throws -> [(name: String, bytes: [UInt8])] {
        let dir = try TestLocations.sharedDirectory().appendingPathComponent("testdata/cli-6.21.1")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        return try names.map { ($0, [UInt8](try Data(contentsOf: dir.appendingPathComponent($0)))) }
    }
}
