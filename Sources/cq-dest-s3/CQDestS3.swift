import ArgumentParser
import Foundation
import Logging
import PluginTransport
import S3Destination

@main
struct CQDestS3: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cq-dest-s3",
        abstract: "CloudQuery destination plugin that writes synced tables to Amazon S3 (and S3-compatible stores).",
        version: DestinationPlugin.version,
        subcommands: [Serve.self, Stdio.self]
    )
}

/// Options shared by both transports.
struct LoggingOptions: ParsableArguments {
    @Option(help: "Log level: trace, debug, info, warn, error.")
    var logLevel: String = "info"

    @Option(help: "Log format: json or text.")
    var logFormat: String = "text"

    func validate() throws {
        guard PluginLogHandler.parseLevel(logLevel) != nil else {
            throw ValidationError("invalid --log-level \"\(logLevel)\": use trace, debug, info, warn or error")
        }
        guard PluginLogHandler.Format(rawValue: logFormat) != nil else {
            throw ValidationError("invalid --log-format \"\(logFormat)\": use json or text")
        }
    }

    func makeLogger(to handle: FileHandle) -> Logger {
        let output = LogOutput(handle)
        let level = PluginLogHandler.parseLevel(logLevel) ?? .info
        let format = PluginLogHandler.Format(rawValue: logFormat) ?? .text
        return Logger(label: "cq-dest-s3") { _ in PluginLogHandler(format: format, output: output, logLevel: level) }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the plugin over gRPC (what the CloudQuery CLI runs).")

    @Option(help: "Network: unix or tcp.") var network: String = "tcp"
    @Option(help: "A socket path (unix) or host:port (tcp).") var address: String = "localhost:7777"
    @OptionGroup var logging: LoggingOptions
    @Flag(help: "Accepted for compatibility with the CLI; this plugin sends no telemetry.") var noSentry = false
    @Option(help: "Accepted for compatibility with the CLI; this plugin needs no license.") var license: String?
    @Option(help: "Accepted for compatibility; ignored.") var otelEndpoint: String?
    @Flag(help: "Accepted for compatibility; ignored.") var otelEndpointInsecure = false

    func run() async throws {
        AllocatorTuning.apply(environment: ProcessInfo.processInfo.environment)
        // Logs go to stdout: the CLI reads the plugin's stdout as JSON log lines.
        let logger = logging.makeLogger(to: .standardOutput)
        let listen = try ListenAddress.parse(network: network, address: address)
        let plugin = DestinationPlugin(logger: logger)
        let server = GRPCPluginServer(service: PluginService(plugin: plugin), logger: logger)
        try await server.serve(
            at: listen, pluginDescription: "cloudquery/\(DestinationPlugin.name)@\(DestinationPlugin.version)",
            until: { await StopSignal.wait() })
    }
}

struct Stdio: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the plugin over length-prefixed frames on stdin/stdout (see README: The stdio transport).")

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        AllocatorTuning.apply(environment: ProcessInfo.processInfo.environment)
        // stdout carries frames, so logs go to stderr.
        let logger = logging.makeLogger(to: .standardError)
        let plugin = DestinationPlugin(logger: logger)
        try await StdioTransport(service: PluginService(plugin: plugin), logger: logger).run()
    }
}

/// SIGINT/SIGTERM: the CLI sends SIGINT after Close and SIGKILLs 5 s later.
enum StopSignal {
    static func wait() async -> String {
        await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            let once = ResumeOnce(continuation)
            for (number, name) in [(SIGINT, "interrupt"), (SIGTERM, "terminated")] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    once.resume(name)
                    // Give the server a moment to stop, then leave whatever still runs behind.
                    DispatchQueue.global().asyncAfter(deadline: .now() + 2) { exit(0) }
                }
                source.resume()
                Retained.sources.append(source)
            }
        }
    }

    /// `@unchecked Sendable`: `continuation` is read and cleared only while holding `lock`, so the
    /// first signal resumes it and later ones find nil.
    final class ResumeOnce: @unchecked Sendable {
        private var continuation: CheckedContinuation<String, Never>?
        private let lock = NSLock()
        init(_ continuation: CheckedContinuation<String, Never>) { self.continuation = continuation }
        func resume(_ value: String) {
            lock.lock()
            let c = continuation
            continuation = nil
            lock.unlock()
            c?.resume(returning: value)
        }
    }

    /// `nonisolated(unsafe)`: appended to only by the one call that installs the handlers (before any
    /// signal is handled) and never read; it only keeps the dispatch sources alive.
    enum Retained { nonisolated(unsafe) static var sources: [DispatchSourceSignal] = [] }
}

