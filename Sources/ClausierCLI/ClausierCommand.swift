import ArgumentParser

/// The `clausier` command.
@main
struct ClausierCommand: ParsableCommand {
    /// The version of `clausier`, printed by `--version` and written in SARIF logs.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "clausier",
        abstract: "Check, test and evaluate contract rules.",
        discussion: """
            Exit codes: 0 success; 1 rule errors, failing tests or bad facts; 2 usage or I/O errors.
            """,
        version: version,
        subcommands: [CheckCommand.self, TestCommand.self, EvalCommand.self, ExplainCommand.self, GenerateCommand.self]
    )

    /// Parses the arguments and runs the subcommand, as ArgumentParser does, except that usage errors
    /// (an unknown option, a bad value, a failed validation) exit with the documented 2 rather than 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            Console.err(fullMessage(for: error) + "\n")
            exit(withError: ExitStatus.usage)
        }
    }
}
