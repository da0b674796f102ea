import GRPCCore
import GRPCNIOTransportHTTP2Posix
import Logging
import S3Destination

/// Where `serve` listens: `--network unix --address PATH` (what the CLI uses) or TCP `host:port`.
public enum ListenAddress: Sendable, CustomStringConvertible {
    case unix(path: String)
    case tcp(host: String, port: Int)

    /// Parses the Go SDK's flags: network `unix` or `tcp`/`tcp4`/`tcp6`; address a path or `host:port`.
    public static func parse(network: String, address: String) throws -> ListenAddress {
        switch network {
        case "unix":
            return .unix(path: address)
        case "tcp", "tcp4", "tcp6":
            guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
                  (0...65535).contains(port)
            else {
                throw PluginError(.invalidArgument, "invalid --address \"\(address)\": expected host:port, e.g. localhost:7777")
            }
            var host = String(address[..<colon])
            if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            if host.isEmpty { host = "0.0.0.0" }
            if host == "localhost" { host = "127.0.0.1" }
            return .tcp(host: host, port: port)
        default:
            throw PluginError(.invalidArgument, "unsupported --network \"\(network)\": use unix or tcp")
        }
    }

    var socketAddress: GRPCNIOTransportCore.SocketAddress {
        switch self {
        case .unix(let path): return .unixDomainSocket(path: path)
        case .tcp(let host, let port): return host.contains(":") ? .ipv6(host: host, port: port) : .ipv4(host: host, port: port)
        }
    }

    public var description: String {
        switch self {
        case .unix(let path): return path
        case .tcp(let host, let port): return "\(host):\(port)"
        }
    }
}

/// The gRPC server the CloudQuery CLI talks to.
public struct GRPCPluginServer: Sendable {
    /// The CLI sends and accepts messages up to 200 MiB (gRPC's 4 MiB default breaks big inserts).
    static let maxMessageBytes = 200 * 1024 * 1024

    let service: PluginService
    let logger: Logger

    public init(service: PluginService, logger: Logger) {
        self.service = service
        self.logger = logger
    }

    /// Serves until `shutdown` is signalled. Logs "Plugin server listening" once bound.
    public func serve(at address: ListenAddress, pluginDescription: String, until shutdown: @escaping @Sendable () async -> String) async throws {
        let transport = HTTP2ServerTransport.Posix(
            address: address.socketAddress,
            transportSecurity: .plaintext,
            config: .defaults { $0.rpc.maxRequestPayloadSize = Self.maxMessageBytes }
        )
        let server = GRPCServer(transport: transport, services: [CloudQueryGRPCService(service: service)])
        let logger = self.logger
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await server.serve() }
            _ = try await transport.listeningAddress
            logger.info("Plugin server listening", metadata: ["address": "\(address)", "plugin": "\(pluginDescription)"])
            group.addTask {
                let signal = await shutdown()
                // Like the Go SDK: flushing belongs to Close, so stop at once.
                logger.info("Got stop signal. Plugin server shutting down", metadata: ["address": "\(address)", "signal": "\(signal)"])
                server.beginGracefulShutdown()
            }
        }
    }
}
