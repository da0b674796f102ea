/// An error of the destination that knows how the transports report it: the gRPC status code and
/// the text the CLI prints. `DestinationPlugin`'s entry points turn one into a `PluginError` by its
/// type, so no caller has to recognise an error by its text.
protocol PluginFailure: Error, CustomStringConvertible {
    var pluginError: PluginError { get }
}

/// Init could not write the test object (`test_write`): the credentials or the bucket do not
/// allow writing. TestConnection reports it as `UNAUTHORIZED` (as the Go plugin's
/// `client.New` failing at `PutObject` does), every other Init failure as `INVALID_SPEC`.
struct TestWriteFailure: PluginFailure {
    let key: String
    let cause: any Error

    /// The Go plugin's text (cloudquery/cloudquery plugins/destination/s3 `client/client.go`, `New`).
    var description: String { "failed to write test file to S3\n\(cause)" }
    var pluginError: PluginError { PluginError(.internal, description) }
}

extension SpecError: PluginFailure {
    /// A refused spec is the caller's mistake: `InvalidArgument`.
    var pluginError: PluginError { PluginError(.invalidArgument, message) }
}

extension WriteStreamFailure: PluginFailure {}
