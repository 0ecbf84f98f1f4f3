import ClausierDiagnostics
import Foundation
import Testing

@testable import ClausierHarness

/// A fresh directory holding the billing contract and the given test file.
private func directory(tests: String?) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rulecheck-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try billingRules.write(to: url.appendingPathComponent("billing.yaml"), atomically: true, encoding: .utf8)
    if let tests { try tests.write(to: url.appendingPathComponent("billing.test.yaml"), atomically: true, encoding: .utf8) }
    return url
}

@Suite struct RuleCheckTests {
    @Test func withoutTestFilesNoDecisionIsReportedUntested() throws {
        let url = try directory(tests: nil)
        defer { try? FileManager.default.removeItem(at: url) }
        let check = RuleCheck.run(paths: [url.path])
        #expect(check.diagnostics.isEmpty)
        #expect(check.testFiles.isEmpty)
        #expect(check.compilation.ruleSet != nil)
    }

    @Test func decisionsNoCaseAsksAreWarnedAtTheirDefinition() throws {
        let url = try directory(tests: """
            contract: billing
            tests:
              - {name: x, decision: late_fee, as_of: 2025-03-10, facts: {invoice: {paid: true}}, expect: {value: 0.00 EUR}}
            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let check = RuleCheck.run(paths: [url.path])
        #expect(check.testFiles.map(\.cases.count) == [1])
        #expect(check.diagnostics.map(\.code) == [.untestedDecision, .untestedDecision])
        #expect(check.diagnostics.map(\.severity) == [.warning, .warning])
        #expect(check.diagnostics.map(\.message) == [
            "no test case asks the decision 'dispute_deadline'", "no test case asks the decision 'retrieval_fee'",
        ])
        #expect(check.diagnostics.map { $0.location?.line } == [11, 31])
        let testFile = url.appendingPathComponent("billing.test.yaml").path
        #expect(check.diagnostics.first?.hints == ["add cases for it in \(testFile), on both sides of every boundary"])
    }

    @Test func aTestOfAnUnknownContractOrDecisionIsAnError() throws {
        let url = try directory(tests: """
            contract: biling
            tests:
              - {name: x, decision: late_fee, as_of: 2025-03-10, expect: {value: 0}}
            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let check = RuleCheck.run(paths: [url.path])
        let errors = check.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.invalidTest])
        #expect(errors.first?.message == "the tests are for the contract 'biling', which no rule file in these paths defines")
        #expect(errors.first?.hints == ["did you mean 'billing'?"])

        let other = try directory(tests: """
            contract: billing
            tests:
              - {name: x, decision: late_fees, as_of: 2025-03-10, expect: {value: 0}}
            """)
        defer { try? FileManager.default.removeItem(at: other) }
        let decisionErrors = RuleCheck.run(paths: [other.path]).diagnostics.filter { $0.severity == .error }
        #expect(decisionErrors.map(\.message) == [
            "the test 'x' asks the decision 'late_fees', which the contract 'billing' does not have",
        ])
        #expect(decisionErrors.first?.hints == ["did you mean 'late_fee'?"])
        #expect(decisionErrors.first?.location?.line == 3)
    }

    @Test func findingsAreSortedByFileAndLine() throws {
        let url = try directory(tests: """
            contract: billing
            tests:
              - {decision: late_fee}
            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let diagnostics = RuleCheck.run(paths: [url.path]).diagnostics
        #expect(!diagnostics.isEmpty)
        let locations = diagnostics.compactMap(\.location)
        #expect(locations == locations.sorted())
    }
}
