import Foundation


/// Finds `../shared` (the project's reference data): `CQ_SHARED_DIR`, else a sibling of the repo.
/// A user's clone has no shared/: tests that need it say so in their failure message.
public enum SharedTestData {
    public static var directory: URL? { try? TestLocations.sharedDirectory() }

    public static let missing = "../shared (CQ_SHARED_DIR) not found: these tests read the CLI 6.21.1 payloads in shared/testdata; CI always has it"

    public static func cliPayloads() throws -> [(name: String, bytes: [UInt8])] {
        guard let dir = directory?.appendingPathComponent("testdata/cli-6.21.1") else {
            throw MissingSharedData()
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        return try names.map { ($0, [UInt8](try Data(contentsOf: dir.appendingPathComponent($0)))) }
    }

    public struct MissingSharedData: Error, CustomStringConvertible {
        public var description: String { SharedTestData.missing }
    }
}
