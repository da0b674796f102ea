import Foundation
import Logging

/// Log lines in the shape the CloudQuery CLI re-logs (zerolog's): one JSON object per line with
/// `level`, `module`, `message` and the metadata as fields. `--log-format text` gives a plain line.
struct PluginLogHandler: LogHandler {
    enum Format: String { case json, text }

    let format: Format
    let output: LogOutput
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = ["module": "s3-destination"]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields = self.metadata
        if let extra = event.metadata { fields.merge(extra) { $1 } }
        let level = Self.zerologLevel(event.level)
        switch format {
        case .json:
            var object: [String: Any] = ["level": level, "message": event.message.description]
            for (key, value) in fields where key != "level" && key != "message" { object[key] = Self.jsonValue(value) }
            var line = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            // The CLI reads 4 KiB lines and truncates longer ones; keep each line whole and short.
            if line.count > 4000 {
                object = ["level": level, "message": String(event.message.description.prefix(3000)), "truncated": true]
                line = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            }
            line.append(0x0a)
            output.write(line)
        case .text:
            let rendered = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            output.write(Data("\(level.uppercased()) \(event.message) \(rendered)\n".utf8))
        }
    }

    /// zerolog's level names: the CLI rejects others (e.g. "warning", "critical").
    static func zerologLevel(_ level: Logger.Level) -> String {
        switch level {
        case .trace: return "trace"
        case .debug: return "debug"
        case .info, .notice: return "info"
        case .warning: return "warn"
        case .error, .critical: return "error"
        }
    }

    static func parseLevel(_ name: String) -> Logger.Level? {
        switch name.lowercased() {
        case "trace": return .trace
        case "debug": return .debug
        case "info": return .info
        case "warn", "warning": return .warning
        case "error": return .error
        default: return nil
        }
    }

    private static func jsonValue(_ value: Logger.MetadataValue) -> Any {
        switch value {
        case .string(let s): return s
        case .stringConvertible(let c): return c.description
        case .array(let a): return a.map(jsonValue)
        case .dictionary(let d): return d.mapValues(jsonValue)
        }
    }
}

/// Serialises writes of whole lines to one file descriptor (stdout for serve, stderr for stdio).
/// `@unchecked Sendable`: `handle` never changes and every write holds `lock`.
final class LogOutput: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()
    init(_ handle: FileHandle) { self.handle = handle }
    func write(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        try? handle.write(contentsOf: data)
    }
}
