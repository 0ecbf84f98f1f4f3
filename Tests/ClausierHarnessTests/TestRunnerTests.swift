import Clausier
import ClausierDiagnostics
import Testing

@testable import ClausierHarness

/// A case of the small billing contract, written in place.
private func testCase(
    _ decision: String, facts: String = "{}", asOf: String = "2025-03-10", _ expectation: ClausierHarness.Expectation
) throws -> TestCase {
    TestCase(
        name: "case of \(decision)", decision: decision, asOf: try #require(CivilDate.parse(asOf)),
        facts: try JSONReader.read(facts), expectation: expectation,
        location: SourceLocation(file: "billing.test.yaml", line: 3, column: 5))
}

private func run(_ testCase: TestCase) throws -> TestOutcome {
    let file = TestFile(
        path: "billing.test.yaml", contract: "billing",
        contractLocation: SourceLocation(file: "billing.test.yaml", line: 1, column: 11), cases: [testCase])
    let report = TestRunner.run([file], rules: try compiledBilling())
    #expect(report.outcomes.count == 1)
    return try #require(report.outcomes.first)
}

private let paid = #"{"invoice": {"paid": true}}"#
private let unpaid = #"{"invoice": {"paid": false}}"#
private let noYear = #"{"retrieval": {"years": 0}}"#

@Suite struct TestRunnerTests {
    /// Each row: a decision, its facts, what the case expects, and the failure (nil when it passes).
    @Test(arguments: [
        ("late_fee", unpaid, ClausierHarness.Expectation.value(.string("40.00 EUR"), citations: ["art. 14.2"]), String?.none),
        // Numbers compare by value, and citations need only be included.
        ("late_fee", paid, .value(.string("0.00 EUR"), citations: []), nil),
        ("retrieval_fee", noYear, .error(fact: "retrieval.years", message: "at least one year"), nil),
        ("retrieval_fee", noYear, .error(fact: nil, message: nil), nil),
        ("late_fee", unpaid, .value(.string("41.00 EUR"), citations: []), #"expected "41.00 EUR", got "40.00 EUR""#),
        ("late_fee", unpaid, .value(.string("40.00 EUR"), citations: ["art. 99"]),
         "expected the citation 'art. 99', got art. 14, art. 14.2"),
        // cites_exactly: these and no other.
        ("late_fee", unpaid, .value(.string("40.00 EUR"), citations: ["art. 14", "art. 14.2"], exactCitations: true), nil),
        ("late_fee", unpaid, .value(.string("40.00 EUR"), citations: ["art. 14.2"], exactCitations: true),
         "expected exactly the citations art. 14.2, got also 'art. 14': art. 14, art. 14.2"),
        ("late_fee", unpaid, .error(fact: "invoice.paid", message: nil),
         #"expected an error naming 'invoice.paid', got the value "40.00 EUR""#),
        ("late_fee", unpaid, .error(fact: nil, message: nil), #"expected an error, got the value "40.00 EUR""#),
        ("retrieval_fee", noYear, .error(fact: "invoice.paid", message: nil),
         "expected an error naming 'invoice.paid', got one naming 'retrieval.years': the retrieval covers at least one year"),
        ("retrieval_fee", noYear, .error(fact: nil, message: "two years"),
         "expected an error message containing 'two years', got: the retrieval covers at least one year"),
    ])
    func aCaseFailsWithWhatCameOut(decision: String, facts: String, expectation: ClausierHarness.Expectation, failure: String?) throws {
        let outcome = try run(try testCase(decision, facts: facts, expectation))
        #expect(outcome.failure == failure)
        #expect(outcome.passed == (failure == nil))
        #expect(outcome.file == "billing.test.yaml")
        #expect(outcome.contract == "billing")
    }

    @Test func aValueExpectedAndAnErrorGivenShowsTheError() throws {
        let outcome = try run(try testCase("retrieval_fee", facts: noYear, .value(.string("350.00 EUR"), citations: [])))
        let failure = try #require(outcome.failure)
        #expect(failure.hasPrefix(#"expected "350.00 EUR", got the error: "#))
        #expect(failure.contains("the retrieval covers at least one year"))
        #expect(outcome.error?.fact == "retrieval.years")
        #expect(outcome.decision == nil)
    }

    @Test func anUnknownDecisionFailsEvenWhenAnErrorIsExpected() throws {
        let outcome = try run(try testCase("no_such_decision", .error(fact: nil, message: nil)))
        #expect(outcome.failure != nil)
        #expect(outcome.error?.kind == .unknownDecision)
    }

    @Test func numbersCompareByValueAndObjectsRegardlessOfOrder() throws {
        #expect(JSONComparison.equal(try JSONReader.read("1.50"), try JSONReader.read("1.5")))
        #expect(!JSONComparison.equal(try JSONReader.read("1.51"), try JSONReader.read("1.5")))
        #expect(JSONComparison.equal(try JSONReader.read(#"{"a": 1, "b": [2.0]}"#), try JSONReader.read(#"{"b": [2], "a": 1.0}"#)))
        #expect(!JSONComparison.equal(try JSONReader.read(#"{"a": 1}"#), try JSONReader.read(#"{"a": 1, "b": 2}"#)))
        #expect(!JSONComparison.equal(try JSONReader.read("[1, 2]"), try JSONReader.read("[2, 1]")))
        #expect(!JSONComparison.equal(try JSONReader.read(#""1""#), try JSONReader.read("1")))
    }

    @Test func theReportCountsInFileOrder() throws {
        let cases = [
            try testCase("late_fee", facts: paid, .value(.string("0.00 EUR"), citations: [])),
            try testCase("late_fee", facts: unpaid, .value(.string("0.00 EUR"), citations: [])),
            try testCase("dispute_deadline", facts: #"{"invoice": {"issued_on": "2025-01-31"}}"#, .value(.string("2025-02-28"), citations: ["art. 13"])),
        ]
        let file = TestFile(path: "a.test.yaml", contract: "billing", contractLocation: cases[0].location, cases: cases)
        let report = TestRunner.run([file, file], rules: try compiledBilling())
        #expect(report.outcomes.map(\.passed) == [true, false, true, true, false, true])
        #expect(report.passed == 4)
        #expect(report.failed == 2)
    }
}
