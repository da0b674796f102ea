import Foundation
import Testing

/// What a test may need beyond Swift and the system libraries `make deps` installs. A suite that needs
/// one carries `.requires(…)` and has the matching word in its name (`SharedData`, `Python`, `RGW`), so
/// that `make unit` leaves it out with one `swift test --skip` (Makefile `NEEDS_SUITES`).
///
/// One policy when it is missing: with `CQ_REQUIRE_ALL=1` (CI: `make test`, `.ci/run`) the test runs
/// and fails with the error that names what is missing; otherwise it is skipped with that message.
public enum Prerequisite: Sendable, CaseIterable {
    /// The project's `shared/` directory (CLI payloads, signing vectors): `CQ_SHARED_DIR` or `../shared`.
    case sharedData
    /// The test venv's Python with pyarrow, boto3 and botocore: `CQ_PYTHON` or `.venv/bin/python`;
    /// also what runs the helper servers of `tests/tools`.
    case python
    /// A running S3 server (Ceph RGW, started by `make test`): the `S3_TEST_*` variables.
    case rgw

    /// The variables naming the S3 server; `make test` exports them from `.testbed/rgw/env`.
    public static let s3ServerVariables = [
        "S3_TEST_ENDPOINT", "S3_TEST_BUCKET", "S3_TEST_ACCESS_KEY", "S3_TEST_SECRET_KEY", "S3_TEST_REGION",
    ]

    /// Whether CI asked for every prerequisite (`CQ_REQUIRE_ALL` set to anything but empty or `0`).
    public static var requireAll: Bool {
        let value = ProcessInfo.processInfo.environment["CQ_REQUIRE_ALL"] ?? ""
        return !value.isEmpty && value != "0"
    }

    /// Why it is not available, or nil when it is.
    public var missing: String? {
        switch self {
        case .sharedData:
            do { _ = try TestLocations.sharedDirectory(); return nil } catch { return "\(error)" }
        case .python:
            do { _ = try TestLocations.python(); return nil } catch { return "\(error)" }
        case .rgw:
            let environment = ProcessInfo.processInfo.environment
            let unset = Self.s3ServerVariables.filter { (environment[$0] ?? "").isEmpty }
            guard !unset.isEmpty else { return nil }
            return "no S3 server: \(unset.joined(separator: ", ")) not set; `make test` starts Ceph RGW and "
                + "exports them (or `scripts/rgw.py up`, then `source .testbed/rgw/env`)"
        }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the suite or test when every one of `prerequisites` is there, or when `CQ_REQUIRE_ALL` is
    /// set (then a missing one fails the test with its own error); skips it otherwise, with a comment
    /// naming what is missing and how to provide it.
    public static func requires(
        _ prerequisites: Prerequisite..., sourceLocation: SourceLocation = #_sourceLocation
    ) -> Self {
        let missing = prerequisites.compactMap(\.missing)
        let comment = missing.isEmpty
            ? "needs \(prerequisites)"
            : "skipped (CQ_REQUIRE_ALL=1 makes it fail): " + missing.joined(separator: "; ")
        return .enabled(
            if: missing.isEmpty || Prerequisite.requireAll, Comment(rawValue: comment), sourceLocation: sourceLocation)
    }
}
