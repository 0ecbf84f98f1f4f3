import ArgumentParser
import Clausier
import ClausierCompiler
import ClausierDiagnostics
import ClausierHarness
import Foundation

/// `clausier test`: run YAML test cases against the rules beside them.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run YAML test files (*.test.yaml) against the rule files in the same paths.",
        discussion: """
            A failing case prints what was expected, what came out, and the explanation.
            Exit codes: 0 every case passed; 1 a case failed or the rules or tests have errors; 2 a path cannot be read.
            """
    )

    @Argument(help: "Directories or files holding rule files and test files.")
    var paths: [String] = ["Rules"]

    @Flag(help: "Print every case, not only the failures.")
    var verbose = false

    @Flag(help: "List every decision, case, tier row, exclusion and ground of each contract, and which the tests exercise.")
    var coverage = false

    @Option(name: .customLong("min-coverage"), help: "Fail when a contract's coverage, in percent, is below this (implies --coverage).")
    var minCoverage: Double?

    func validate() throws {
        if let minCoverage, !(0...100).contains(minCoverage) {
            throw ValidationError("--min-coverage is a percentage from 0 to 100")
        }
    }

    func run() throws {
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            Console.err("error: no such file or directory: \(path)\n")
            throw ExitStatus.usage
        }
        let compiled = Compiler.compile(paths: paths)
        var diagnostics = compiled.diagnostics.filter { $0.severity == .error }
        var files: [TestFile] = []
        for path in Compiler.testFiles(in: paths, diagnostics: &diagnostics) {
            guard let bytes = Console.read(path) else {
                diagnostics.append(.error(.unreadableFile, "cannot read the file", at: SourceLocation(file: path, line: 1, column: 1)))
                continue
            }
            let (file, found) = TestFileLoader.load(bytes: bytes, path: path)
            diagnostics += found
            if let file { files.append(file) }
        }
        if !diagnostics.isEmpty {
            Console.out(Console.renderer(for: diagnostics).render(diagnostics))
        }
        guard let rules = compiled.ruleSet, !diagnostics.hasErrors else { throw ExitStatus.findings }
        let report = TestRunner.run(files, rules: rules)
        for outcome in report.outcomes where !outcome.passed || verbose {
            Console.out(TestReportText.render(outcome))
        }
        var belowThreshold: [ContractCoverage] = []
        if coverage || minCoverage != nil {
            let contracts = Coverage.compute(report, rules: rules)
            Console.out(Coverage.text(contracts))
            if let minCoverage {
                belowThreshold = contracts.filter { $0.percent < minCoverage }
                for contract in belowThreshold {
                    Console.out("coverage of \(contract.contract) is \(Coverage.format(contract.percent))%, below the minimum of \(minCoverage)%\n")
                }
            }
        }
        Console.out("\(report.passed) passed, \(report.failed) failed\n")
        if report.failed > 0 || !belowThreshold.isEmpty { throw ExitStatus.findings }
    }
}
