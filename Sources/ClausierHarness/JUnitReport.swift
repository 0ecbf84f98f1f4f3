import ClausierDiagnostics

/// Renders a test run as JUnit XML, the report format CI servers read to show test results:
///
/// ```xml
/// <testsuites name="clausier" tests="2" failures="1" errors="0" time="0">
///   <testsuite name="prospect-it" file="Rules/prospect-it.test.yaml" tests="2" failures="1" errors="0" skipped="0" time="0">
///     <testcase name="two hours is 50%" classname="prospect-it.sla_penalty" file="Rules/prospect-it.test.yaml" line="12" time="0">
///       <failure message="expected {&quot;rate&quot;:&quot;50%&quot;}, got {&quot;rate&quot;:&quot;25%&quot;}">…</failure>
///     </testcase>
///   </testsuite>
/// </testsuites>
/// ```
///
/// There is one test suite per test file, named after the contract it tests, with its cases in file order;
/// a failure's text is what `clausier test` prints for it: expected against actual, and the explanation.
/// Findings that stopped the run (rules or test files that do not compile) come first, as a suite named
/// `clausier check` with one erroring case per finding, so that CI shows them too.
public enum JUnitReport {
    /// The report as an XML document, ending with a newline.
    public static func render(_ report: TestReport, diagnostics: [Diagnostic] = []) -> String {
        var files: [String] = []
        var outcomesByFile: [String: [TestOutcome]] = [:]
        for outcome in report.outcomes {
            if outcomesByFile[outcome.file] == nil { files.append(outcome.file) }
            outcomesByFile[outcome.file, default: []].append(outcome)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites" + attributes([
            ("name", "clausier"), ("tests", String(report.outcomes.count + diagnostics.count)),
            ("failures", String(report.failed)), ("errors", String(errors)), ("time", "0"),
        ]) + ">\n"
        if !diagnostics.isEmpty { out += checkSuite(diagnostics) }
        for file in files {
            let outcomes = outcomesByFile[file] ?? []
            out += "  <testsuite" + attributes([
                ("name", outcomes.first?.contract ?? file), ("file", file), ("tests", String(outcomes.count)),
                ("failures", String(outcomes.filter { !$0.passed }.count)), ("errors", "0"), ("skipped", "0"),
                ("time", "0"),
            ]) + ">\n"
            for outcome in outcomes { out += testCase(outcome) }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// The report of a run that findings stopped before any case ran: only the `clausier check` suite.
    public static func render(stoppedBy diagnostics: [Diagnostic]) -> String {
        render(TestReport(outcomes: []), diagnostics: diagnostics)
    }

    private static func testCase(_ outcome: TestOutcome) -> String {
        let open = "    <testcase" + attributes([
            ("name", outcome.testCase.name), ("classname", "\(outcome.contract).\(outcome.testCase.decision)"),
            ("file", outcome.file), ("line", String(outcome.testCase.location.line)), ("time", "0"),
        ])
        guard let failure = outcome.failure else { return open + "/>\n" }
        return open + ">\n"
            + "      <failure" + attributes([("message", failure), ("type", "failure")]) + ">"
            + escapeText(TestReportText.render(outcome)) + "</failure>\n"
            + "    </testcase>\n"
    }

    private static func checkSuite(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        var out = "  <testsuite" + attributes([
            ("name", "clausier check"), ("tests", String(diagnostics.count)), ("failures", "0"),
            ("errors", String(errors)), ("skipped", "0"), ("time", "0"),
        ]) + ">\n"
        let renderer = TextRenderer()
        for diagnostic in diagnostics {
            var open = "    <testcase" + attributes([
                ("name", "\(diagnostic.code)" + (diagnostic.location.map { " at \($0)" } ?? "")), ("classname", "check"),
            ])
            if let location = diagnostic.location {
                open += attributes([("file", location.file), ("line", String(location.line))])
            }
            open += attributes([("time", "0")])
            guard diagnostic.severity == .error else {
                out += open + ">\n      <system-out>" + escapeText(renderer.render(diagnostic)) + "</system-out>\n    </testcase>\n"
                continue
            }
            out += open + ">\n"
                + "      <error" + attributes([("message", diagnostic.message), ("type", diagnostic.code.rawValue)]) + ">"
                + escapeText(renderer.render(diagnostic)) + "</error>\n"
                + "    </testcase>\n"
        }
        return out + "  </testsuite>\n"
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escapeAttribute($0.1))\"" }.joined()
    }

    /// Text escaped for XML character data: `&`, `<` and `>` as entities, a carriage return as a character
    /// reference, and characters XML 1.0 forbids replaced by U+FFFD.
    public static func escapeText(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// Text escaped for a double-quoted XML attribute: as character data, and also quotes, tabs and line
    /// feeds as references, so that a parser keeps the line breaks of a message.
    public static func escapeAttribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            case "\"" where inAttribute: out += "&quot;"
            case "'" where inAttribute: out += "&apos;"
            case "\n" where inAttribute: out += "&#10;"
            case "\t" where inAttribute: out += "&#9;"
            default: out.unicodeScalars.append(isAllowedInXML(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    private static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
