import ArgumentParser
import ClausierCompiler
import ClausierDiagnostics
import Foundation

/// `clausier check`: compile rule files and report findings.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compile rule files and report every finding.",
        discussion: """
            Directories are searched for .yaml and .yml files; test files (*.test.yaml) are skipped.
            Exit codes: 0 no errors; 1 errors (or warnings with --strict); 2 a path cannot be read.
            """
    )

    @Argument(help: "Rule files or directories to check.")
    var paths: [String] = ["Rules"]

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            Console.err("error: no such file or directory: \(path)\n")
            throw ExitStatus.usage
        }
        let result = Compiler.compile(paths: paths)
        let diagnostics = result.diagnostics
        switch format {
        case .text:
            Console.out(Console.renderer(for: diagnostics).render(diagnostics))
            if diagnostics.isEmpty, let rules = result.ruleSet {
                let decisions = rules.contracts.reduce(0) { $0 + $1.decisions.count }
                Console.out("checked \(rules.contracts.count) contract\(rules.contracts.count == 1 ? "" : "s"), \(decisions) decisions: no findings\n")
            }
        case .json:
            Console.out(JSONRenderer.render(diagnostics) + "\n")
        }
        let failing = diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        if failing { throw ExitStatus.findings }
    }
}

/// The formats findings can be printed in.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
