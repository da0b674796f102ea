import Foundation
import TestSupport

/// Temporary HOME directories, files and the project's Python for the credential tests.
enum AuthTestSupport {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// A fresh directory under the system temp dir; the caller removes it with ``remove(_:)``.
    static func temporaryDirectory(_ label: String = "aws-auth") throws -> String {
        let path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `path`, creating parent directories.
    static func write(_ text: String, to path: String, mode: Int = 0o600) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    /// Python with botocore and the AWS CLI: `$CQ_PYTHON`, else `.venv/bin/python` at the repository root
    /// (the directory holding Package.swift above this file).
    static func python() throws -> String { try TestLocations.python() }

    /// Runs `executable` with `arguments` and exactly `environment`; returns (exit status, stdout, stderr).
    static func run(_ executable: String, _ arguments: [String], environment: [String: String], stdin: String? = nil)
        throws -> (status: Int32, stdout: String, stderr: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdoutData, as: UTF8.self),
                String(decoding: stderrData, as: UTF8.self))
    }

    /// An environment with only what the tests choose: HOME plus `extra`, and PATH so `/bin/sh` helpers
    /// find their tools. IMDS is disabled unless a test enables it, so no test waits on 169.254.169.254.
    static func environment(home: String?, _ extra: [String: String] = [:]) -> [String: String] {
        var env = ["PATH": "/usr/local/bin:/usr/bin:/bin", "AWS_EC2_METADATA_DISABLED": "true"]
        if let home { env["HOME"] = home }
        env.merge(extra) { _, new in new }
        return env
    }
}
