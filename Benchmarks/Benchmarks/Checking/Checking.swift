// Benchmarks of checking rule files, what `clausier check` does: read the files, load the YAML,
// parse, check and lower them to a rule set.
//
// Two inputs: the shipped contracts in Rules/ (the roadmap target is under 50 ms in-process), and
// a generated rule set of 1,000 decisions written by scripts/generate-ruleset.py (ten contracts,
// with definitions, terms, tiers, cases, exclusions and grounds, optional inputs, lists and
// records). The generated files are written once, into a temporary directory, when the benchmark
// is set up, and removed at teardown; generating them is not measured.

import Benchmark
import Clausier
import ClausierCompiler
import Foundation

// MARK: - Paths

/// The repository root: this file is <repo>/Benchmarks/Benchmarks/Checking/Checking.swift.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Checking/
    .deletingLastPathComponent()  // Benchmarks/Benchmarks/
    .deletingLastPathComponent()  // Benchmarks/
    .deletingLastPathComponent()  // <repo>/

/// The shipped contracts.
let rulesDirectory: String = repositoryRoot.appendingPathComponent("Rules").path

/// The generator of benchmark rule sets.
let generatorScript: String = repositoryRoot.appendingPathComponent("scripts/generate-ruleset.py").path

/// The number of decisions of the generated rule set, and of its contracts.
let generatedDecisions = 1_000
let generatedContracts = 10
/// The generator's seed: the same seed gives the same files, so runs compare.
let generatorSeed = 1

// MARK: - Setup

/// Compiles the rule files at `path` and stops the suite unless they compile with no finding at
/// all: timing a check that fails, or that reports warnings, would measure the wrong thing.
func checkClean(_ path: String, expectedDecisions: Int? = nil) {
    let result = Compiler.compile(paths: [path])
    guard let ruleSet = result.ruleSet, result.diagnostics.isEmpty else {
        fatalError("\(path) does not check clean:\n\(result.diagnostics)")
    }
    if let expectedDecisions {
        let decisions = ruleSet.contracts.reduce(0) { $0 + $1.decisions.count }
        guard decisions == expectedDecisions else {
            fatalError("\(path): expected \(expectedDecisions) decisions, compiled \(decisions)")
        }
    }
}

/// Runs scripts/generate-ruleset.py (with the `python3` found on PATH) into `directory`.
func generateRuleSet(into directory: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
        "python3", generatorScript,
        "--decisions", String(generatedDecisions),
        "--contracts", String(generatedContracts),
        "--seed", String(generatorSeed),
        "--out", directory,
    ]
    try process.run()
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
        fatalError("\(generatorScript) failed (status \(process.terminationStatus)); is python3 on PATH?")
    }
}

// MARK: - Benchmarks

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .peakMemoryResident, .throughput]

    // One compilation of the five shipped contracts per iteration.
    Benchmark(
        "check Rules/ (in-process)",
        configuration: .init(metrics: metrics, maxDuration: .seconds(2)),
        closure: { benchmark, path in
            for _ in benchmark.scaledIterations {
                blackHole(Compiler.compile(paths: [path]))
            }
        },
        setup: { () -> String in
            checkClean(rulesDirectory)
            return rulesDirectory
        })

    // One compilation of the ten generated contracts (1,000 decisions) per iteration.
    let generatedDirectory = FileManager.default.temporaryDirectory
        .appendingPathComponent("clausier-checking-\(ProcessInfo.processInfo.processIdentifier)-\(generatedDecisions)")
        .path
    Benchmark(
        "check generated 1,000 decisions (in-process)",
        configuration: .init(metrics: metrics, maxDuration: .seconds(5), maxIterations: 200),
        closure: { benchmark, path in
            for _ in benchmark.scaledIterations {
                blackHole(Compiler.compile(paths: [path]))
            }
        },
        setup: { () -> String in
            try generateRuleSet(into: generatedDirectory)
            checkClean(generatedDirectory, expectedDecisions: generatedDecisions)
            return generatedDirectory
        },
        teardown: {
            try? FileManager.default.removeItem(atPath: generatedDirectory)
        })
}
