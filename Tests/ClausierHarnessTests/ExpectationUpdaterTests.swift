import Clausier
import ClausierCompiler
import ClausierDiagnostics
import Testing

@testable import ClausierHarness

/// `clausier test --update`: the expected values of failing cases are rewritten in place, and nothing else.
@Suite struct ExpectationUpdaterTests {
    /// Runs a test file against the small billing contract and re-records its expectations.
    private func update(_ text: String) throws -> (text: String, changes: [ExpectationUpdate]) {
        let rules = try compiledBilling()
        let (file, diagnostics) = TestFileLoader.load(bytes: Array(text.utf8), path: "billing.test.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let report = TestRunner.run([try #require(file)], rules: rules)
        let (texts, changes) = ExpectationUpdater.update(report, sources: [SourceFile(path: "billing.test.yaml", text: text)])
        return (texts["billing.test.yaml"].map { String(decoding: $0, as: UTF8.self) } ?? text, changes)
    }

    @Test(arguments: [
        // A plain value, with its comment kept.
        ("      value: 41.00 EUR  # the fee\n", "      value: \"40.00 EUR\"  # the fee\n"),
        // A quoted value.
        ("      value: \"41.00 EUR\"\n", "      value: \"40.00 EUR\"\n"),
    ])
    func aWrongValueIsReplacedWhereItIsWritten(line: String, updated: String) throws {
        let text = """
            contract: billing
            tests:
              - name: unpaid
                decision: late_fee
                as_of: 2025-03-10
                facts: {invoice: {paid: false}}
                expect:

            """ + line + "      cites: [art. 14.2]\n"
        let (result, changes) = try update(text)
        #expect(result == text.replacingOccurrences(of: line, with: updated))
        #expect(changes.map(\.description) == [#"billing.test.yaml:8:14: 'unpaid': "41.00 EUR" → "40.00 EUR""#])
    }

    @Test func aValueInsideAFlowExpectationEndsAtItsComma() throws {
        let text = """
            contract: billing
            tests:
              - {name: unpaid, decision: late_fee, as_of: 2025-03-10, facts: {invoice: {paid: false}}, expect: {value: 41.00 EUR, cites: [art. 14.2]}}

            """
        let (result, changes) = try update(text)
        #expect(result.contains(#"expect: {value: "40.00 EUR", cites: [art. 14.2]}}"#))
        #expect(changes.count == 1)
    }

    @Test func passingCasesErrorsAndBlockValuesAreLeftAsWritten() throws {
        let text = """
            contract: billing
            tests:
              - {name: passes, decision: late_fee, as_of: 2025-03-10, facts: {invoice: {paid: true}}, expect: {value: 0.00 EUR}}
              - {name: expects an error, decision: late_fee, as_of: 2025-03-10, facts: {invoice: {paid: false}}, expect: {error: {fact: invoice.paid}}}
              - {name: gets an error, decision: retrieval_fee, as_of: 2025-03-10, facts: {retrieval: {years: 0}}, expect: {value: 1.00 EUR}}

            """
        let (result, changes) = try update(text)
        #expect(result == text)
        #expect(changes.isEmpty)
    }

    @Test func aRecordIsWrittenInFlowStyle() {
        let record = JSONValue.object(JSONObject([
            JSONMember(key: "rate", value: .string("50%")), JSONMember(key: "penalty", value: .string("100.00 EUR")),
            JSONMember(key: "odd key", value: .array([.bool(true), .null])),
        ]))
        #expect(ExpectationUpdater.flow(record) == #"{rate: "50%", penalty: "100.00 EUR", "odd key": [true, null]}"#)
    }
}
