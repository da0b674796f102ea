// swift-tools-version:6.0
// cq-dest-s3: a CloudQuery destination plugin that writes synced tables to S3.
// Module layout and dependency direction: see ../shared/DESIGN.md (targets point downward only).
import PackageDescription

let package = Package(
    name: "cq-dest-s3",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cq-dest-s3", targets: ["cq-dest-s3"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", from: "2.4.1"),
        // NIOConcurrencyHelpers' lock (pthread_mutex) for state shared between threads: unlike
        // Synchronization.Mutex on Linux, whose contended path runs in the uninstrumented stdlib,
        // ThreadSanitizer sees its acquire and release, so `make sanitize SANITIZERS=thread` checks ours.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "cq-dest-s3",
            dependencies: [
                "PluginTransport", "S3Destination", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "PluginTransport",
            dependencies: [
                "S3Destination", "Arrow", "StdioWire",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The stdio transport's framing and envelope, and the Insert path both transports share
        // (WriteInsertScan, PayloadPool): apart from gRPC so that it is cheap to fuzz.
        .target(name: "StdioWire", dependencies: [
            .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ]),
        .target(
            name: "S3Destination",
            dependencies: [
                "FileFormats", "S3Client", "AWSAuth", "Arrow", "GoText", "CMalloc",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `swift run -c release s3-request-bench`: S3Client throughput per request limit (bench/README.md).
        .executableTarget(name: "s3-request-bench", dependencies: ["S3Client", "AWSAuth"], path: "bench/s3-request-bench"),
        .target(name: "FileFormats", dependencies: ["Arrow", "GoText", "CZlib", "CZstd", "CSnappy"]),
        .target(name: "Arrow", dependencies: ["GoText"]),
        // Go's text rules written once: UTF-8, half floats, shortest float text, durations, and
        // the encoding/json reader; the formats, the spec and AWSAuth all read and write with them.
        .target(name: "GoText"),
        .target(
            name: "S3Client",
            dependencies: ["AWSAuth", "HTTPTransport", "CDeflate", .product(name: "Logging", package: "swift-log"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]
        ),
        .target(
            name: "AWSAuth",
            dependencies: ["CCrypto", "HTTPTransport", "GoText", .product(name: "Logging", package: "swift-log"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]
        ),
        // libcurl's multi interface on one event-loop thread, shared by S3Client and AWSAuth.
        .target(name: "HTTPTransport", dependencies: ["CCurl", .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]),
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")]),
        .systemLibrary(name: "CCrypto"),
        .systemLibrary(name: "CZlib"),
        .systemLibrary(name: "CDeflate"),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CZstd"),
        .systemLibrary(name: "CSnappy"),

        // Helpers shared by the test targets (locating ../shared, running the test venv's Python).
        .target(name: "TestSupport", dependencies: [.product(name: "NIOConcurrencyHelpers", package: "swift-nio")], path: "Tests/TestSupport"),
        .testTarget(name: "GoTextTests", dependencies: ["GoText"]),
        .testTarget(name: "ArrowTests", dependencies: ["Arrow", "TestSupport"]),
        .testTarget(name: "FileFormatsTests", dependencies: ["FileFormats", "Arrow", "GoText", "TestSupport"]),
        .testTarget(name: "HTTPTransportTests", dependencies: ["HTTPTransport", "TestSupport"]),
        .testTarget(name: "AWSAuthTests", dependencies: ["AWSAuth", "HTTPTransport", "TestSupport", .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]),
        .testTarget(
            name: "S3ClientTests",
            dependencies: [
                "S3Client", "AWSAuth", "HTTPTransport", "TestSupport", .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "S3DestinationTests",
            dependencies: ["S3Destination", "Arrow", "FileFormats", "GoText", "TestSupport", .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]
        ),
        .testTarget(
            name: "PluginTransportTests",
            dependencies: [
                "PluginTransport", "StdioWire", "S3Destination", "Arrow", "TestSupport",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (Fuzz/README.md), declared only when CQ_DEST_S3_FUZZ=1: they link against
// libFuzzer (-sanitize=fuzzer), which `make fuzz` / `make fuzz-regress` pass in their own
// scratch path (.build-fuzz), so ordinary builds never see them.
if Context.environment["CQ_DEST_S3_FUZZ"] == "1" {
    package.targets.append(.target(name: "FuzzSupport", path: "Fuzz/Support"))
    let fuzzTargets: [(String, [Target.Dependency])] = [
        ("FuzzStdioWire", ["StdioWire"]),
        ("FuzzArrowEncoders", ["Arrow", "FileFormats"]),
        ("FuzzSpec", ["S3Destination"]),
        ("FuzzProfiles", ["AWSAuth"]),
        ("FuzzJSONLinesRead", ["Arrow", "FileFormats"]),
        ("FuzzCSVRead", ["Arrow", "FileFormats"]),
        ("FuzzParquetRead", ["Arrow", "FileFormats"]),
        ("FuzzGoTime", ["FileFormats", "S3Destination"]),
        ("FuzzJSONCompaction", ["FileFormats"]),
        ("FuzzAthenaSanitizer", ["FileFormats"]),
    ]
    // Writes the Read targets' seeds with the plugin's own encoders (Fuzz/make_corpus.py).
    package.targets.append(.executableTarget(name: "FuzzSeeds", dependencies: ["Arrow", "FileFormats"], path: "Fuzz/Seeds"))
    package.products.append(.executable(name: "FuzzSeeds", targets: ["FuzzSeeds"]))
    for (name, dependencies) in fuzzTargets {
        package.targets.append(.executableTarget(name: name, dependencies: dependencies + ["FuzzSupport"], path: "Fuzz/Targets/\(name)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
