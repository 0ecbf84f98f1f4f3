import ClausierDiagnostics
import Testing

/// A finding the compiler must report, checked by ``CompilerDiagnosticsTests``.
struct ExpectedFinding: Sendable {
    var code: DiagnosticCode
    var severity: Severity
    /// The marker of the character the finding must point at.
    var marker: String
    /// Words the message must carry (never the whole message: see `CompilerDiagnosticsTests`).
    var messageContains: [String]
    /// Words that one of the hints must carry, each.
    var hintContains: [String]
    /// The markers the finding's notes must point at, in order; nil when the notes are not checked.
    var notesAt: [String]?

    init(
        _ code: DiagnosticCode, _ severity: Severity = .error, at marker: String, messageContains: [String] = [],
        hintContains: [String] = [], notesAt: [String]? = nil
    ) {
        self.code = code
        self.severity = severity
        self.marker = marker
        self.messageContains = messageContains
        self.hintContains = hintContains
        self.notesAt = notesAt
    }
}

/// One row of the findings table: a marked rule file and every finding it must produce, in order.
struct FindingCase: Sendable, CustomTestStringConvertible {
    /// What the compiler must do with the rule set besides reporting.
    enum RuleSetExpectation: Sendable {
        /// Not checked: the finding alone is the point.
        case unchecked
        /// No rule set: the findings are errors that stop compilation.
        case refused
        /// A rule set with these decisions: the findings are warnings.
        case compiled(decisions: [String])
    }

    var name: String
    var source: MarkedSource
    /// Whether only the errors are compared, warnings that come with them left aside.
    var errorsOnly: Bool
    var findings: [ExpectedFinding]
    var ruleSet: RuleSetExpectation

    init(
        _ name: String, _ source: MarkedSource, errorsOnly: Bool = false, findings: [ExpectedFinding],
        ruleSet: RuleSetExpectation
    ) {
        self.name = name
        self.source = source
        self.errorsOnly = errorsOnly
        self.findings = findings
        self.ruleSet = ruleSet
    }

    var testDescription: String { name }
}
