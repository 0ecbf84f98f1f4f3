import Clausier
import ClausierDiagnostics
import ClausierHarness
import Testing

/// The test report's findings are the same JSON objects as `clausier check --format json`'s.
@Suite struct TestJSONReportDiagnosticsTests {
    @Test func theTestReportCarriesTheSameObjectsAsTheCheckReport() throws {
        let finding = Diagnostic.error(
            .conflictingProvisions, "conflicting provisions for 'retention'", at: SourceLocation(file: "Rules/b.yaml", line: 4, column: 9),
            hints: ["keep one", "or cite both"],
            notes: [DiagnosticNote("the other provision", at: SourceLocation(file: "Rules/b.yaml", line: 5, column: 11))])
        let report = try JSONReader.read(TestJSONReport.render(stoppedBy: [finding]))
        guard case .object(let object) = report else {
            Issue.record("the test report is not an object")
            return
        }
        #expect(object["diagnostics"] == .array([finding.json]))
        #expect(try JSONReader.read(JSONRenderer.render([finding])) == .array([finding.json]))
    }
}
