// swift-tools-version: 6.1
import PackageDescription

/// A benchmark executable in `Benchmarks/<name>`, run by ordo-one's plugin. With `compilesRules`, the
/// folder's rule files (symbolic links into Rules/) are compiled by Clausier's build plugin into
/// `CompiledRules` and a typed API per contract, as in a host.
func benchmark(_ name: String, _ dependencies: [Target.Dependency], compilesRules: Bool = false) -> Target {
    var plugins: [Target.PluginUsage] = [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    if compilesRules { plugins.append(.plugin(name: "ClausierBuildPlugin", package: "clausier")) }
    return .executableTarget(
        name: name,
        dependencies: [
            .product(name: "Benchmark", package: "benchmark"),
            .product(name: "Clausier", package: "clausier"),
        ] + dependencies,
        path: "Benchmarks/\(name)",
        plugins: plugins
    )
}

// Benchmarks of Clausier, kept in their own package so that the core package does not depend
// on ordo-one/benchmark and its malloc interposer. Run from this directory with
// `swift package benchmark` (see README.md).
let package = Package(
    name: "ClausierBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "clausier", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The hand-written Swift functions the engine is measured against, and the cases they share
        // with the benchmarks of the same decisions (Evaluation, SideBySide).
        .target(
            name: "Baselines",
            dependencies: [.product(name: "Clausier", package: "clausier")],
            path: "Sources/Baselines"
        ),
        // Rule evaluation against a hand-written baseline, fact decoding, and compilation.
        benchmark("Evaluation", ["Baselines", .product(name: "ClausierCompiler", package: "clausier")]),
        // Checking rule files (`clausier check` in-process): Rules/ and a generated rule set.
        benchmark("Checking", [.product(name: "ClausierCompiler", package: "clausier")]),
        // The peer benchmark's decisions (Rules/peer-bench.yaml) and prospect-it/sla_penalty, each
        // through the generated typed API, the interpreter (typed values, parsed JSON, JSON text, with
        // the explanation) and by hand. The folder links to the two rule files.
        benchmark("SideBySide", ["Baselines"], compilesRules: true),
        // `CompiledRules.load()` of the five shipped contracts, which the folder links to.
        benchmark("Loading", [], compilesRules: true),
    ],
    swiftLanguageModes: [.v6]
)
