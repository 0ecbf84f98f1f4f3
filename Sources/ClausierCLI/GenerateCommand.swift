import ArgumentParser
import ClausierCodegen
import ClausierCompiler
import ClausierDiagnostics
import Foundation

/// `clausier generate`: compile rule files into Swift source for a host target.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Compile rule files into Swift source: the rules embedded, and a typed API per contract.",
        discussion: """
            The build-tool plugin runs this for host targets. Findings are printed
            the way compilers print them (file:line:column: error: …), so that
            SwiftPM and Xcode show them at the rule file's line.

            Exit codes: 0 generated; 1 the rules have errors (nothing is written);
            2 usage or I/O errors.
            """
    )

    @Option(help: "The Swift file to write.")
    var output: String

    @Argument(help: "Rule files or directories.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one rule file or directory") }
    }

    func run() throws {
        try Console.requireExisting(paths)
        let result = Compiler.compile(paths: paths)
        if !result.diagnostics.isEmpty { Console.err(CompilerStyleRenderer.render(result.diagnostics)) }
        guard let rules = result.ruleSet else { throw ExitStatus.findings }
        let source: String
        do {
            source = try CodeGenerator.source(for: rules, sourceFiles: paths)
        } catch {
            Console.err("error: the compiled rules cannot be encoded: \(error)\n")
            throw ExitStatus.usage
        }
        // Write only when the text changed, so that an unchanged rule file does not rebuild the host.
        if let existing = FileManager.default.contents(atPath: output), existing == Data(source.utf8) { return }
        do {
            try source.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            Console.err("error: cannot write \(output): \(error.localizedDescription)\n")
            throw ExitStatus.usage
        }
    }
}
