import Clausier
import ClausierCompiler
import ClausierDiagnostics
import Foundation
import Testing

// The findings the compiler owes an editor of rule files, one row of a table per rule file
// (`FindingCase.ofExpressions` and `FindingCase.ofStructures`).
//
// Each rule file is written with position markers (see `MarkedSource`): `1️⃣` stands right before
// the character the finding must point at. The expectations come from docs/LANGUAGE.md, docs/CHECKS.md
// and the documentation comments of the diagnostic codes, not from what the compiler happens to print:
// messages are checked only for the words an editor needs (both types of a type error, the name
// suggested for a misspelling), never word for word.

let ruleFilePath = "Rules/test.yaml"

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
func rules(_ body: String) -> MarkedSource {
    MarkedSource(header + "\n" + body + "\n")
}

private func compile(_ source: MarkedSource) -> CompilationResult {
    Compiler.compile([SourceFile(path: ruleFilePath, text: source.text)])
}

/// Every finding as the CLI would print it, to make a failed expectation readable.
private func printed(_ result: CompilationResult, _ source: MarkedSource) -> Comment {
    Comment(rawValue: "\n" + TextRenderer(sources: [ruleFilePath: source.text]).render(result.diagnostics))
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
        diagnostic.location == source.location(marker, file: ruleFilePath, sourceLocation: sourceLocation),
        "\(code): \(diagnostic.message)", sourceLocation: sourceLocation)
    for word in words {
        #expect(diagnostic.message.contains(word), "message: \(diagnostic.message)", sourceLocation: sourceLocation)
    }
    for word in hintWords {
        #expect(diagnostic.hints.contains { $0.contains(word) }, "hints: \(diagnostic.hints)", sourceLocation: sourceLocation)
    }
}

/// A rule file of one tiers table whose rows are `rows`.
func tiers(_ rows: String) -> MarkedSource {
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

@Suite struct CompilerDiagnosticsTests {
    /// Each rule file gives exactly the findings of its row, in order, each pointing at its marker.
    @Test(arguments: FindingCase.ofExpressions + FindingCase.ofStructures)
    func findings(_ row: FindingCase) {
        let source = row.source
        let result = compile(source)
        let reported = row.errorsOnly ? errors(result) : result.diagnostics
        #expect(reported.map(\.code) == row.findings.map(\.code), printed(result, source))
        for (index, expected) in row.findings.enumerated() {
            let diagnostic = reported.dropFirst(index).first
            expectFinding(
                diagnostic, expected.code, expected.severity, at: expected.marker, in: source,
                messageContains: expected.messageContains, hintContains: expected.hintContains)
            if let notes = expected.notesAt {
                #expect(diagnostic?.notes.map(\.location) == notes.map { source.location($0, file: ruleFilePath) })
            }
        }
        switch row.ruleSet {
        case .unchecked:
            break
        case .refused:
            #expect(result.ruleSet == nil)
        case .compiled(let decisions):
            #expect(result.ruleSet?.contracts.first?.decisions.map(\.id) == decisions)
        }
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
