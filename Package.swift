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
        .library(name: "ClausierCodegen", targets: ["ClausierCodegen"]),
        .executable(name: "clausier", targets: ["clausier"]),
        .plugin(name: "ClausierBuildPlugin", targets: ["ClausierBuildPlugin"]),
        .plugin(name: "ClausierCheckCommand", targets: ["ClausierCheckCommand"]),
        .plugin(name: "ClausierTestCommand", targets: ["ClausierTestCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Runtime: values, calendar, compiled IR, evaluator. No YAML.
        .target(name: "Clausier"),
        // Diagnostic model and its renderers, shared by compiler, harness and CLI. It uses the runtime for
        // its one JSON writer (`JSONValue`, `JSONWriter`), so every JSON output escapes and lays out alike.
        .target(name: "ClausierDiagnostics", dependencies: ["Clausier"]),
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
        // Swift source for host targets: the compiled rules embedded, and a typed API per contract.
        .target(name: "ClausierCodegen", dependencies: ["Clausier"]),
        // What a host service needs beyond the runtime: rules loaded from a directory, reloaded atomically.
        .target(name: "ClausierHost", dependencies: ["Clausier", "ClausierCompiler", "ClausierDiagnostics"]),
        // The `clausier` command's subcommands: argument parsing and rendering only. A library, so that tests
        // can run the commands in-process: an executable target a test depends on is linked into the test
        // bundle twice on Linux when the build plugin also uses it as a tool.
        .target(
            name: "ClausierCLI",
            dependencies: [
                "Clausier", "ClausierCompiler", "ClausierDiagnostics", "ClausierHarness", "ClausierCodegen",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The `clausier` executable: the command line handed to ClausierCLI.
        .executableTarget(name: "clausier", dependencies: ["ClausierCLI"], path: "Sources/clausier"),
        // Compiles a host target's rule files at build time into embedded rules and a typed API.
        .plugin(name: "ClausierBuildPlugin", capability: .buildTool(), dependencies: ["clausier"]),
        // `swift package clausier-check` and `swift package clausier-test`: the CLI, run from SwiftPM.
        .plugin(
            name: "ClausierCheckCommand",
            capability: .command(
                intent: .custom(verb: "clausier-check", description: "Check the contract rule files (clausier check)")),
            dependencies: ["clausier"]
        ),
        .plugin(
            name: "ClausierTestCommand",
            capability: .command(
                intent: .custom(verb: "clausier-test", description: "Run the YAML tests of the contract rules (clausier test)")),
            dependencies: ["clausier"]
        ),
        // One test target per module, testing that module. The runtime's tests compile the shipped rules and
        // read their YAML test cases, so they use the compiler and the harness as helpers.
        .testTarget(name: "ClausierTests", dependencies: ["Clausier", "ClausierCompiler", "ClausierHarness"]),
        .testTarget(name: "ClausierDiagnosticsTests", dependencies: ["ClausierDiagnostics"]),
        .testTarget(name: "ClausierCompilerTests", dependencies: ["ClausierCompiler", "Clausier", "ClausierDiagnostics"]),
        .testTarget(name: "ClausierHarnessTests", dependencies: ["ClausierHarness", "ClausierCompiler", "ClausierDiagnostics", "Clausier"]),
        .testTarget(name: "ClausierHostTests", dependencies: ["ClausierHost", "Clausier", "ClausierCompiler", "ClausierDiagnostics"]),
        .testTarget(name: "ClausierCodegenTests", dependencies: ["ClausierCodegen", "ClausierCompiler", "ClausierDiagnostics", "Clausier"]),
        // The commands run in this process, their output captured (`Console.capture`).
        .testTarget(
            name: "ClausierCLITests",
            dependencies: [
                "ClausierCLI", "ClausierDiagnostics", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The build plugin applied to the shipped rules: the generated typed API is what these tests call.
        .testTarget(
            name: "ClausierPluginTests", dependencies: ["Clausier", "ClausierHarness"], plugins: ["ClausierBuildPlugin"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system && target.type != .plugin {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
