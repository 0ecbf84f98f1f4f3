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
        abstract: "Run YAML test files (*.test.yaml) against the rule files beside them.",
        usage: """
            clausier test [<paths> ...] [--format <format>] [--verbose]
                [--coverage] [--min-coverage <percent>]
            """,
        discussion: """
            A failing case prints what was expected, what came out, and the
            explanation. A rule file given by itself is tested with the test file
            beside it (callkom.yaml with callkom.test.yaml); paths without any test
            file are an error, since a run that tests nothing must not pass.

            Formats:
              text   the failing cases (every case with --verbose), the coverage
                     when asked for, and last the line "N passed, M failed"
                     (the default)
              json   one object {"passed", "failed", "cases": [{"file", "contract",
                     "decision", "name", "line", "passed", "failure"}]}, with
                     "coverage" when asked for and "diagnostics" when the rules or
                     the tests do not compile
              junit  JUnit XML: one testsuite per test file, one testcase per case;
                     the coverage and the summary line go to standard error
            With json and junit, findings that stop the run are also printed as
            text on standard error.

            Exit codes (the same for every format):
              0  every case passed (and every contract reaches --min-coverage)
              1  a case failed, a contract is below --min-coverage, the rules or
                 tests have errors, or there is no test to run
              2  usage errors, or a path that does not exist
            """
    )

    @Argument(help: "Directories or files holding rule files and test files.")
    var paths: [String] = ["Rules"]

    @Option(help: "Output format: \(TestFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: TestFormat = .text

    @Flag(help: "Print every case, not only the failures (text format).")
    var verbose = false

    @Flag(help: "List every decision, case, tier row, exclusion and ground of each contract, and which the tests exercise.")
    var coverage = false

    @Option(name: .customLong("min-coverage"), help: "Fail when a contract's coverage, in percent, is below this (implies --coverage).")
    var minCoverage: Double?

    @Flag(
        help: """
            After an intended change of the rules: write the answer as the expected value of every case that             expected another, and print each change to review.
            """)
    var update = false

    func validate() throws {
        if let minCoverage, !CoverageMinimum(percent: minCoverage).isValid {
            throw ValidationError("--min-coverage is a percentage from 0 to 100")
        }
    }

    func run() throws {
        try Console.requireExisting(paths)
        // The same reading of rules and tests as `clausier check`; only errors stop the run here.
        let check = RuleCheck.run(paths: paths)
        let diagnostics = check.diagnostics.filter { $0.severity == .error }
        let files = check.testFiles
        guard let rules = check.compilation.ruleSet, !diagnostics.hasErrors else {
            show(stoppedBy: diagnostics, quoting: check.sources)
            throw ExitStatus.findings
        }
        if !diagnostics.isEmpty { show(diagnostics, quoting: check.sources) }
        guard !files.isEmpty else {
            show(stoppedBy: [RuleCheck.noTests(in: paths)], quoting: check.sources)
            throw ExitStatus.findings
        }
        var report = TestRunner.run(files, rules: rules)
        if update { report = try record(report, files: files, sources: check.sources, rules: rules) }
        let minimum = minCoverage.map { CoverageMinimum(percent: $0) }
        let contracts = coverage || minimum != nil ? Coverage.compute(report, rules: rules, files: check.compilation.contractFiles) : nil
        let shortfall = minimum.map { $0.report(contracts ?? []) } ?? ""
        let summary = "\(report.passed) passed, \(report.failed) failed\n"
        switch format {
        case .text:
            for outcome in report.outcomes where !outcome.passed || verbose {
                Console.out(TestReportText.render(outcome))
            }
            if let contracts { Console.out(Coverage.text(contracts)) }
            Console.out(shortfall + summary)
        case .json:
            Console.out(TestJSONReport.render(report, coverage: contracts, minCoverage: minCoverage) + "\n")
            Console.err(shortfall + summary)
        case .junit:
            Console.out(JUnitReport.render(report))
            if let contracts { Console.err(Coverage.text(contracts)) }
            Console.err(shortfall + summary)
        }
        if report.failed > 0 || !shortfall.isEmpty { throw ExitStatus.findings }
    }

    /// Writes the re-recorded expected values, prints each change, and runs the tests again as written.
    private func record(_ report: TestReport, files: [TestFile], sources: [SourceFile], rules: RuleSet) throws -> TestReport {
        let (texts, changes) = ExpectationUpdater.update(report, sources: sources)
        for (path, bytes) in texts.sorted(by: { $0.key < $1.key }) {
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                Console.err("error: cannot write the test file \(path)\n")
                throw ExitStatus.usage
            }
        }
        let lines = changes.map { "updated \($0.description)\n" }.joined()
        if format == .text { Console.out(lines) } else { Console.err(lines) }
        guard !changes.isEmpty else { return report }
        // Only the rewritten test files are read again, from the text just written; the rules stand.
        let rewritten = files.map { file in
            texts[file.path].flatMap { TestFileLoader.load(bytes: $0, path: file.path).file } ?? file
        }
        return TestRunner.run(rewritten, rules: rules)
    }

    /// Findings as text: on standard output with --format text, else uncoloured on standard error.
    private func show(_ diagnostics: [Diagnostic], quoting sources: [SourceFile]) {
        var renderer = Console.renderer(quoting: sources)
        if format == .text {
            Console.out(renderer.render(diagnostics))
        } else {
            renderer.colors = false
            Console.err(renderer.render(diagnostics))
        }
    }

    /// Findings that stop the run, before any case runs: as text, and in the JSON or JUnit document.
    private func show(stoppedBy diagnostics: [Diagnostic], quoting sources: [SourceFile]) {
        show(diagnostics, quoting: sources)
        switch format {
        case .text: break
        case .json: Console.out(TestJSONReport.render(stoppedBy: diagnostics) + "\n")
        case .junit: Console.out(JUnitReport.render(stoppedBy: diagnostics))
        }
    }
}
