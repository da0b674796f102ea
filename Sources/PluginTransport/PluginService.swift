import Foundation
import S3Destination
import SwiftProtobuf

/// The plugin as the protobuf messages of CloudQuery protocol v3 see it. Both transports
/// (gRPC `serve` and `stdio`) call this one value, so they hold no plugin logic themselves.
public struct PluginService: Sendable {
    let plugin: DestinationPlugin

    public init(plugin: DestinationPlugin) {
        self.plugin = plugin
    }

    /// Protocol versions this plugin speaks (the CLI requires 3).
    func getVersions() -> Cloudquery_Discovery_V1_GetVersions.Response {
        var response = Cloudquery_Discovery_V1_GetVersions.Response()
        response.versions = [3]
        return response
    }

    func getName() -> Cloudquery_Plugin_V3_GetName.Response {
        var response = Cloudquery_Plugin_V3_GetName.Response()
        response.name = DestinationPlugin.name
        return response
    }

    func getVersion() -> Cloudquery_Plugin_V3_GetVersion.Response {
        var response = Cloudquery_Plugin_V3_GetVersion.Response()
        response.version = DestinationPlugin.version
        return response
    }

    func getSpecSchema() -> Cloudquery_Plugin_V3_GetSpecSchema.Response {
        var response = Cloudquery_Plugin_V3_GetSpecSchema.Response()
        response.jsonSchema = DestinationPlugin.jsonSchema
        return response
    }

    public func initialize(_ request: Cloudquery_Plugin_V3_Init.Request) async throws -> Cloudquery_Plugin_V3_Init.Response {
        do {
            try await plugin.initialize(
                spec: [UInt8](request.spec), noConnection: request.noConnection, invocationID: request.invocationID)
        } catch let error as PluginError {
            // The Go SDK's wording, so users see the same text as with the Go plugin.
            throw PluginError(error.code, "failed to init plugin: failed to initialize client: \(error.message)")
        }
        return Cloudquery_Plugin_V3_Init.Response()
    }

    /// Consumes a Write client stream (each transport makes the messages from its own wire form).
    /// Returns only when every object of the stream is in S3.
    func write<Messages: AsyncSequence & Sendable>(messages: Messages) async throws -> Cloudquery_Plugin_V3_Write.Response
    where Messages.Element == WriteMessage {
        try await plugin.write(messages)
        return Cloudquery_Plugin_V3_Write.Response()
    }

    /// A Read server stream: `send` gets one response per record batch of the table's object.
    public func read(_ request: Cloudquery_Plugin_V3_Read.Request,
                     send: @escaping @Sendable (Cloudquery_Plugin_V3_Read.Response) async throws -> Void) async throws {
        try await plugin.read(schemaIPC: [UInt8](request.table)) { record in
            var response = Cloudquery_Plugin_V3_Read.Response()
            response.record = Data(record)
            try await send(response)
        }
    }

    public func close() async throws -> Cloudquery_Plugin_V3_Close.Response {
        try await plugin.close()
        return Cloudquery_Plugin_V3_Close.Response()
    }

    public func testConnection(_ request: Cloudquery_Plugin_V3_TestConnection.Request) async -> Cloudquery_Plugin_V3_TestConnection.Response {
        let outcome = await plugin.testConnection(spec: [UInt8](request.spec))
        var response = Cloudquery_Plugin_V3_TestConnection.Response()
        response.success = outcome.success
        response.failureCode = outcome.failureCode
        response.failureDescription = outcome.failureDescription
        return response
    }

    /// Sync, GetTables and Transform* belong to sources and transformers.
    public static func unimplemented(_ method: String) -> PluginError {
        PluginError(.unimplemented, "\(method) is not supported by the s3 destination plugin")
    }
}

extension WriteMessage {
    /// The message a Write request carries; nil for an empty oneof (e.g. a field from a newer
    /// protocol), which carries nothing.
    init?(_ request: Cloudquery_Plugin_V3_Write.Request) {
        switch request.message {
        case .migrateTable(let m): self = .migrateTable(schemaIPC: m.table, force: m.migrateForce)
        case .insert(let m): self = .insert(recordIPC: m.record)
        case .delete(let m): self = .deleteStale(table: m.tableName, sourceName: m.sourceName, syncTime: m.syncTime.date)
        case .deleteRecord(let m): self = .deleteRecord(table: m.tableName)
        case nil: return nil
        }
    }
}
