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
                "S3Destination", "Arrow",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "S3Destination",
            dependencies: [
                "FileFormats", "S3Client", "AWSAuth", "Arrow", "CZlib",
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Spec/README-API.md"]
        ),
        // `swift run -c release s3-request-bench`: S3Client throughput per request limit (bench/README.md).
        .executableTarget(name: "s3-request-bench", dependencies: ["S3Client", "AWSAuth"], path: "bench/s3-request-bench"),
        .target(name: "FileFormats", dependencies: ["Arrow", "CZlib", "CZstd", "CSnappy"]),
        .target(name: "Arrow"),
        .target(
            name: "S3Client",
            dependencies: ["AWSAuth", "HTTPTransport", "CZlib", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "AWSAuth",
            dependencies: ["CCrypto", "HTTPTransport", .product(name: "Logging", package: "swift-log")]
        ),
        // libcurl's multi interface on one event-loop thread, shared by S3Client and AWSAuth.
        .target(name: "HTTPTransport", dependencies: ["CCurl"]),
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")]),
        .systemLibrary(name: "CCrypto"),
        .systemLibrary(name: "CZlib"),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CZstd"),
        .systemLibrary(name: "CSnappy"),

        // Helpers shared by the test targets (locating ../shared, running the test venv's Python).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ArrowTests", dependencies: ["Arrow", "TestSupport"]),
        .testTarget(name: "FileFormatsTests", dependencies: ["FileFormats", "Arrow", "TestSupport"]),
        .testTarget(name: "HTTPTransportTests", dependencies: ["HTTPTransport", "TestSupport"]),
        .testTarget(name: "AWSAuthTests", dependencies: ["AWSAuth", "HTTPTransport", "TestSupport"]),
        .testTarget(
            name: "S3ClientTests",
            dependencies: [
                "S3Client", "AWSAuth", "HTTPTransport", "TestSupport", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "S3DestinationTests", dependencies: ["S3Destination", "Arrow", "FileFormats", "TestSupport"]),
        .testTarget(
            name: "PluginTransportTests",
            dependencies: [
                "PluginTransport", "S3Destination", "Arrow", "TestSupport",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
