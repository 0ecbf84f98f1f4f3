/// The documentation of one kind of finding: what it means, an example that triggers it, and the fix.
///
/// This is the one source of `docs/CHECKS.md` and of `clausier explain`.
public struct DiagnosticExplanation: Sendable, Hashable {
    /// The finding's code.
    public var code: DiagnosticCode
    /// A short title.
    public var title: String
    /// Its usual severity.
    public var severity: Severity
    /// What it means and why it matters, in plain words.
    public var summary: String
    /// A piece of rule file that triggers it; empty when it cannot be shown in a rule file.
    public var example: String
    /// What the checker says about the example.
    public var finding: String
    /// How to fix it.
    public var fix: String
    /// The example fixed, when a piece of YAML says it best.
    public var fixed: String

    /// Creates an explanation.
    public init(
        _ code: DiagnosticCode, _ title: String, _ severity: Severity, summary: String, example: String = "",
        finding: String = "", fix: String, fixed: String = ""
    ) {
        self.code = code
        self.title = title
        self.severity = severity
        self.summary = summary
        self.example = example
        self.finding = finding
        self.fix = fix
        self.fixed = fixed
    }

    /// The explanation as Markdown, one section of `docs/CHECKS.md`.
    public var markdown: String {
        var out = "### \(code) — \(title) (\(severity.rawValue))\n\n\(summary)\n"
        if !example.isEmpty { out += "\n```yaml\n\(example)\n```\n" }
        if !finding.isEmpty { out += "\n```\n\(finding)\n```\n" }
        out += "\nFix: \(fix)\n"
        if !fixed.isEmpty { out += "\n```yaml\n\(fixed)\n```\n" }
        return out
    }

    /// The explanation as plain text, for `clausier explain`.
    public var text: String {
        var out = "\(code): \(title) (\(severity.rawValue))\n\n\(summary)\n"
        if !example.isEmpty { out += "\nExample:\n\n" + indent(example) }
        if !finding.isEmpty { out += "\nThe checker says:\n\n" + indent(finding) }
        out += "\nFix: \(fix)\n"
        if !fixed.isEmpty { out += "\n" + indent(fixed) }
        return out
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
    }
}
