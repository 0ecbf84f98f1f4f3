import ArgumentParser

/// Runs the `clausier` command line: the executable's entry point. Returns only when the command
/// succeeded; otherwise it exits with the documented exit code.
public func runClausierCommand() {
    ClausierCommand.main()
}

/// The `clausier` command.
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
        if let error = execute() { exit(withError: error) }
    }

    /// Parses `arguments` (the command line's when nil) and runs the subcommand: nil when it succeeded,
    /// else the error `main` exits with. Usage errors are printed here and come back as ``ExitStatus/usage``.
    static func execute(_ arguments: [String]? = nil) -> (any Error)? {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return nil
        } catch {
            guard exitCode(for: error) == .validationFailure else { return error }
            Console.err(fullMessage(for: error) + "\n")
            return ExitStatus.usage
        }
    }
}
