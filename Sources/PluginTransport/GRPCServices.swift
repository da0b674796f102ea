import GRPCCore
import GRPCProtobuf
import S3Destination
import StdioWire
import SwiftProtobuf

/// gRPC method descriptors of the CloudQuery protocol (services `cloudquery.discovery.v1.Discovery` and
/// `cloudquery.plugin.v3.Plugin` of cloudquery/plugin-pb `discovery/v1/discovery.proto`, `plugin/v3/plugin.proto`).
enum Methods {
    static let discovery = ServiceDescriptor(fullyQualifiedService: "cloudquery.discovery.v1.Discovery")
    static let plugin = ServiceDescriptor(fullyQualifiedService: "cloudquery.plugin.v3.Plugin")

    static func plugin(_ name: String) -> MethodDescriptor {
        MethodDescriptor(service: plugin, method: name)
    }
    static let getVersions = MethodDescriptor(service: discovery, method: "GetVersions")
    static let unimplementedPluginMethods = ["GetTables", "Sync", "Transform", "TransformSchema"]
}

extension PluginError {
    var rpcError: RPCError {
        let status = Status.Code(rawValue: code.rawValue).flatMap { RPCError.Code($0) } ?? .internalError
        return RPCError(code: status, message: message)
    }
}

/// Runs a handler body and turns any error into an `RPCError` with a readable message.
func rpcErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as PluginError {
        throw error.rpcError
    } catch let error as RPCError {
        throw error
    } catch {
        throw RPCError(code: .internalError, message: String(describing: error))
    }
}

/// Discovery v1 and Plugin v3 served by one `PluginService`.
struct CloudQueryGRPCService: RegistrableRPCService {
    let service: PluginService

    func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        let service = self.service
        unary(&router, Methods.getVersions) { (_: Cloudquery_Discovery_V1_GetVersions.Request) in
            service.getVersions()
        }
        unary(&router, Methods.plugin("GetName")) { (_: Cloudquery_Plugin_V3_GetName.Request) in service.getName() }
        unary(&router, Methods.plugin("GetVersion")) { (_: Cloudquery_Plugin_V3_GetVersion.Request) in
            service.getVersion()
        }
        unary(&router, Methods.plugin("GetSpecSchema")) { (_: Cloudquery_Plugin_V3_GetSpecSchema.Request) in
            service.getSpecSchema()
        }
        unary(&router, Methods.plugin("Init")) { (request: Cloudquery_Plugin_V3_Init.Request) in
            try await service.initialize(request)
        }
        unary(&router, Methods.plugin("Close")) { (_: Cloudquery_Plugin_V3_Close.Request) in
            try await service.close()
        }
        unary(&router, Methods.plugin("TestConnection")) { (request: Cloudquery_Plugin_V3_TestConnection.Request) in
            await service.testConnection(request)
        }
        router.registerHandler(
            forMethod: Methods.plugin("Write"),
            deserializer: WriteMessageDeserializer(pool: PayloadPool()),
            serializer: ProtobufSerializer<Cloudquery_Plugin_V3_Write.Response>()
        ) { request, _ in
            let messages = request.messages.compactMap { $0 }
            let response = try await rpcErrors { try await service.write(messages: messages) }
            return StreamingServerResponse(single: ServerResponse(message: response))
        }
        router.registerHandler(
            forMethod: Methods.plugin("Read"),
            deserializer: ProtobufDeserializer<Cloudquery_Plugin_V3_Read.Request>(),
            serializer: ProtobufSerializer<Cloudquery_Plugin_V3_Read.Response>()
        ) { request, _ in
            let single = try await ServerRequest(stream: request)
            return StreamingServerResponse { writer in
                try await rpcErrors { try await service.read(single.message) { try await writer.write($0) } }
                return [:]
            }
        }
        // Methods of sources and transformers: answered with UNIMPLEMENTED and a message saying why.
        for name in Methods.unimplementedPluginMethods {
            router.registerHandler(
                forMethod: Methods.plugin(name),
                deserializer: DiscardingDeserializer(),
                serializer: ProtobufSerializer<Google_Protobuf_Empty>()
            ) { _, _ in
                throw PluginService.unimplemented(name).rpcError
            }
        }
    }

    private func unary<Request: SwiftProtobuf.Message, Response: SwiftProtobuf.Message>(
        _ router: inout RPCRouter<some ServerTransport>,
        _ method: MethodDescriptor,
        _ body: @escaping @Sendable (Request) async throws -> Response
    ) {
        router.registerHandler(
            forMethod: method,
            deserializer: ProtobufDeserializer<Request>(),
            serializer: ProtobufSerializer<Response>()
        ) { request, _ in
            let single = try await ServerRequest(stream: request)
            let response = try await rpcErrors { try await body(single.message) }
            return StreamingServerResponse(single: ServerResponse(message: response))
        }
    }
}

/// Accepts any request bytes without parsing them (for methods that only return UNIMPLEMENTED).
struct DiscardingDeserializer: MessageDeserializer {
    func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> Bool { true }
}
