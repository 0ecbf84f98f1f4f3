// swift-tools-version: 6.1
import PackageDescription

// The Clausier decision service: the shipped contracts behind HTTP, with Hummingbird.
//
// The library target applies the build plugin to the rule files linked under
// Sources/DecisionService/Rules, so the contracts are checked and compiled into `CompiledRules`
// when this package builds: a rule error fails the build at the YAML line.
let package = Package(
    name: "DecisionService",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "decision-service", targets: ["decision-service"]),
        .library(name: "DecisionService", targets: ["DecisionService"]),
    ],
    dependencies: [
        .package(name: "clausier", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // The app: configuration, rules, router and handlers (`buildApplication(_:)`).
        .target(
            name: "DecisionService",
            dependencies: [
                .product(name: "Clausier", package: "clausier"),
                .product(name: "ClausierHost", package: "clausier"),
                .product(name: "ClausierDiagnostics", package: "clausier"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: [.plugin(name: "ClausierBuildPlugin", package: "clausier")]
        ),
        // The command line: `decision-service [--rules <dir>] [--host <host>] [--port <port>]`.
        .executableTarget(
            name: "decision-service",
            dependencies: [
                "DecisionService",
                .product(name: "ClausierDiagnostics", package: "clausier"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "DecisionServiceTests",
            dependencies: [
                "DecisionService",
                .product(name: "Clausier", package: "clausier"),
                .product(name: "ClausierHost", package: "clausier"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
