import Clausier
import ClausierDiagnostics
import Testing

/// A finding with every part: a location, two hints, a note with a location and one without.
private let full = Diagnostic.error(
    .conflictingProvisions, "conflicting provisions for 'retention'", at: SourceLocation(file: "Rules/b.yaml", line: 4, column: 9),
    hints: ["keep one", "or cite both"],
    notes: [
        DiagnosticNote("the other provision", at: SourceLocation(file: "Rules/b.yaml", line: 5, column: 11)),
        DiagnosticNote("read art. 10", at: nil),
    ])

@Suite("A finding as JSON")
struct DiagnosticJSONTests {
    @Test func holdsEveryPartInTheDocumentedOrder() {
        #expect(JSONWriter.write(full.json) == """
            {"code":"CLS040","severity":"error","message":"conflicting provisions for 'retention'",\
            "file":"Rules/b.yaml","line":4,"column":9,"hints":["keep one","or cite both"],\
            "notes":[{"message":"the other provision","file":"Rules/b.yaml","line":5,"column":11},{"message":"read art. 10"}]}
            """)
    }

    @Test func leavesOutTheLocationOfAFindingWithout() {
        let finding = Diagnostic.error(.unreadableFile, "no rule files were found", at: nil)
        #expect(JSONWriter.write(finding.json) == #"{"code":"CLS001","severity":"error","message":"no rule files were found","hints":[],"notes":[]}"#)
    }

    @Test(arguments: [Severity.error, .warning, .note])
    func writesTheSeverityByName(_ severity: Severity) throws {
        let finding = Diagnostic(.untestedDecision, severity, "the decision 'refund' has no test", at: nil)
        guard case .object(let object) = finding.json else {
            Issue.record("a finding is not an object: \(finding.json)")
            return
        }
        #expect(object["severity"] == .string(severity.rawValue))
        #expect(object["code"] == .string("CLS071"))
    }

    @Test func theCheckReportIsTheArrayOfTheFindings() {
        let findings = [full, .warning(.missingCitation, "cites\u{08}nothing", at: nil)]
        // Findings keep the `\u0008` escapes `clausier check --format json` has always written.
        let expected = "[" + findings.map { JSONWriter.write($0.json, options: .backspaceAndFormFeedAsUnicodeEscapes) }.joined(separator: ",") + "]"
        #expect(JSONRenderer.render(findings) == expected)
        #expect(JSONRenderer.render(findings).contains(#"cites\u0008nothing"#))
        #expect(JSONRenderer.render([]) == "[]")
    }
}
