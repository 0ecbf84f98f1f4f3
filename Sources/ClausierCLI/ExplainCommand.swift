import ArgumentParser
import Clausier
import ClausierDiagnostics

/// `clausier explain`: document a finding's code, from the catalogue `docs/CHECKS.md` is generated from.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a finding's code: what it means, an example, and the fix.",
        discussion: """
            clausier explain CLS031              one code, as text (--markdown for Markdown)
            clausier explain --list              every code and its title
            clausier explain --all --markdown    every code, as docs/CHECKS.md
                                                 (this is how it is generated)

            Exit codes: 0 explained; 2 an unknown code, or usage errors.
            """
    )

    @Argument(help: "The code to explain, such as CLS031.")
    var code: String?

    @Flag(help: "Explain every code.")
    var all = false

    @Flag(help: "List every code with its title.")
    var list = false

    @Flag(help: "Print Markdown rather than text.")
    var markdown = false

    func run() throws {
        switch (code, all, list) {
        case (let code?, false, false):
            try explain(code)
        case (nil, true, false):
            if markdown {
                Console.out(DiagnosticCatalog.markdown())
            } else {
                Console.out(DiagnosticCatalog.all.map(\.text).joined(separator: "\n"))
            }
        case (nil, false, true) where !markdown:
            Console.out(Self.list(DiagnosticCatalog.all))
        default:
            Console.err("error: give one code, --list, or --all (with or without --markdown); --markdown does not go with --list\n")
            Console.err("usage: clausier explain <code> | --list | --all [--markdown]\n")
            throw ExitStatus.usage
        }
    }

    private func explain(_ text: String) throws {
        let code = DiagnosticCode(text.uppercased())
        if let explanation = DiagnosticCatalog.explanation(for: code) {
            Console.out(markdown ? explanation.markdown : explanation.text)
            return
        }
        let codes = DiagnosticCatalog.all.map(\.code.rawValue)
        var message = "error: unknown code '\(text)'\n"
        if let close = Suggestions.closest(to: code.rawValue, among: codes) {
            message += "  hint: did you mean '\(close)'?\n"
        }
        message += "  hint: 'clausier explain --list' lists every code\n"
        Console.err(message)
        throw ExitStatus.usage
    }

    /// One line per code: the code, its title and its usual severity.
    static func list(_ explanations: [DiagnosticExplanation]) -> String {
        explanations.map { "\($0.code)  \($0.title) (\($0.severity.rawValue))\n" }.joined()
    }
}
