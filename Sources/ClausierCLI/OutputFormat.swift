import ArgumentParser

/// The formats `clausier check` prints findings in.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    /// Text for a terminal or a log, coloured only on a terminal, with a summary line.
    case text
    /// A JSON array of findings, for tools.
    case json
    /// A SARIF 2.1.0 log, for GitHub code scanning and other static-analysis viewers.
    case sarif
    /// GitHub Actions workflow commands, which annotate the lines at fault on a pull request.
    case github
}

/// The formats `clausier test` reports in.
enum TestFormat: String, ExpressibleByArgument, CaseIterable {
    /// Text: the failing cases (every case with --verbose), coverage, and `N passed, M failed` last.
    case text
    /// One JSON object with the counts, every case and, when asked for, the coverage.
    case json
    /// JUnit XML, for CI servers; coverage and the summary go to standard error.
    case junit
}
