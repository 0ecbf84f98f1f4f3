import ArgumentParser
import Testing

@testable import ClausierCLI

/// `--help` reads cleanly in an 80-column terminal: no line is longer, so none is broken in two
/// by the terminal.
@Suite struct HelpTests {
    static let commands: [(String, any ParsableCommand.Type)] = [
        ("clausier", ClausierCommand.self), ("check", CheckCommand.self), ("test", TestCommand.self),
        ("eval", EvalCommand.self), ("explain", ExplainCommand.self), ("generate", GenerateCommand.self),
    ]

    @Test(arguments: commands.map(\.0))
    func everyLineFitsIn80Columns(name: String) throws {
        let command = try #require(Self.commands.first { $0.0 == name }?.1)
        let help = ClausierCommand.helpMessage(for: command, columns: 80)
        for line in help.split(separator: "\n") {
            #expect(line.count <= 80, "\(name): \(line)")
        }
    }

    @Test func evalShowsTheEvaluationDateAsRequired() {
        let help = ClausierCommand.helpMessage(for: EvalCommand.self, columns: 80)
        #expect(help.contains("USAGE: clausier eval --contract <id> --decision <id> --as-of <date>"))
        #expect(help.contains("--batch <file>"))
    }
}
