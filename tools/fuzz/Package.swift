// swift-tools-version:5.3
import PackageDescription

// libFuzzer targets for Baton's input parser and sanitizer; ./run.sh builds and runs them (see README.md).
// They are built with `-sanitize=fuzzer,address -parse-as-library`, which the main package's products must
// not get. Tools version 5.3 on purpose: with it, a target holding main.swift is an executable whose entry
// point libFuzzer provides; newer tools versions rename `main` and the link fails.
let package = Package(
    name: "BatonFuzz",
    dependencies: [.package(name: "Baton", path: "../..")],
    targets: [
        .target(name: "ParserFuzz", dependencies: [
            .product(name: "BatonCore", package: "Baton"), .product(name: "BatonStore", package: "Baton"),
        ]),
        .target(name: "SanitizerFuzz", dependencies: [.product(name: "BatonCore", package: "Baton")]),
    ]
)
