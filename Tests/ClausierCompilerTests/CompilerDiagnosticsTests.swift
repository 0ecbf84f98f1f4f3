import Clausier
import ClausierCompiler
import ClausierDiagnostics
import Foundation
import Testing

// The findings the compiler owes an editor of rule files, one test per finding.
//
// Each rule file is written with position markers (see `MarkedSource`): `1️⃣` stands right before
// the character the finding must point at. The expectations come from docs/LANGUAGE.md, docs/CHECKS.md
// and the documentation comments of the diagnostic codes, not from what the compiler happens to print:
// messages are checked only for the words an editor needs (both types of a type error, the name
// suggested for a misspelling), never word for word.

private let path = "Rules/test.yaml"

/// A valid contract header; the marked body follows it.
private let header = """
    contract:
      id: test
      title: Test contract
      source: test.txt
      effective: 2019-01-01
      timezone: Europe/Paris
      currency: EUR
      holidays: FR
      rounding: half_away_from_zero
    """

/// A rule file made of the standard header and `body`.
private func rules(_ body: String) -> MarkedSource {
    MarkedSource(header + "\n" + body + "\n")
}

private func compile(_ source: MarkedSource) -> CompilationResult {
    Compiler.compile([SourceFile(path: path, text: source.text)])
}

/// Every finding as the CLI would print it, to make a failed expectation readable.
private func printed(_ result: CompilationResult, _ source: MarkedSource) -> Comment {
    Comment(rawValue: "\n" + TextRenderer(sources: [path: source.text]).render(result.diagnostics))
}

private func errors(_ result: CompilationResult) -> [Diagnostic] {
    result.diagnostics.filter { $0.severity == .error }
}

/// Checks one finding: its code, its severity, that it points exactly at `marker`, and that its
/// message and hints carry the given words.
private func expectFinding(
    _ diagnostic: Diagnostic?,
    _ code: DiagnosticCode,
    _ severity: Severity = .error,
    at marker: String,
    in source: MarkedSource,
    messageContains words: [String] = [],
    hintContains hintWords: [String] = [],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    guard let diagnostic else {
        Issue.record("expected \(code) at \(marker), but there is no such finding", sourceLocation: sourceLocation)
        return
    }
    #expect(diagnostic.code == code, "\(diagnostic.message)", sourceLocation: sourceLocation)
    #expect(diagnostic.severity == severity, "\(diagnostic.message)", sourceLocation: sourceLocation)
    #expect(
        diagnostic.location == source.location(marker, file: path, sourceLocation: sourceLocation),
        "\(code): \(diagnostic.message)", sourceLocation: sourceLocation)
    for word in words {
        #expect(diagnostic.message.contains(word), "message: \(diagnostic.message)", sourceLocation: sourceLocation)
    }
    for word in hintWords {
        #expect(diagnostic.hints.contains { $0.contains(word) }, "hints: \(diagnostic.hints)", sourceLocation: sourceLocation)
    }
}

@Suite struct MarkedSourceTests {
    @Test func markersAreStrippedAndPlaced() {
        let source = MarkedSource("a: 1️⃣1\n  b: 2️⃣x + 3️⃣y\n4️⃣")
        #expect(source.text == "a: 1\n  b: x + y\n")
        #expect(source["1️⃣"] == .init(line: 1, column: 4))
        #expect(source["2️⃣"] == .init(line: 2, column: 6))
        #expect(source["3️⃣"] == .init(line: 2, column: 10))
        #expect(source["4️⃣"] == .init(line: 3, column: 1))
        #expect(source.duplicates.isEmpty)
    }

    @Test func columnsCountUnicodeScalarsAndDigitsStayText() {
        // "é" is one scalar; "2025-01-01" has digits that are not markers; "\r\n" is one break.
        let source = MarkedSource("titre: é1️⃣x 2025-01-01\r\n🔟z 5\u{20E3}w")
        #expect(source.text == "titre: éx 2025-01-01\r\nz w")
        #expect(source["1️⃣"] == .init(line: 1, column: 9))
        #expect(source["🔟"] == .init(line: 2, column: 1))
        // A keycap written without the variation selector is the same marker.
        #expect(source["5️⃣"] == .init(line: 2, column: 3))
    }

