// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Baton",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "baton", targets: ["baton"]),
        .executable(name: "baton-bench", targets: ["baton-bench"]),
        .library(name: "BatonCore", targets: ["BatonCore"]),
        .library(name: "BatonStore", targets: ["BatonStore"]),
        .library(name: "BatonConsole", targets: ["BatonConsole"]),
        .library(name: "BatonServer", targets: ["BatonServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // HTTP API and webhooks (BatonServer).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // Pure domain: values and rules. No I/O, no SQL, no curses.
        .target(name: "BatonCore", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),
        // The only module that knows SQL.
        .target(name: "BatonStore", dependencies: ["BatonCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // ncursesw as a system library; shim.h wraps its macros and globals in inline functions.
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(name: "BatonConsole", dependencies: [
            "BatonStore", "BatonCore", "CNcurses", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // HTTP API and signed webhooks, on top of the store's operations.
        .target(name: "BatonServer", dependencies: [
            "BatonStore", "BatonCore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ]),
        .executableTarget(name: "baton", dependencies: [
            "BatonConsole", "BatonServer", "BatonStore", "BatonCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "baton-bench", dependencies: ["BatonConsole", "BatonStore", "BatonCore"]),
        // Test helper: claims threads from one queue in its own process, for BatonStoreTests' multi-process test.
        .executableTarget(name: "baton-claim-worker", dependencies: ["BatonStore", "BatonCore"]),
        .testTarget(name: "BatonCoreTests", dependencies: ["BatonCore"]),
        .testTarget(name: "BatonStoreTests", dependencies: ["BatonStore", "BatonCore"]),
        .testTarget(name: "BatonConsoleTests", dependencies: ["BatonConsole", "BatonStore", "BatonCore"]),
        .testTarget(name: "BatonServerTests", dependencies: [
            "BatonServer", "BatonStore", "BatonCore",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .testTarget(name: "BatonEndToEndTests", dependencies: ["BatonCore"]),
    ]
)
