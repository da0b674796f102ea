@testable import AWSAuth
import Foundation
import NIOConcurrencyHelpers
@testable import S3Client

/// Records the backoff delays the client asks for instead of waiting them.
final class SleepRecorder: Sendable {
    private let recorded = NIOLockedValueBox<[Double]>([])

    var delays: [Double] { recorded.withLockedValue { $0 } }

    var sleep: @Sendable (Double) async throws -> Void {
        { [self] seconds in
            recorded.withLockedValue { $0.append(seconds) }
            try Task.checkCancellation()
        }
    }
}

/// Clients pointed at a ``ScriptedHTTPServer``.
enum ScriptedClient {
    static let credentials = Credentials(accessKeyId: "AKIDSCRIPTED00000001", secretAccessKey: "scripted/secret+key-0123456789")
    static let region = "us-east-1"

    static func make(
        _ server: ScriptedHTTPServer,
        maxAttempts: Int = 3,
        maxBackoff: Double = 20,
        random: Double = 0.5,
        sleeper: SleepRecorder = SleepRecorder(),
        credentials: Credentials = credentials,
        configure: (inout S3ClientConfig) -> Void = { _ in }
    ) throws -> S3Client {
        var config = S3ClientConfig(
            region: region, credentialsProvider: StaticCredentialsProvider(credentials), endpoint: server.endpoint,
            usePathStyle: true, connectTimeout: 2, stallTimeout: 5, environment: [:],
            retry: S3RetryPolicy(maxAttempts: maxAttempts, maxBackoff: maxBackoff, sleep: sleeper.sleep, random: { random }))
        configure(&config)
        return try S3Client(config: config)
    }
}
