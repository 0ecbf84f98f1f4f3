import Clausier

/// Renders a test outcome as text: the case, expected against actual, and the explanation.
public enum TestReportText {
    /// One outcome, several lines for a failure.
    public static func render(_ outcome: TestOutcome) -> String {
        let location = outcome.testCase.location
        guard let failure = outcome.failure else {
            return "PASS \(outcome.testCase.name)\n"
        }
        var out = "\(location): FAIL \(outcome.testCase.name) (\(outcome.testCase.decision), as of \(outcome.testCase.asOf))\n"
        out += "  \(failure)\n"
        if let decision = outcome.decision, !decision.explanation.isEmpty {
            out += "  explanation:\n"
            for step in decision.explanation {
                let value = ValueEncoding.text(step.value, type: step.type, zone: decision.zone)
                var line = "    \(step.kind.rawValue) \(step.label) = \(value)"
                if !step.citations.isEmpty { line += " [\(step.citations.joined(separator: ", "))]" }
                if let because = step.because { line += " (\(because))" }
                out += line + "\n"
            }
        }
        return out
    }
}
