// swift-tools-version: 6.1
import PackageDescription

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
        // Rule evaluation against a hand-written baseline, fact decoding, and compilation.
        .executableTarget(
            name: "Evaluation",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Clausier", package: "clausier"),
                .product(name: "ClausierCompiler", package: "clausier"),
            ],
            path: "Benchmarks/Evaluation",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
        // Checking rule files (`clausier check` in-process): Rules/ and a generated rule set.
        .executableTarget(
            name: "Checking",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Clausier", package: "clausier"),
                .product(name: "ClausierCompiler", package: "clausier"),
            ],
            path: "Benchmarks/Checking",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
