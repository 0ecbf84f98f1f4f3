import ArgumentParser
import ClausierCompiler
import ClausierDiagnostics
import ClausierHarness
import Foundation

/// `clausier check`: compile rule files and report findings.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compile rule files and report every finding.",
        discussion: """
            Directories are searched for .yaml and .yml files. Test files
            (*.test.yaml) are read too: a test that cannot run is an error (CLS070),
            and a decision that no test asks is a warning (CLS071).
            `clausier explain <CODE>` explains any finding.

            Formats:
              text    findings with the line at fault and hints, then a summary
                      (the default; coloured only on a terminal, never when
                      NO_COLOR is set)
              json    an array of {"code", "severity", "message", "file", "line",
                      "column", "hints", "notes"}
              sarif   a SARIF 2.1.0 log, for GitHub code scanning (upload it
                      with github/codeql-action/upload-sarif)
              github  one workflow command per finding
                      (::error file=...,line=...,col=...,title=CLS010::...),
                      which GitHub Actions shows as annotations on the pull request

            Exit codes (the same for every format):
              0  no errors (and, with --strict, no warnings)
              1  errors, or warnings with --strict
              2  usage errors, or a path that does not exist
            """
    )

    @Argument(help: "Rule files or directories to check.")
    var paths: [String] = ["Rules"]

    @Option(help: "Output format: \(CheckFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: CheckFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        try Console.requireExisting(paths)
        let check = RuleCheck.run(paths: paths)
        let result = check.compilation
        let diagnostics = check.diagnostics
        switch format {
        case .text:
            Console.out(Console.renderer(quoting: check.sources).render(diagnostics))
            if diagnostics.isEmpty, let rules = result.ruleSet {
                let decisions = rules.contracts.reduce(0) { $0 + $1.decisions.count }
                let tests = check.testFiles.reduce(0) { $0 + $1.cases.count }
                Console.out(
                    "checked \(rules.contracts.count) contract\(rules.contracts.count == 1 ? "" : "s"), \(decisions) decisions"
                        + (tests > 0 ? " and \(tests) test cases" : "") + ": no findings\n")
            }
        case .json:
            Console.out(JSONRenderer.render(diagnostics) + "\n")
        case .sarif:
            Console.out(SARIFRenderer.render(diagnostics, toolVersion: ClausierCommand.version) + "\n")
        case .github:
            Console.out(GitHubRenderer.render(diagnostics))
        }
        let failing = diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        if failing { throw ExitStatus.findings }
    }
}