    @Test func aMarkerUsedTwiceIsReported() {
        #expect(MarkedSource("1️⃣a 1️⃣b").duplicates == ["1️⃣"])
    }
}

@Suite struct CompilerDiagnosticsTests {
    // MARK: - Keys of the format

    @Test func unknownKeyInADecision() {
        let source = rules("""
            decisions:
              billing_dispute_deadline:
                title: Last day to dispute an invoice
                1️⃣cite: art. 13
                inputs:
                  invoice.issued_on: date
                returns: date
                value: invoice.issued_on + 1 month
            """)
        let result = compile(source)
        #expect(errors(result).map(\.code) == [.unknownKey], printed(result, source))
        expectFinding(
            errors(result).first, .unknownKey, at: "1️⃣", in: source, messageContains: ["'cite'"],
            hintContains: ["did you mean 'cites'"])
        #expect(result.ruleSet == nil)
    }

    @Test func unknownKeyInTheContractHeader() {
        let source = MarkedSource("""
            contract:
              1️⃣id: test
              title: Test contract
              source: test.txt
              effective: 2019-01-01
              2️⃣timezon: Europe/Paris
              currency: EUR
              holidays: FR
            decisions:
              liability_cap:
                cites: art. 12
                inputs:
                  subscription.monthly_fee: money
                returns: money
                value: subscription.monthly_fee

            """)
        let result = compile(source)
        // The required key is reported missing at the header, the misspelling at its own line.
        #expect(result.diagnostics.map(\.code) == [.missingKey, .unknownKey], printed(result, source))
        let unknown = result.diagnostics.first { $0.code == .unknownKey }
        expectFinding(unknown, .unknownKey, at: "2️⃣", in: source, messageContains: ["'timezon'"], hintContains: ["did you mean 'timezone'"])
        let missing = result.diagnostics.first { $0.code == .missingKey }
        expectFinding(missing, .missingKey, at: "1️⃣", in: source, messageContains: ["timezone"])
        #expect(result.ruleSet == nil)
    }

