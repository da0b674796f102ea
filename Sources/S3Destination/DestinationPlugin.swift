import Arrow
import AWSAuth
import FileFormats
import Foundation
import Logging

/// The S3 destination plugin: Init → Write → Close (repeatable on one process, as the CLI does
/// with several sources), plus TestConnection and the spec's JSON schema.
public actor DestinationPlugin {
    public static let name = "s3"
    public static let version = "v0.1.0"
    public static var jsonSchema: String { DestinationSpecSchema.json }

    private let logger: Logger
    private let environment: [String: String]
    private let makeStore: @Sendable (DestinationConfig, CredentialsProvider, Logger) throws -> ObjectStore
    private var session: Session?

    /// What Init established.
    struct Session: Sendable {
        let config: DestinationConfig
        let store: ObjectStore
    }

    public init(logger: Logger, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(logger: logger, environment: environment, makeStore: nil)
    }

    /// `makeStore`: the object store for a spec (tests pass an in-memory one); nil for S3.
    init(
        logger: Logger,
        environment: [String: String],
        makeStore: (@Sendable (DestinationConfig, CredentialsProvider, Logger) throws -> ObjectStore)?
    ) {
        self.logger = logger
        self.environment = environment
        self.makeStore = makeStore ?? { config, credentials, logger in
            try S3ObjectStore(config: config, credentials: credentials, logger: logger)
        }
    }

    /// Parses and validates the spec, finds credentials and (with `test_write`) writes the test object.
    public func initialize(spec: [UInt8], noConnection: Bool, invocationID: String) async throws {
        session = nil
        if noConnection { return }  // as Go: a bare client, the spec is not even parsed
        let opened: Session
        do {
            opened = try await open(spec: spec, invocationID: invocationID)
        } catch let failure as PluginFailure {
            throw failure.pluginError
        }
        session = opened
        let config = opened.config
        logger.info("initialized", metadata: [
            "bucket": "\(config.bucket)", "path": "\(config.path)", "format": "\(config.outputFormat.rawValue)",
            "invocation_id": "\(invocationID)",
        ])
    }

    /// Init's steps, failing with the step's own error type (`SpecError`, `TestWriteFailure`, or a
    /// `PluginError` from credential resolution).
    private func open(spec: [UInt8], invocationID: String) async throws -> Session {
        let config = try DestinationConfig.load(spec: spec, invocationID: invocationID)
        let credentials = try await resolveCredentials(config)
        let store = try makeStore(config, credentials, logger)
        if config.testWrite {
            let key = config.testObjectKey(time: Date())
            do {
                try await store.put(key: key, body: [], contentType: nil)
            } catch {
                throw TestWriteFailure(key: key, cause: error)
            }
        }
        return Session(config: config, store: store)
    }

    /// Consumes one Write stream; returns once every object it produced is in S3.
    public func write<Messages: AsyncSequence & Sendable>(_ messages: Messages) async throws
    where Messages.Element == WriteMessage {
        guard let session else {
            throw PluginError(.failedPrecondition, "Write called before a successful Init")
        }
        let config = session.config
        let settings = config.writeSettings, timeout = config.batchTimeoutDuration
        let store = session.store, logger = self.logger
        let written = try await WriteLoop.run(messages, timeout: timeout) { events in
            WriteSession(settings: settings, store: store, events: events, logger: logger)
        }
        let totals = written.totals
        if !config.manifestPath.isEmpty {
            try await writeManifest(config: config, store: session.store, objects: totals.written)
        }
        logger.info("write finished", metadata: [
            "objects": "\(totals.objects)", "rows": "\(totals.rows)", "bytes": "\(totals.bytes)", "parts": "\(totals.parts)",
            "retries": "\(session.store.retries)", "max_requests_in_flight": "\(written.mostRequestsInFlight)",
            "most_memory_bytes": "\(written.mostMemoryUsed)",
            "partitions_closed_early": "\(totals.partitionsClosedEarly)",
            "spilled_objects": "\(totals.spilledObjects)", "reused_part_buffers": "\(written.reusedPartBuffers)",
        ])
    }

    private func writeManifest(config: DestinationConfig, store: ObjectStore, objects: [ManifestEntry]) async throws {
        let now = Date()
        let key = SyncManifest.key(config: config, now: now)
        do {
            let body = try SyncManifest(config: config, objects: objects, now: now).encoded()
            try await store.put(key: key, body: body, contentType: "application/json")
        } catch {
            throw PluginError(.internal, "write failed: sync manifest \"\(key)\": \(error)")
        }
        logger.info("sync manifest written", metadata: ["key": "\(key)", "objects": "\(objects.count)"])
    }

    /// Read of a `no_rotate` table: `emit` gets each batch of its object as an Arrow IPC stream
    /// (schema + one record batch, as the Go SDK's `RecordToBytes`).
    public func read(schemaIPC: [UInt8], emit: @Sendable ([UInt8]) async throws -> Void) async throws {
        guard let session else {
            throw PluginError(.failedPrecondition, "Read called before a successful Init")
        }
        let schema: Schema
        do {
            schema = try ArrowIPC.readStream(schemaIPC).schema
        } catch {
            throw PluginError(.invalidArgument, "failed to create schema from bytes: \(error)")
        }
        let reader = TableRead(config: session.config, store: session.store)
        var rows = 0
        try await reader.read(schema: schema) { batch in
            rows += batch.length
            try await emit(IPCStreamWriter.stream(schema: batch.schema, batches: [batch]))
        }
        logger.info("read finished", metadata: [
            "table": "\(schema.tableName ?? "")", "key": "\(reader.key(table: schema.tableName ?? ""))", "rows": "\(rows)",
        ])
    }

    public func close() async throws {
        session = nil
    }

    /// The Go plugin's connection test: a fresh client with a random invocation id;
    /// a failed test write is `UNAUTHORIZED`, anything else `INVALID_SPEC`.
    public func testConnection(spec: [UInt8]) async -> TestConnectionOutcome {
        let probe = DestinationPlugin(logger: logger, environment: environment, makeStore: makeStore)
        do {
            _ = try await probe.open(spec: spec, invocationID: UUID().uuidString.lowercased())
            return TestConnectionOutcome(success: true, failureCode: "", failureDescription: "")
        } catch {
            let code = error is TestWriteFailure ? "UNAUTHORIZED" : "INVALID_SPEC"
            return TestConnectionOutcome(success: false, failureCode: code, failureDescription: String(describing: error))
        }
    }

    private func resolveCredentials(_ config: DestinationConfig) async throws -> CredentialsProvider {
        let provider = try CredentialsResolution.provider(for: config, environment: environment, logger: logger)
        do {
            _ = try await provider.credentials()
        } catch {
            // The detail (which providers were tried, and why each was skipped) goes to the log.
            logger.error("failed to retrieve AWS credentials", metadata: ["error": "\(error)"])
            throw PluginError(.internal,
                "error retrieving AWS credentials (see logs for details). Please verify your credentials and try again")
        }
        return provider
    }
}

/// The result of TestConnection.
public struct TestConnectionOutcome: Sendable {
    public var success: Bool
    public var failureCode: String
    public var failureDescription: String
}
