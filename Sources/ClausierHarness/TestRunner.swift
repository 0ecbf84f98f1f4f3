import Clausier
import ClausierDiagnostics

/// The outcome of one test case.
public struct TestOutcome: Sendable {
    /// The file the case is in.
    public var file: String
    /// The contract it tests.
    public var contract: String
    /// The case.
    public var testCase: TestCase
    /// Why it failed; nil when it passed.
    public var failure: String?
    /// The answer, when there was one.
    public var decision: Decision?
    /// The error, when there was one.
    public var error: EvaluationError?

    /// Whether the case passed.
    public var passed: Bool { failure == nil }
}

/// The outcomes of a test run.
public struct TestReport: Sendable {
    /// Every case's outcome, in file order.
    public var outcomes: [TestOutcome]
    /// The number of cases that passed.
    public var passed: Int { outcomes.filter(\.passed).count }
    /// The number that failed.
    public var failed: Int { outcomes.count - passed }
}

/// Runs test cases against compiled rules.
public enum TestRunner {
    /// Runs every case of the files.
    public static func run(_ files: [TestFile], rules: RuleSet) -> TestReport {
        var outcomes: [TestOutcome] = []
        for file in files {
            for testCase in file.cases {
                outcomes.append(run(testCase, contract: file.contract, file: file.path, rules: rules))
            }
        }
        return TestReport(outcomes: outcomes)
    }

    static func run(_ testCase: TestCase, contract: String, file: String, rules: RuleSet) -> TestOutcome {
        var outcome = TestOutcome(file: file, contract: contract, testCase: testCase, failure: nil, decision: nil, error: nil)
        do {
            let decision = try rules.evaluate(contract: contract, decision: testCase.decision, facts: testCase.facts, asOf: testCase.asOf)
            outcome.decision = decision
            switch testCase.expectation {
            case .error(let fact, _):
                outcome.failure = "expected an error\(fact.map { " naming '\($0)'" } ?? ""), got the value \(JSONWriter.write(decision.valueJSON))"
            case .value(let expected, let citations, let exact):
                let actual = decision.valueJSON
                if !JSONComparison.equal(expected, actual) {
                    outcome.failure = "expected \(JSONWriter.write(expected)), got \(JSONWriter.write(actual))"
                } else if let missing = citations.first(where: { !decision.citations.contains($0) }) {
                    outcome.failure = "expected the citation '\(missing)', got \(decision.citations.joined(separator: ", "))"
                } else if exact, let extra = decision.citations.first(where: { !citations.contains($0) }) {
                    outcome.failure =
                        "expected exactly the citations \(citations.joined(separator: ", ")), got also '\(extra)': \(decision.citations.joined(separator: ", "))"
                }
            }
        } catch {
            outcome.error = error
            switch testCase.expectation {
            case .value(let expected, _, _):
                outcome.failure = "expected \(JSONWriter.write(expected)), got the error: \(error.description)"
            case .error(let fact, let message):
                if let fact, error.fact != fact {
                    outcome.failure = "expected an error naming '\(fact)', got one naming \(error.fact.map { "'\($0)'" } ?? "no fact"): \(error.message)"
                } else if let message, !error.message.contains(message) {
                    outcome.failure = "expected an error message containing '\(message)', got: \(error.message)"
                } else if error.kind == .unknownDecision {
                    outcome.failure = error.message
                }
            }
        }
        return outcome
    }
}

/// Equality of JSON values as a test reads them: numbers by value, objects regardless of key order.
enum JSONComparison {
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)):
            if x == y { return true }
            guard let dx = FixedDecimal.parse(x), let dy = FixedDecimal.parse(y) else { return false }
            return dx == dy
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy(equal)
        case (.object(let x), .object(let y)):
            return x.keys.count == y.keys.count
                && x.members.allSatisfy { member in y[member.key].map { equal(member.value, $0) } ?? false }
        default:
            return a == b
        }
    }
}
