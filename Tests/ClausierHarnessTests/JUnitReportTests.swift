import Clausier
import ClausierDiagnostics
@testable import ClausierHarness
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A case of `contract`'s `decision` in `file`, failing with `failure` when given.
func outcome(_ name: String, file: String, contract: String, decision: String, line: Int, failure: String? = nil) throws -> TestOutcome {
    let testCase = TestCase(
        name: name, decision: decision, asOf: try #require(CivilDate(year: 2025, month: 3, day: 10)),
        facts: .object(JSONObject()), expectation: .value(.string("x"), citations: []),
        location: SourceLocation(file: file, line: line, column: 5))
    return TestOutcome(file: file, contract: contract, testCase: testCase, failure: failure, decision: nil, error: nil)
}

/// Two files: one with a passing and a failing case whose texts need escaping, one with a passing case.
func sampleReport() throws -> TestReport {
    TestReport(outcomes: [
        try outcome("exactly 2 hours is 50%", file: "Rules/prospect-it.test.yaml", contract: "prospect-it", decision: "sla_penalty", line: 12),
        try outcome("a <tricky> & \"quoted\" 'case'", file: "Rules/prospect-it.test.yaml", contract: "prospect-it",
                    decision: "sla_penalty", line: 30,
                    failure: "expected {\"rate\":\"50%\"} & <more>,\ngot {\"rate\":\"25%\"}\u{01}"),
        try outcome("refund within 14 days", file: "Rules/callkom.test.yaml", contract: "callkom", decision: "retraction", line: 8),
    ])
}

/// What an XML parser saw of a JUnit report.
final class JUnitShape: NSObject, XMLParserDelegate {
    var root: [String: String] = [:]
    var suites: [[String: String]] = []
    var cases: [(suite: String, attributes: [String: String])] = []
    var failures: [[String: String]] = []
    var errors: [[String: String]] = []
    var failureText = ""
    private var inFailure = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "testsuites": root = attributes
        case "testsuite": suites.append(attributes)
        case "testcase": cases.append((suites.last?["name"] ?? "", attributes))
        case "failure":
            failures.append(attributes)
            inFailure = true
        case "error": errors.append(attributes)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "failure" { inFailure = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inFailure { failureText += string }
    }
}

/// Parses `xml`, failing the test when it is not well-formed.
func parse(_ xml: String) throws -> JUnitShape {
    let parser = XMLParser(data: Data(xml.utf8))
    let shape = JUnitShape()
    parser.delegate = shape
    let parsed = parser.parse()
    #expect(parsed, "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")\n\(xml)")
    try #require(parsed)
    return shape
}

@Suite("JUnit report")
struct JUnitReportTests {
    @Test("well-formed, one suite per test file with its counts, one case per outcome")
    func counts() throws {
        let shape = try parse(JUnitReport.render(try sampleReport()))
        #expect(shape.root["tests"] == "3")
        #expect(shape.root["failures"] == "1")
        #expect(shape.suites.map { $0["name"] } == ["prospect-it", "callkom"])
        #expect(shape.suites.map { $0["tests"] } == ["2", "1"])
        #expect(shape.suites.map { $0["failures"] } == ["1", "0"])
        #expect(shape.suites.allSatisfy { $0["time"] == "0" })
        #expect(shape.cases.count == 3)
        #expect(shape.cases.map(\.suite) == ["prospect-it", "prospect-it", "callkom"])
        #expect(shape.cases.map { $0.attributes["classname"] } == ["prospect-it.sla_penalty", "prospect-it.sla_penalty", "callkom.retraction"])
        #expect(shape.cases[0].attributes["line"] == "12")
    }

    @Test("texts are escaped and come back intact, forbidden characters replaced")
    func escaping() throws {
        let shape = try parse(JUnitReport.render(try sampleReport()))
        #expect(shape.cases[1].attributes["name"] == "a <tricky> & \"quoted\" 'case'")
        #expect(shape.failures.count == 1)
        #expect(shape.failures.first?["message"] == "expected {\"rate\":\"50%\"} & <more>,\ngot {\"rate\":\"25%\"}\u{FFFD}")
        #expect(shape.failureText.contains("FAIL a <tricky> & \"quoted\" 'case' (sla_penalty, as of 2025-03-10)"))
        #expect(shape.failureText.contains("expected {\"rate\":\"50%\"} & <more>"))
    }

    @Test("findings that stop the run become a suite of errors")
    func stopped() throws {
        let diagnostics: [Diagnostic] = [
            .error(.unknownKey, "unknown key '<cite>'", at: SourceLocation(file: "Rules/a.yaml", line: 2, column: 3)),
            .error(.unreadableFile, "cannot read the file", at: nil),
        ]
        let shape = try parse(JUnitReport.render(stoppedBy: diagnostics))
        #expect(shape.root["errors"] == "2")
        #expect(shape.suites.map { $0["name"] } == ["clausier check"])
        #expect(shape.suites.first?["errors"] == "2")
        #expect(shape.errors.map { $0["type"] } == ["CLS010", "CLS001"])
        #expect(shape.errors.first?["message"] == "unknown key '<cite>'")
    }

    @Test("an empty run is a well-formed empty report")
    func empty() throws {
        let shape = try parse(JUnitReport.render(TestReport(outcomes: [])))
        #expect(shape.root["tests"] == "0")
        #expect(shape.suites.isEmpty)
    }
}
