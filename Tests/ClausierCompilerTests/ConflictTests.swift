import Clausier
import ClausierCompiler
import ClausierDiagnostics
import Foundation
import Testing

/// The suivi-pro retention conflict (3.B.v six months against 10.B twelve months): reported at both
/// provisions until the file declares which prevails.
@Suite struct ConflictTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func unresolvedConflictIsReportedAtBothProvisions() throws {
        let path = Self.root.appendingPathComponent("Tests/Fixtures/conflict/suivi-pro-retention-unresolved.yaml").path
        let result = Compiler.compile(paths: [path])
        #expect(result.ruleSet == nil)
        let conflicts = result.diagnostics.filter { $0.code == .conflictingProvisions }
        // Lines 18 (art. 3.B.v) and 23 (art. 10.B) of the fixture, column 9 where each provision starts.
        #expect(conflicts.map { $0.location?.line } == [18, 23])
        #expect(conflicts.allSatisfy { $0.severity == .error && $0.location?.column == 9 })
        #expect(conflicts.allSatisfy { $0.message.contains("6 months") && $0.message.contains("12 months") })
        #expect(conflicts.first?.notes.first?.location?.line == 23)
        #expect(conflicts.last?.notes.first?.location?.line == 18)
        // The conflict is the only finding: the term's use is not reported again as an unknown name.
        #expect(result.diagnostics.filter { $0.severity == .error }.count == 2)
    }

    @Test func shippedRulesDeclareTheResolutionAndItDecides() throws {
        let rules = try #require(Compiler.compile(paths: [Self.root.appendingPathComponent("Rules").path]).ruleSet)
        let facts = try JSONReader.read(#"{"subscription": {"ended_on": "2025-08-31"}}"#)
        let asOf = try #require(CivilDate.parse("2025-09-01"))
        let answer = try rules.evaluate(contract: "suivi-pro", decision: "prospect_data_deletion_date", facts: facts, asOf: asOf)
        // 3.B.v prevails: 2025-08-31 + 6 months = 2026-02-28 (clamped), not + 12 months = 2026-08-31.
        #expect(answer.value == .date(try #require(CivilDate.parse("2026-02-28"))))
        let term = try #require(answer.explanation.first { $0.kind == .term })
        #expect(term.citations == ["art. 3.B.v"])
        #expect(term.because?.contains("prevails over art. 10.B") == true)
    }

    @Test func removingTheResolutionFromTheShippedFileReportsTheConflict() throws {
        let path = Self.root.appendingPathComponent("Rules/suivi-pro.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Drop 'prevails:' and the 'because:' block under the term.
        var kept: [Substring] = []
        var skipping = false
        for line in lines {
            if line.hasPrefix("    prevails:") || line.hasPrefix("    because:") {
                skipping = line.hasPrefix("    because:")
                continue
            }
            if skipping, line.hasPrefix("      ") { continue }
            skipping = false
            kept.append(line)
        }
        let result = Compiler.compile([SourceFile(path: "suivi-pro.yaml", text: kept.joined(separator: "\n"))])
        let conflicts = result.diagnostics.filter { $0.code == .conflictingProvisions }
        #expect(conflicts.count == 2)
        #expect(Set(conflicts.compactMap { $0.location?.line }).count == 2)
    }
}
