/// An error the transports turn into a gRPC status (or a stdio envelope status).
/// `message` is what the user reads in the CLI's output: it names the thing and the fix.
public struct PluginError: Error, CustomStringConvertible, Sendable {
    /// The subset of gRPC status codes the plugin uses.
    public enum Code: Int, Sendable {
        /// What a plain Go error becomes in the plugin SDK's gRPC server (e.g. a failed Read).
        case unknown = 2
        case invalidArgument = 3
        /// A message over the size limit (grpc-go's code for it).
        case resourceExhausted = 8
        case failedPrecondition = 9
        case unimplemented = 12
        case `internal` = 13
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
