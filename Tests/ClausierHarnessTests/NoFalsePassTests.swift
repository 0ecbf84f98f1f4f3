import ClausierCompiler
import ClausierDiagnostics
import Foundation
import Testing

@testable import ClausierHarness

/// No false passes, and the right error first: a rule file given alone is tested with its tests, a
/// test run finds what it tests, and a test file does not blame a rule file that did not load.
@Suite struct NoFalsePassTests {
    static let tests = """
        contract: billing
        tests:
          - {name: x, decision: late_fee, as_of: 2025-03-10, facts: {invoice: {paid: true}}, expect: {value: 0.00 EUR}}
        """

    private func directory(rules: String = billingRules, tests: String? = Self.tests) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nofalsepass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try rules.write(to: url.appendingPathComponent("billing.yaml"), atomically: true, encoding: .utf8)
        if let tests { try tests.write(to: url.appendingPathComponent("billing.test.yaml"), atomically: true, encoding: .utf8) }
        return url
    }

    @Test func aRuleFileGivenAloneBringsItsTestFile() throws {
        let url = try directory()
        defer { try? FileManager.default.removeItem(at: url) }
        let check = RuleCheck.run(paths: [url.appendingPathComponent("billing.yaml").path])
        #expect(check.testFiles.map(\.contract) == ["billing"])
        #expect(check.compilation.ruleSet != nil)
    }

    @Test func aTestFileGivenAloneBringsItsRuleFile() throws {
        let url = try directory()
        defer { try? FileManager.default.removeItem(at: url) }
        let check = RuleCheck.run(paths: [url.appendingPathComponent("billing.test.yaml").path])
        #expect(check.compilation.ruleSet?.contracts.map(\.header.id) == ["billing"])
        #expect(!check.diagnostics.hasErrors)
    }

    @Test func aFileAlreadyUnderAGivenDirectoryIsNotAddedTwice() throws {
        let url = try directory()
        defer { try? FileManager.default.removeItem(at: url) }
        let paths = [url.path, url.appendingPathComponent("billing.yaml").path]
        #expect(RuleCheck.withSiblings(paths) == paths)
    }

    @Test func pathsWithoutTestsAreAFindingForATestRun() {
        let finding = RuleCheck.noTests(in: ["Rules/billing.yaml"])
        #expect(finding.severity == .error)
        #expect(finding.message == "no test file in Rules/billing.yaml: nothing was tested")
    }

    @Test func aTestFileDoesNotBlameARuleFileThatDidNotLoad() throws {
        // A YAML error in billing.yaml: its contract is unknown, and that is the one error to read.
        let url = try directory(rules: billingRules.replacingOccurrences(of: "title: ", with: "title: : ", options: [], range: nil))
        defer { try? FileManager.default.removeItem(at: url) }
        let check = RuleCheck.run(paths: [url.path])
        #expect(check.diagnostics.filter { $0.severity == .error }.map(\.code) == [.yamlSyntax])
        #expect(!check.diagnostics.contains { $0.message.contains("which no rule file in these paths defines") })
    }

    @Test func aTestFileForAContractThatNoFileDefinesIsStillReported() throws {
        let url = try directory(tests: Self.tests.replacingOccurrences(of: "contract: billing", with: "contract: biling"))
        defer { try? FileManager.default.removeItem(at: url) }
        let check = RuleCheck.run(paths: [url.path])
        let finding = check.diagnostics.first { $0.code == .invalidTest }
        #expect(finding?.message == "the tests are for the contract 'biling', which no rule file in these paths defines")
        #expect(finding?.hints == ["did you mean 'billing'?"])
    }

    @Test func checkReportsFactsThatATestExpectingAValueCanOnlyFailWith() throws {
        let tests = """
            contract: billing
            tests:
              - {name: french date, decision: dispute_deadline, as_of: 2025-03-10, facts: {invoice: {issued_on: 01/03/2025}}, expect: {value: 2025-04-01}}
              - {name: bad date on purpose, decision: dispute_deadline, as_of: 2025-03-10, facts: {invoice: {issued_on: 01/03/2025}}, expect: {error: {fact: invoice.issued_on}}}
            """
        let url = try directory(tests: tests)
        defer { try? FileManager.default.removeItem(at: url) }
        let found = RuleCheck.run(paths: [url.path]).diagnostics.filter { $0.severity == .error }
        #expect(found.count == 1)
        #expect(found.first?.code == .invalidTest)
        #expect(
            found.first?.message
                == "the facts of the test 'french date' are refused by 'dispute_deadline': '01/03/2025' is not a date: write it as YYYY-MM-DD, such as \"2025-03-01\"")
        #expect(found.first?.location?.line == 3)
    }
}
