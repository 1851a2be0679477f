// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Baton",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "baton", targets: ["baton"]),
        .executable(name: "baton-bench", targets: ["baton-bench"]),
        .library(name: "BatonCore", targets: ["BatonCore"]),
        .library(name: "BatonStore", targets: ["BatonStore"]),
        .library(name: "BatonConsole", targets: ["BatonConsole"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
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
        .executableTarget(name: "baton", dependencies: [
            "BatonConsole", "BatonStore", "BatonCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "baton-bench", dependencies: ["BatonConsole", "BatonStore", "BatonCore"]),
        // Test helper: claims threads from one queue in its own process, for BatonStoreTests' multi-process test.
        .executableTarget(name: "baton-claim-worker", dependencies: ["BatonStore", "BatonCore"]),
        .testTarget(name: "BatonCoreTests", dependencies: ["BatonCore"]),
        .testTarget(name: "BatonStoreTests", dependencies: ["BatonStore", "BatonCore"]),
        .testTarget(name: "BatonConsoleTests", dependencies: ["BatonConsole", "BatonStore", "BatonCore"]),
        .testTarget(name: "BatonEndToEndTests", dependencies: ["BatonCore"]),
    ]
)
