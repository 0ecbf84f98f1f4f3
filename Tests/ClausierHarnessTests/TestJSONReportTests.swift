import ClausierDiagnostics
@testable import ClausierHarness
import Foundation
import Testing

/// The JSON report, parsed back.
private func parsed(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite("JSON test report")
struct TestJSONReportTests {
    @Test("counts and one object per case; no coverage unless asked for")
    func cases() throws {
        let json = try parsed(TestJSONReport.render(try sampleReport()))
        #expect(json["passed"] as? Int == 2)
        #expect(json["failed"] as? Int == 1)
        #expect(json["coverage"] == nil)
        #expect(json["diagnostics"] == nil)
        let cases = try #require(json["cases"] as? [[String: Any]])
        #expect(cases.count == 3)
        #expect(cases[0]["file"] as? String == "Rules/prospect-it.test.yaml")
        #expect(cases[0]["contract"] as? String == "prospect-it")
        #expect(cases[0]["decision"] as? String == "sla_penalty")
        #expect(cases[0]["name"] as? String == "exactly 2 hours is 50%")
        #expect(cases[0]["line"] as? Int == 12)
        #expect(cases[0]["passed"] as? Bool == true)
        #expect(cases[0]["failure"] is NSNull)
        #expect(cases[1]["passed"] as? Bool == false)
        #expect((cases[1]["failure"] as? String)?.hasPrefix("expected {\"rate\":\"50%\"}") == true)
    }

    @Test("coverage, with the minimum when one is given")
    func coverage() throws {
        let contracts = [
            ContractCoverage(contract: "prospect-it", items: [
                CoverageItem(kind: "decision", rule: "sla_penalty", label: "sla_penalty", location: nil, covered: true),
                CoverageItem(kind: "tier", rule: "incident_penalty", label: "outage in [2 hours, 3 hours)",
                             location: "Rules/prospect-it.yaml:40:9", covered: false),
            ]),
        ]
        let json = try parsed(TestJSONReport.render(try sampleReport(), coverage: contracts, minCoverage: 80))
        #expect(json["min_coverage"] as? Double == 80)
        let coverage = try #require(json["coverage"] as? [[String: Any]])
        #expect(coverage.count == 1)
        #expect(coverage[0]["percent"] as? Double == 50)
        #expect(coverage[0]["covered"] as? Int == 1)
        #expect(coverage[0]["total"] as? Int == 2)
        #expect(coverage[0]["meets_minimum"] as? Bool == false)
        let items = try #require(coverage[0]["items"] as? [[String: Any]])
        #expect(items[1]["location"] as? String == "Rules/prospect-it.yaml:40:9")
        #expect(items[0]["location"] is NSNull)
    }

    @Test("findings that stop the run")
    func stopped() throws {
        let json = try parsed(TestJSONReport.render(stoppedBy: [
            .error(.invalidTest, "a test needs a 'name'", at: SourceLocation(file: "Rules/a.test.yaml", line: 4, column: 5)),
        ]))
        #expect(json["passed"] as? Int == 0)
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["code"] as? String == "CLS070")
        #expect(diagnostics.first?["line"] as? Int == 4)
    }
}
