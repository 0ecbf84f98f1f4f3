import ArgumentParser

/// The documented exit codes of every subcommand.
enum ExitStatus {
    /// Rule errors, failing tests or bad facts.
    static let findings = ExitCode(1)
    /// Usage or I/O errors: a missing file, an unreadable facts file.
    static let usage = ExitCode(2)
}
