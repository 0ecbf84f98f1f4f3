// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "clausier",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Clausier", targets: ["Clausier"]),
        .library(name: "ClausierDiagnostics", targets: ["ClausierDiagnostics"]),
        .library(name: "ClausierCompiler", targets: ["ClausierCompiler"]),
        .library(name: "ClausierHarness", targets: ["ClausierHarness"]),
        .library(name: "ClausierHost", targets: ["ClausierHost"]),
        .executable(name: "clausier", targets: ["ClausierCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Runtime: values, calendar, compiled IR, evaluator. No YAML.
        .target(name: "Clausier"),
        // Diagnostic model and its renderers, shared by compiler, harness and CLI.
        .target(name: "ClausierDiagnostics"),
        // The system libyaml, through pkg-config.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Compiler: YAML loading, parsing, checking, lowering to the runtime IR.
        .target(name: "ClausierCompiler", dependencies: ["Clausier", "ClausierDiagnostics", "CYAML"]),
        // YAML test cases run against compiled rules.
        .target(name: "ClausierHarness", dependencies: ["Clausier", "ClausierCompiler", "ClausierDiagnostics"]),
        // What a host service needs beyond the runtime: rules loaded from a directory, reloaded atomically.
        .target(name: "ClausierHost", dependencies: ["Clausier", "ClausierCompiler", "ClausierDiagnostics"]),
        // The `clausier` command: argument parsing and rendering only.
        .executableTarget(
            name: "ClausierCLI",
            dependencies: [
                "Clausier", "ClausierCompiler", "ClausierDiagnostics", "ClausierHarness",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ClausierTests", dependencies: ["Clausier"]),
        .testTarget(name: "ClausierCompilerTests", dependencies: ["ClausierCompiler", "Clausier", "ClausierDiagnostics"]),
        .testTarget(
            name: "ClausierHarnessTests",
            dependencies: ["ClausierHarness", "ClausierCompiler", "Clausier"],
            resources: []
        ),
        .testTarget(name: "ClausierHostTests", dependencies: ["ClausierHost", "Clausier", "ClausierDiagnostics"]),
        .testTarget(name: "ClausierDiagnosticsTests", dependencies: ["ClausierDiagnostics", "ClausierHarness", "Clausier"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
