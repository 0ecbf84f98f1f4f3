import ArgumentParser

/// The `clausier` command.
@main
struct ClausierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clausier",
        abstract: "Check, test and evaluate contract rules.",
        discussion: """
            Exit codes: 0 success; 1 rule errors, failing tests or bad facts; 2 usage or I/O errors.
            """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, TestCommand.self, EvalCommand.self]
    )
}
