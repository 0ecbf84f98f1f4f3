import Clausier
import ClausierDiagnostics
import Testing

@testable import ClausierHarness

/// The report of running cases of the billing contract, each given as a decision and its facts;
/// `failing` cases expect what does not come out.
private func report(_ cases: [(decision: String, facts: String, failing: Bool)]) throws -> TestReport {
    let location = SourceLocation(file: "billing.test.yaml", line: 1, column: 1)
    let testCases = try cases.enumerated().map { index, item in
        TestCase(
            name: "case \(index)", decision: item.decision, asOf: try #require(CivilDate.parse("2025-03-10")),
            facts: try JSONReader.read(item.facts),
            expectation: item.failing ? .value(.string("nothing"), citations: []) : .error(fact: nil, message: nil),
            location: location)
    }
    // The expectations are fixed from what comes out, so that only `failing` decides.
    let rules = try compiledBilling()
    let fixed = testCases.map { testCase -> TestCase in
        guard case .error = testCase.expectation else { return testCase }
        var copy = testCase
        if let decision = try? rules.evaluate(contract: "billing", decision: testCase.decision, facts: testCase.facts, asOf: testCase.asOf) {
            copy.expectation = .value(decision.valueJSON, citations: [])
        }
        return copy
    }
    return TestRunner.run([TestFile(path: "billing.test.yaml", contract: "billing", contractLocation: location, cases: fixed)], rules: rules)
}

@Suite struct CoverageTests {
    @Test func decisionsAskedAndBranchesTakenByPassingCasesAreCovered() throws {
        let run = try report([
            ("late_fee", #"{"invoice": {"paid": true}}"#, false),
            ("dispute_deadline", #"{"invoice": {"issued_on": "2025-01-31"}}"#, false),
        ])
        #expect(run.failed == 0)
        let coverage = Coverage.compute(run, rules: try compiledBilling())
        #expect(coverage.map(\.contract) == ["billing"])
        let items = try #require(coverage.first).items
        let decisions = items.filter { $0.kind == "decision" }
        #expect(decisions.map(\.label) == ["dispute_deadline", "late_fee", "retrieval_fee"])
        #expect(decisions.map(\.covered) == [true, true, false])
        let branches = items.filter { $0.rule == "late_fee" && $0.kind != "decision" }
        #expect(branches.map(\.kind) == ["case", "otherwise"])
        #expect(branches.map(\.covered) == [true, false])
        #expect(branches.allSatisfy { $0.location != nil })
    }

    @Test func failingCasesCoverNothing() throws {
        let run = try report([("late_fee", #"{"invoice": {"paid": false}}"#, true)])
        #expect(run.failed == 1)
        let contract = try #require(Coverage.compute(run, rules: try compiledBilling()).first)
        #expect(contract.covered == 0)
        #expect(contract.percent == 0)
    }

    @Test func theTextMarksEachItemAndTheShare() throws {
        let run = try report([("late_fee", #"{"invoice": {"paid": false}}"#, false)])
        let coverage = Coverage.compute(run, rules: try compiledBilling())
        let contract = try #require(coverage.first)
        let text = Coverage.text(coverage)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "coverage of billing: \(Coverage.format(contract.percent))% (\(contract.covered)/\(contract.items.count))")
        #expect(lines.count == contract.items.count + 1)
        #expect(lines.contains("  covered  decision  late_fee"))
        #expect(lines.contains("  MISSING  decision  dispute_deadline"))
        #expect(lines.contains("  covered  otherwise late_fee: otherwise"))
        // A missing branch says where it is written; a covered one does not.
        #expect(lines.contains { $0.hasPrefix("  MISSING  case      late_fee: ") && $0.contains("  (billing.yaml:") })
    }

    @Test(arguments: [(0.0, "0.0"), (100.0, "100.0"), (200.0 / 3, "66.7"), (100.0 / 3, "33.3"), (99.96, "100.0"), (12.34, "12.3")])
    func percentagesHaveOneDecimal(value: Double, text: String) {
        #expect(Coverage.format(value) == text)
    }

    @Test func aContractWithNothingToCoverIsFullyCovered() {
        #expect(ContractCoverage(contract: "empty", items: []).percent == 100)
    }
}