    @Test func oneRunReportsSeveralIndependentErrors() {
        let source = rules("""
            decisions:
              liability_cap:
                1️⃣titel: Cap on liability
                cites: art. 12
                inputs:
                  subscription.monthly_fee: money
                returns: money
                value: subscription.monthly_fee
              claim_fee:
                title: Fee of a claim
                cites: art. 18
                inputs:
                  claim.generating_fact_on: date
                returns: money
                value: 2️⃣claim.generating_fact_on + 30 days
              late_interest:
                title: Late-payment interest
                cites: art. 13
                inputs:
                  invoice.amount: money
                returns: money
                value: invoice.amount * 3️⃣rate
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.unknownKey, .typeMismatch, .unknownName], printed(result, source))
        let findings = result.diagnostics
        expectFinding(findings.first, .unknownKey, at: "1️⃣", in: source, hintContains: ["'title'"])
        expectFinding(findings.dropFirst().first, .typeMismatch, at: "2️⃣", in: source, messageContains: ["date", "money"])
        expectFinding(findings.dropFirst(2).first, .unknownName, at: "3️⃣", in: source, messageContains: ["'rate'"])
        #expect(result.ruleSet == nil)
    }

    // MARK: - Types and units

    @Test func typeErrorNamesBothTypes() {
        let source = rules("""
            decisions:
              fee_due:
                title: Fee due
                cites: art. 1
                returns: money
                value: 1️⃣2025-01-01 + 30 days
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.typeMismatch], printed(result, source))
        expectFinding(result.diagnostics.first, .typeMismatch, at: "1️⃣", in: source, messageContains: ["date", "money"])
    }

    @Test func businessDaysAddedToADatetime() {
        let source = rules("""
            decisions:
              response_due:
                title: Response due
                cites: art. 11
                inputs:
                  incident.recorded_at: datetime
                returns: datetime
                value: 1️⃣incident.recorded_at + 8 business_days
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.unitMismatch], printed(result, source))
        expectFinding(
            result.diagnostics.first, .unitMismatch, at: "1️⃣", in: source, messageContains: ["datetime", "business days"],
            hintContains: ["local_date(incident.recorded_at)"])
    }

    @Test func eurosPlusDollars() {
        let source = rules("""
            decisions:
              total_fee:
                title: Total fee
                cites: art. 13
                inputs:
                  subscription.monthly_fee: money
                returns: money
                value: 1️⃣subscription.monthly_fee + 10 USD
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.unitMismatch], printed(result, source))
        expectFinding(result.diagnostics.first, .unitMismatch, at: "1️⃣", in: source, messageContains: ["EUR", "USD"])
    }

    @Test func durationComparedWithADate() {
        let source = rules("""
            decisions:
              long_outage:
                title: Long outage
                cites: art. 11
                inputs:
                  incident.recorded_at: datetime
                  incident.closed_at: datetime
                returns: bool
                value: 1️⃣incident.closed_at - incident.recorded_at > 2025-01-01
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.typeMismatch], printed(result, source))
        expectFinding(result.diagnostics.first, .typeMismatch, at: "1️⃣", in: source, messageContains: ["duration", "date"])
    }

    @Test func percentageUsedAsMoney() {
        let source = rules("""
            decisions:
              penalty:
                title: Penalty
                cites: art. 11
                returns: money
                value: 1️⃣25%
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.typeMismatch], printed(result, source))
        expectFinding(result.diagnostics.first, .typeMismatch, at: "1️⃣", in: source, messageContains: ["percentage", "money"])
    }

    @Test func unknownType() {
        let source = rules("""
            decisions:
              liability_cap:
                title: Cap on liability
                cites: art. 12
                inputs:
                  subscription.monthly_fee: money
                returns: 1️⃣monney
                value: subscription.monthly_fee
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.invalidValue], printed(result, source))
        expectFinding(
            result.diagnostics.first, .invalidValue, at: "1️⃣", in: source, messageContains: ["'monney'"],
            hintContains: ["'money'"])
    }

    @Test func dateLiteralThatDoesNotExist() {
        let source = rules("""
            decisions:
              issued_before_cutoff:
                title: Issued before the cut-off
                cites: art. 13
                inputs:
                  invoice.issued_on: date
                returns: bool
                value: invoice.issued_on < 1️⃣2025-02-30
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.invalidValue], printed(result, source))
        expectFinding(result.diagnostics.first, .invalidValue, at: "1️⃣", in: source, messageContains: ["2025-02-30"])
    }

    @Test func enumNameOutsideTheDeclaredEnum() {
        let source = rules("""
            decisions:
              eligible:
                title: Eligible
                cites: art. 3
                inputs:
                  invoice.paid: bool
                returns: enum(yes, no)
                value: 1️⃣maybe
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.unknownName], printed(result, source))
        expectFinding(
            result.diagnostics.first, .unknownName, at: "1️⃣", in: source, messageContains: ["'maybe'"],
            hintContains: ["yes, no"])
    }

    // MARK: - Names

    @Test func unknownNameSuggestsTheInput() {
        let source = rules("""
            decisions:
              closing_day:
                title: Day the incident was closed
                cites: art. 11
                inputs:
                  incident.recorded_at: datetime
                  incident.closed_at: datetime
                returns: date
                value: local_date(1️⃣incident.closed_att)
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.unknownName], printed(result, source))
        expectFinding(
            result.diagnostics.first, .unknownName, at: "1️⃣", in: source, messageContains: ["'incident.closed_att'"],
            hintContains: ["'incident.closed_at'"])
    }

    @Test func unknownFunctionSuggestsTheBuiltin() {
        let source = rules("""
            decisions:
              support_day:
                title: Day of a support request
                cites: art. 3
                inputs:
                  at: datetime
                returns: date
                value: 1️⃣locl_date(at)
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.unknownName], printed(result, source))
        expectFinding(
            result.diagnostics.first, .unknownName, at: "1️⃣", in: source, messageContains: ["locl_date"],
            hintContains: ["'local_date'"])
    }

    // MARK: - Expression syntax

    @Test func operatorWithoutOperand() {
        let source = rules("""
            decisions:
              billing_dispute_deadline:
                title: Last day to dispute an invoice
                cites: art. 13
                inputs:
                  invoice.issued_on: date
                returns: date
                value: invoice.issued_on + 1️⃣+ 1 month
              claim_deadline:
                title: Last day to make a claim
                cites: art. 18
                inputs:
                  claim.generating_fact_on: date
                returns: date
                value: "claim.generating_fact_on + 2️⃣+ 1 month"
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.expressionSyntax, .expressionSyntax], printed(result, source))
        // In a quoted value, the column still counts from the line, past the opening quote.
        expectFinding(result.diagnostics.first, .expressionSyntax, at: "1️⃣", in: source, messageContains: ["'+'"])
        expectFinding(result.diagnostics.dropFirst().first, .expressionSyntax, at: "2️⃣", in: source, messageContains: ["'+'"])
    }

    @Test func unclosedParenthesis() {
        // The ')' is missing at the end of the expression: that is where it is reported.
        let source = rules("""
            decisions:
              billing_dispute_deadline:
                title: Last day to dispute an invoice
                cites: art. 13
                inputs:
                  invoice.issued_on: date
                returns: date
                value: (invoice.issued_on + 1 month1️⃣
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.expressionSyntax], printed(result, source))
        expectFinding(result.diagnostics.first, .expressionSyntax, at: "1️⃣", in: source, messageContains: ["')'"])
    }

    @Test func singleEqualsInsteadOfDoubleEquals() {
        let source = rules("""
            decisions:
              unpaid:
                title: Whether an invoice is unpaid
                cites: art. 5
                inputs:
                  invoice.paid: bool
                returns: bool
                value: invoice.paid 1️⃣= false
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.expressionSyntax], printed(result, source))
        expectFinding(result.diagnostics.first, .expressionSyntax, at: "1️⃣", in: source, messageContains: ["'='"], hintContains: ["'=='"])
    }

    @Test func errorOnTheSecondLineOfAFoldedExpression() {
        // Long expressions are folded over several lines with '>-' (as in Rules/prospect-it.yaml):
        // a finding must point at the line and column where the mistake is written.
        let source = rules("""
            decisions:
              maintenance_ok:
                title: Whether a maintenance window is fine
                cites: art. 10
                inputs:
                  maintenance.starts_at: datetime
                  maintenance.ends_at: datetime
                returns: bool
                value: >-
                  maintenance.ends_at >= maintenance.starts_at
                  and 1️⃣maintenance.end_at <= maintenance.starts_at + 6 hours
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.unknownName], printed(result, source))
        expectFinding(result.diagnostics.first, .unknownName, at: "1️⃣", in: source, messageContains: ["'maintenance.end_at'"])
    }

    // MARK: - Optional inputs

    @Test func optionalInputUsedWithoutExists() {
        let source = rules("""
            decisions:
              follow_up:
                title: Day after payment
                cites: art. 13
                inputs:
                  invoice.paid_on: date?
                returns: date
                value: 1️⃣invoice.paid_on + 1 day
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.optionalUnwrapped], printed(result, source))
        expectFinding(
            result.diagnostics.first, .optionalUnwrapped, at: "1️⃣", in: source, messageContains: ["invoice.paid_on"],
            hintContains: ["exists", "??"])
    }

    @Test func existsNarrowsTheRestOfAnAnd() throws {
        let source = rules("""
            decisions:
              paid_in_future:
                title: Whether the payment date is after the evaluation date
                cites: art. 13
                inputs:
                  invoice.paid_on: date?
                returns: bool
                value: exists(invoice.paid_on) and invoice.paid_on > as_of
            """)
        let result = compile(source)
        #expect(result.diagnostics.isEmpty, printed(result, source))
        #expect(try #require(result.ruleSet).contracts.first?.decisions.map(\.id) == ["paid_in_future"])
    }

    // MARK: - Contract structures

    @Test func tiersWithoutBoundaries() {
        let source = rules("""
            decisions:
              sla_rate:
                title: Penalty rate of an incident
                cites: art. 11
                inputs:
                  incident.recorded_at: datetime
                  incident.closed_at: datetime
                returns: percent
                let:
                  outage: incident.closed_at - incident.recorded_at
                value:
                  tiers:
                    1️⃣of: outage
                    cites: art. 11
                    rows:
                      - {from: 0 hours, to: 1 hour, then: 0%}
                      - {from: 1 hour, then: 25%}
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.tierConvention], printed(result, source))
        expectFinding(result.diagnostics.first, .tierConvention, at: "1️⃣", in: source, hintContains: ["lower_inclusive", "upper_inclusive"])
        #expect(result.ruleSet == nil)
    }

    private func tierSource(_ rows: String) -> MarkedSource {
        rules("""
            decisions:
              sla_rate:
                title: Penalty rate of an incident
                cites: art. 11
                inputs:
                  incident.recorded_at: datetime
                  incident.closed_at: datetime
                returns: percent
                let:
                  outage: incident.closed_at - incident.recorded_at
                value:
                  tiers:
                    of: outage
                    boundaries: lower_inclusive
                    cites: art. 11
                    rows:
            \(rows)
            """)
    }

    @Test func tierRowsWithAGap() {
        let source = tierSource("""
                      - {from: 0 hours, to: 1 hour, then: 0%}
                      - 1️⃣{from: 2 hours, to: 3 hours, then: 50%}
                      - {from: 3 hours, then: 100%}
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.tierRows], printed(result, source))
        // docs/CHECKS.md: "gap between 1 hour and 2 hours": the editor is told which values no row covers.
        expectFinding(result.diagnostics.first, .tierRows, at: "1️⃣", in: source, messageContains: ["gap", "1 hour", "2 hours"])
    }

    @Test func tierRowsThatOverlap() {
        let source = tierSource("""
                      - {from: 0 hours, to: 2 hours, then: 0%}
                      - 1️⃣{from: 1 hour, to: 3 hours, then: 50%}
                      - {from: 3 hours, then: 100%}
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.tierRows], printed(result, source))
        expectFinding(result.diagnostics.first, .tierRows, at: "1️⃣", in: source, messageContains: ["overlap"])
    }

    @Test func casesWithoutOtherwise() {
        let source = rules("""
            decisions:
              suspend:
                title: Suspension of access
                cites: art. 6
                inputs:
                  invoices.any_unpaid: bool
                returns: bool
                value:
                  1️⃣cases:
                    - when: invoices.any_unpaid
                      then: true
                      cites: art. 6
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.casesWithoutOtherwise], printed(result, source))
        expectFinding(result.diagnostics.first, .casesWithoutOtherwise, at: "1️⃣", in: source, hintContains: ["otherwise"])
        #expect(result.ruleSet == nil)
    }

    @Test func recordAnswerMissingAField() {
        let source = rules("""
            decisions:
              refund:
                title: Refund and access
                cites: art. 5
                inputs:
                  subscription.paid_until: date
                returns: {refund: money, access_until: date}
                value:
                  1️⃣refund: 0 EUR
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.missingKey], printed(result, source))
        expectFinding(result.diagnostics.first, .missingKey, at: "1️⃣", in: source, messageContains: ["'access_until'"])
    }

    @Test func recordAnswerWithAnExtraField() {
        let source = rules("""
            decisions:
              refund:
                title: Refund and access
                cites: art. 5
                inputs:
                  subscription.paid_until: date
                returns: {refund: money, access_until: date}
                value:
                  refund: 0 EUR
                  access_until: subscription.paid_until
                  1️⃣penalty: 0 EUR
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.unknownName], printed(result, source))
        expectFinding(
            result.diagnostics.first, .unknownName, at: "1️⃣", in: source, messageContains: ["'penalty'"],
            hintContains: ["refund", "access_until"])
    }

    // MARK: - Definitions

    @Test func definitionsCallingEachOtherInACycle() {
        let source = rules("""
            definitions:
              1️⃣late_fee:
                cites: art. 13
                params:
                  amount: money
                returns: money
                value: grace_fee(amount)
              grace_fee:
                cites: art. 13
                params:
                  amount: money
                returns: money
                value: late_fee(amount)
            decisions:
              fee:
                title: Fee
                cites: art. 13
                inputs:
                  invoice.amount: money
                returns: money
                value: late_fee(invoice.amount)
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.cycle], printed(result, source))
        expectFinding(result.diagnostics.first, .cycle, at: "1️⃣", in: source, messageContains: ["late_fee", "grace_fee"])
        #expect(result.ruleSet == nil)
    }

    // MARK: - YAML

    @Test func duplicateKeyInADecision() {
        let source = rules("""
            decisions:
              billing_dispute_deadline:
                title: Last day to dispute an invoice
                cites: art. 13
                inputs:
                  invoice.issued_on: date
                1️⃣returns: date
                value: invoice.issued_on + 1 month
                2️⃣returns: money
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.duplicateKey], printed(result, source))
        let duplicate = result.diagnostics.first
        expectFinding(duplicate, .duplicateKey, at: "2️⃣", in: source, messageContains: ["'returns'"])
        #expect(duplicate?.notes.map(\.location) == [source.location("1️⃣", file: path)])
        #expect(result.ruleSet == nil)
    }

    @Test func yamlSyntaxError() {
        let source = rules("""
            decisions:
              late_fee:
                title: Late fee1️⃣: 40 EUR
                cites: art. 13
                returns: money
                value: 40 EUR
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.yamlSyntax], printed(result, source))
        expectFinding(result.diagnostics.first, .yamlSyntax, at: "1️⃣", in: source, hintContains: ["quotes"])
        #expect(result.ruleSet == nil)
    }

    // MARK: - Citations

    @Test func decisionWithoutCitesIsAWarning() throws {
        let source = rules("""
            decisions:
              1️⃣liability_cap:
                title: Cap on liability
                inputs:
                  subscription.monthly_fee: money
                returns: money
                value: subscription.monthly_fee
            """)
        let result = compile(source)
        #expect(result.diagnostics.map(\.code) == [.missingCitation], printed(result, source))
        expectFinding(result.diagnostics.first, .missingCitation, .warning, at: "1️⃣", in: source, messageContains: ["liability_cap"], hintContains: ["cites"])
        // A warning does not stop compilation.
        let ruleSet = try #require(result.ruleSet)
        #expect(ruleSet.contracts.first?.decisions.map(\.id) == ["liability_cap"])
    }

    // MARK: - Clean files

    @Test func cleanMinimalFileHasNoFindings() throws {
        let source = rules("""
            decisions:
              billing_dispute_deadline:
                title: Last day to dispute an invoice
                cites: art. 13
                inputs:
                  invoice.issued_on: date
                returns: date
                value: invoice.issued_on + 1 month
              liability_cap:
                title: Cap on liability
                cites: art. 12
                inputs:
                  subscription.monthly_fee: money
                returns: money
                value: subscription.monthly_fee
            """)
        let result = compile(source)
        #expect(result.diagnostics.isEmpty, printed(result, source))
        let ruleSet = try #require(result.ruleSet)
        #expect(ruleSet.contracts.map(\.header.id) == ["test"])
        #expect(ruleSet.contracts.first?.decisions.map(\.id) == ["billing_dispute_deadline", "liability_cap"])
    }

    @Test func theRepositoryRulesCompileClean() throws {
        // <repo>/Tests/ClausierCompilerTests/CompilerDiagnosticsTests.swift → <repo>
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let rulesDirectory = repository.appendingPathComponent("Rules").path
        let result = Compiler.compile(paths: [rulesDirectory])
        #expect(result.diagnostics.isEmpty, Comment(rawValue: TextRenderer().render(result.diagnostics)))
        let ruleSet = try #require(result.ruleSet)
        #expect(ruleSet.contract("prospect-it") != nil)
    }
}
